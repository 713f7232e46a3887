/**
 * Revision history as kubectl reads it for `rollout history` and `rollout undo`
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go, rollback.go): a Deployment's
 * ReplicaSets by their revision annotation, a DaemonSet's or StatefulSet's ControllerRevisions.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { labelSelectorMatches } from '../../../sim/apiserver/selectors.ts';
import { clone, controllerOf, type KubeObject, type Stored } from '../../../sim/apiserver/types.ts';
import type { Invocation } from '../../command.ts';

export interface Revision {
  revision: number;
  /** The pod template the revision restores (pod-template-hash dropped for Deployments). */
  template: PodTemplateSpec;
  /** Annotations of the ReplicaSet or ControllerRevision (change-cause lives here). */
  annotations: Record<string, string>;
  /** The ReplicaSet or ControllerRevision. */
  source: Stored;
}

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** Whether kubectl has a history viewer / rollbacker for this kind. */
export function hasHistory(kind: string): boolean {
  return kind === 'Deployment' || kind === 'DaemonSet' || kind === 'StatefulSet';
}

function owned(obj: Stored, owner: Stored): boolean {
  return controllerOf(obj)?.uid === owner.metadata.uid;
}

/**
 * Every revision of the object, ascending. A Deployment's templates lose their pod-template-hash
 * label for rollbacks; `rollout history --revision` shows the ReplicaSet's template as it is.
 */
export function revisionsOf(inv: Invocation, obj: Stored<KubeObject>, opts: { keepHash?: boolean } = {}): Revision[] {
  const api = inv.cluster.api;
  const ns = obj.metadata.namespace;
  const out: Revision[] = [];
  if (obj.kind === 'Deployment') {
    for (const rs of api.list('ReplicaSet', { namespace: ns })) {
      if (!owned(rs, obj)) continue;
      const v = rs.metadata.annotations?.['deployment.kubernetes.io/revision'];
      if (!v || !/^[0-9]+$/.test(v)) continue;
      const template = clone(rs.spec?.template ?? {}) as PodTemplateSpec & { metadata?: { labels?: Record<string, string> } };
      if (template.metadata?.labels && !opts.keepHash) {
        const labels = { ...template.metadata.labels };
        delete labels['pod-template-hash'];
        (template.metadata as { labels?: Record<string, string> }).labels = labels;
      }
      out.push({ revision: Number(v), template, annotations: { ...(rs.metadata.annotations ?? {}) }, source: rs });
    }
  } else {
    for (const cr of api.list('ControllerRevision', { namespace: ns })) {
      if (!owned(cr, obj) || !labelSelectorMatches(obj.spec?.selector, cr.metadata.labels)) continue;
      const t = clone((cr.data as { spec?: { template?: Record<string, unknown> } })?.spec?.template ?? {});
      delete t.$patch;
      out.push({ revision: cr.revision, template: t as PodTemplateSpec, annotations: { ...(cr.metadata.annotations ?? {}) }, source: cr });
    }
  }
  return out.sort((a, b) => a.revision - b.revision);
}
