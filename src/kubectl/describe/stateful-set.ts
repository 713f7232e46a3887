/** `kubectl describe statefulset`: describe.go describeStatefulSet. */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { formatLabelSelector } from '../../sim/apiserver/selectors.ts';
import { formatQuantity } from '../../sim/apiserver/quantity.ts';
import { describePodTemplate } from './containers.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline, podStatusCounts } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter, goList, rfc1123z } from './writer.ts';

export const statefulSetDescriber: Describer = {
  kind: 'StatefulSet',
  describe(obj, { cluster, now, showEvents }) {
    const sts = obj as StatefulSet;
    const w = new DescribeWriter();
    const pods = cluster.api.list('Pod', { namespace: obj.metadata.namespace });
    const c = podStatusCounts(pods, obj.metadata.uid);
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    w.write(0, `Selector:\t${selectorString(sts.spec?.selector)}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `Replicas:\t${sts.spec?.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(0, `Update Strategy:\t${sts.spec?.updateStrategy?.type ?? ''}\n`);
    const ru = sts.spec?.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
    describePodTemplate(w, sts.spec?.template);
    const templates = sts.spec?.volumeClaimTemplates ?? [];
    if (templates.length === 0) w.write(0, 'Volume Claims:\t<none>\n');
    else {
      w.write(0, 'Volume Claims:\n');
      for (const pvc of templates) {
        w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
        w.write(1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
        labelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
        labelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
        const storage = pvc.spec?.resources?.requests?.storage;
        w.write(1, `Capacity:\t${storage !== undefined ? formatQuantity(storage) : '<default>'}\n`);
        w.write(1, `Access Modes:\t${goList(pvc.spec?.accessModes)}\n`);
      }
    }
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};

/** labels.Selector.String() of a LabelSelector: like FormatLabelSelector but empty for none. */
export function selectorString(sel: Parameters<typeof formatLabelSelector>[0]): string {
  const s = formatLabelSelector(sel);
  return s === '<none>' ? '' : s;
}
