/**
 * ReplicaSets of a Deployment (pkg/controller/deployment/sync.go getNewReplicaSet and
 * util/deployment_util.go): the pod-template-hash, finding the new and old sets, revision numbers,
 * and the annotations the controller keeps on them.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { clone, type K8s, type KubeObject, type Stored } from '../../apiserver/types.ts';
import { sameContent } from '../../apiserver/store.ts';
import { computeHash } from '../history.ts';
import { controllerRef } from '../ownership.ts';
import type { StoredReplicaSet } from '../replicaset.ts';

export type StoredDeployment = Stored<K8s<Deployment>>;

export const HASH_LABEL = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** Deployment annotations never copied to its ReplicaSets (annotationsToSkip). */
const SKIP = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);

export function templateHash(d: StoredDeployment): string {
  return computeHash(d.spec!.template, d.status?.collisionCount ?? undefined);
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is dropped. */
export function isSameTemplate(a: Readonly<PodTemplateSpec> | undefined, b: Readonly<PodTemplateSpec> | undefined): boolean {
  const strip = (t: Readonly<PodTemplateSpec> | undefined) => {
    const c = clone(t ?? {}) as PodTemplateSpec & { metadata?: { labels?: Record<string, string> } };
    if (c.metadata?.labels) {
      const labels = { ...c.metadata.labels };
      delete labels[HASH_LABEL];
      (c.metadata as { labels?: Record<string, string> }).labels = Object.keys(labels).length ? labels : undefined;
    }
    return c;
  };
  return sameContent(strip(a), strip(b));
}

export function revisionOf(rs: Stored): number {
  const v = rs.metadata.annotations?.[REVISION];
  return v && /^[0-9]+$/.test(v) ? Number(v) : 0;
}

export function maxRevision(sets: readonly Stored[]): number {
  return sets.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** FindNewReplicaSet: the oldest set whose template matches the deployment's. */
export function findNewReplicaSet(d: StoredDeployment, sets: readonly StoredReplicaSet[]): StoredReplicaSet | undefined {
  return [...sets].sort(byCreation).find((rs) => isSameTemplate(rs.spec?.template, d.spec?.template));
}

export function byCreation(a: Stored, b: Stored): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** Annotations a new or reused ReplicaSet gets from its Deployment (setNewReplicaSetAnnotations). */
export function copiedAnnotations(d: StoredDeployment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP.has(k)) out[k] = v;
  return out;
}

/** A new ReplicaSet object for the deployment's template, named `<deployment>-<hash>`. */
export function newReplicaSetObject(d: StoredDeployment, hash: string, replicas: number, revision: number, maxSurge: number): KubeObject {
  const t = clone(d.spec!.template) as PodTemplateSpec & { metadata: { labels?: Record<string, string> } };
  t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...(t.metadata.labels ?? {}) },
      annotations: {
        ...copiedAnnotations(d),
        [DESIRED_REPLICAS]: String(d.spec?.replicas ?? 1),
        [MAX_REPLICAS]: String((d.spec?.replicas ?? 1) + maxSurge),
        [REVISION]: String(revision),
      },
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas,
      ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector: { ...clone(d.spec!.selector), matchLabels: { ...(d.spec!.selector.matchLabels ?? {}), [HASH_LABEL]: hash } },
      template: t,
    },
  };
}
