/** `kubectl describe deployment`: describe.go describeDeployment, with its old and new ReplicaSets. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { controllerOf } from '../../sim/apiserver/types.ts';
import { sameContent } from '../../sim/apiserver/store.ts';
import { describePodTemplate } from './containers.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import { selectorString } from './stateful-set.ts';
import type { Describer } from './types.ts';
import { DescribeWriter, rfc1123z } from './writer.ts';

export const deploymentDescriber: Describer = {
  kind: 'Deployment',
  describe(obj, { cluster, now, showEvents }) {
    const d = obj as Deployment;
    const s = d.status ?? {};
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
    w.write(
      0,
      `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
    w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
    const ru = d.spec?.strategy?.rollingUpdate;
    if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
    describePodTemplate(w, d.spec?.template);
    if (s.conditions?.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(1, '----\t------\t------\n');
      for (const c of s.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    const owned = (cluster.api.list('ReplicaSet', { namespace: obj.metadata.namespace }) as unknown as ReplicaSet[]).filter(
      (rs) => controllerOf(rs as never)?.uid === obj.metadata.uid,
    );
    const newRS = owned.find((rs) => sameTemplate(rs, d));
    const oldRSs = owned.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 0) > 0);
    if (owned.length > 0) {
      w.write(0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
      w.write(0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
    }
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};

function sameTemplate(rs: ReplicaSet, d: Deployment): boolean {
  const strip = (t: unknown) => {
    const c = structuredClone(t) as { metadata?: { labels?: Record<string, string> } };
    if (c?.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
    return c;
  };
  return sameContent(strip(rs.spec?.template), strip(d.spec?.template));
}

/** printReplicaSetsByLabels: `web-5d4f (3/3 replicas created)`, comma-joined, `<none>`. */
function replicaSetsText(list: ReplicaSet[]): string {
  if (list.length === 0) return '<none>';
  return list.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}
