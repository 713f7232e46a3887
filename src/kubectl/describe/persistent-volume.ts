/** `kubectl describe pv`: describe.go describePersistentVolume. */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { parseTime } from '../../sim/clock.ts';
import { humanDuration } from '../format/duration.ts';
import { formatQuantity } from '../../sim/apiserver/quantity.ts';
import { accessModes } from '../printers/persistent-volume.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter, goList } from './writer.ts';

export const persistentVolumeDescriber: Describer = {
  kind: 'PersistentVolume',
  describe(obj, { cluster, now, showEvents }) {
    const pv = obj as PersistentVolume;
    const spec = pv.spec ?? {};
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `Finalizers:\t${goList(obj.metadata.finalizers)}\n`);
    w.write(0, `StorageClass:\t${spec.storageClassName ?? obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`);
    const deletion = parseTime(obj.metadata.deletionTimestamp);
    if (deletion !== undefined) w.write(0, `Status:\tTerminating (lasts ${humanDuration(now - deletion)})\n`);
    else w.write(0, `Status:\t${pv.status?.phase ?? ''}\n`);
    w.write(0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
    w.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(0, `Capacity:\t${formatQuantity(spec.capacity?.storage)}\n`);
    w.write(0, 'Node Affinity:\t');
    const required = spec.nodeAffinity?.required;
    if (!required) w.line('<none>');
    else {
      w.line('');
      w.write(1, 'Required Terms:\t');
      if (!required.nodeSelectorTerms?.length) w.line('<none>');
      else {
        w.line('');
        required.nodeSelectorTerms.forEach((term, i) => {
          w.write(2, `Term ${i}:\t`);
          const reqs = term.matchExpressions ?? [];
          if (reqs.length === 0) return w.line('<none>');
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(2, '\t');
            let expr = `${r.key} ${r.operator.toLowerCase()}`;
            if (r.values?.length) expr += ` [${r.values.join(', ')}]`;
            w.write(0, `${expr}\n`);
          });
        });
      }
    }
    w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(0, 'Source:\n');
    if (spec.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`);
    } else if (spec.local) {
      w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
    } else if (spec.nfs) {
      w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${Boolean(spec.nfs.readOnly)}\n`);
    } else if (spec.csi) {
      const csi = spec.csi;
      w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n    VolumeHandle:\t${csi.volumeHandle}\n    ReadOnly:\t${Boolean(csi.readOnly)}\n`);
      w.write(2, 'VolumeAttributes:\t');
      const attrs = csi.volumeAttributes ?? {};
      const keys = Object.keys(attrs).sort();
      if (keys.length === 0) w.line('<none>');
      keys.forEach((k, i) => {
        if (i !== 0) {
          w.write(2, '');
          w.write(2, '\t');
        }
        w.write(0, `${k}=${attrs[k]}\n`);
      });
    } else {
      w.write(1, '<unknown>\n');
    }
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};
