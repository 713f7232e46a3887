/** `kubectl describe replicaset`: describe.go describeReplicaSet. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { formatLabelSelector } from '../../sim/apiserver/selectors.ts';
import { describePodTemplate } from './containers.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, controlledBy, labelsMultiline, podStatusCounts } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

export const replicaSetDescriber: Describer = {
  kind: 'ReplicaSet',
  describe(obj, { cluster, now, showEvents }) {
    const rs = obj as ReplicaSet;
    const w = new DescribeWriter();
    const c = podStatusCounts(cluster.api.list('Pod', { namespace: obj.metadata.namespace }), obj.metadata.uid);
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const owner = controlledBy(obj);
    if (owner) w.write(0, `Controlled By:\t${owner}\n`);
    w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(0, 'Pods Status:\t');
    w.write(0, `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
    describePodTemplate(w, rs.spec?.template);
    if (rs.status?.conditions?.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(1, '----\t------\t------\n');
      for (const cond of rs.status.conditions) w.write(1, `${cond.type} \t${cond.status}\t${cond.reason ?? ''}\n`);
    }
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};
