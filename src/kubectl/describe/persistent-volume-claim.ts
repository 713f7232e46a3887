/** `kubectl describe pvc`: describe.go describePersistentVolumeClaim, with the pods using it. */
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { parseTime } from '../../sim/clock.ts';
import { humanDuration } from '../format/duration.ts';
import { formatQuantity } from '../../sim/apiserver/quantity.ts';
import { accessModes } from '../printers/persistent-volume.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter, goList, rfc1123z } from './writer.ts';

export const persistentVolumeClaimDescriber: Describer = {
  kind: 'PersistentVolumeClaim',
  describe(obj, { cluster, now, showEvents }) {
    const pvc = obj as PersistentVolumeClaim;
    const spec = pvc.spec ?? {};
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    w.write(0, `StorageClass:\t${spec.storageClassName ?? obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`);
    const deletion = parseTime(obj.metadata.deletionTimestamp);
    if (deletion !== undefined) w.write(0, `Status:\tTerminating (lasts ${humanDuration(now - deletion)})\n`);
    else w.write(0, `Status:\t${pvc.status?.phase ?? ''}\n`);
    w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `Finalizers:\t${goList(obj.metadata.finalizers)}\n`);
    const bound = Boolean(spec.volumeName);
    w.write(0, `Capacity:\t${bound ? formatQuantity(pvc.status?.capacity?.storage) : ''}\n`);
    w.write(0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
    if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
    if (spec.dataSource) {
      w.write(0, 'DataSource:\n');
      if (spec.dataSource.apiGroup) w.write(1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
      w.write(1, `Kind:\t${spec.dataSource.kind}\n`);
      w.write(1, `Name:\t${spec.dataSource.name}\n`);
    }
    const pods = usedBy(cluster.api.list('Pod', { namespace: obj.metadata.namespace }) as unknown as Pod[], pvc);
    w.write(0, 'Used By:\t');
    if (pods.length === 0) w.line('<none>');
    pods.forEach((p, i) => {
      if (i !== 0) w.write(0, '\t');
      w.write(0, `${p.metadata?.name}\n`);
    });
    const conditions = pvc.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n');
      w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};

/** getPodsForPVC: pods mounting the claim, then pods owning it. */
function usedBy(pods: readonly Pod[], pvc: PersistentVolumeClaim): Pod[] {
  const out: Pod[] = [];
  for (const p of pods) {
    for (const v of p.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) out.push(p);
  }
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata?.uid === ref.uid);
    if (owner && !out.includes(owner)) out.push(owner);
  }
  return out;
}
