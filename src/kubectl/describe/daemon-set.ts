/** `kubectl describe daemonset`: describe.go describeDaemonSet. */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { formatLabels } from '../../sim/apiserver/selectors.ts';
import { describePodTemplate } from './containers.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline, podStatusCounts } from './meta.ts';
import { selectorString } from './stateful-set.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

export const daemonSetDescriber: Describer = {
  kind: 'DaemonSet',
  describe(obj, { cluster, now, showEvents }) {
    const ds = obj as DaemonSet;
    const s = ds.status;
    const w = new DescribeWriter();
    const c = podStatusCounts(cluster.api.list('Pod', { namespace: obj.metadata.namespace }), obj.metadata.uid);
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    w.write(0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
    w.write(0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
    w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
    w.write(0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
    w.write(0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
    w.write(0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
    describePodTemplate(w, ds.spec?.template);
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};
