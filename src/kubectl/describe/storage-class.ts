/** `kubectl describe storageclass`: describe.go describeStorageClass. */
import { formatLabels } from '../../sim/apiserver/selectors.ts';
import { isDefaultStorageClass } from '../printers/storage-class.ts';
import { describeEvents, eventsFor } from './events.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

export const storageClassDescriber: Describer = {
  kind: 'StorageClass',
  describe(obj, { cluster, now, showEvents }) {
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `IsDefaultClass:\t${isDefaultStorageClass(obj) ? 'Yes' : 'No'}\n`);
    w.write(0, `Annotations:\t${formatLabels(obj.metadata.annotations)}\n`);
    w.write(0, `Provisioner:\t${obj.provisioner ?? ''}\n`);
    w.write(0, `Parameters:\t${formatLabels(obj.parameters)}\n`);
    const ave = obj.allowVolumeExpansion;
    w.write(0, `AllowVolumeExpansion:\t${ave === undefined || ave === null ? '<unset>' : ave ? 'True' : 'False'}\n`);
    const opts: string[] = obj.mountOptions ?? [];
    if (opts.length === 0) w.write(0, 'MountOptions:\t<none>\n');
    else {
      w.write(0, 'MountOptions:\n');
      for (const o of opts) w.write(1, `${o}\n`);
    }
    if (obj.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${obj.reclaimPolicy}\n`);
    if (obj.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${obj.volumeBindingMode}\n`);
    if (obj.allowedTopologies) {
      w.write(0, 'AllowedTopologies:\t');
      const terms = obj.allowedTopologies as { matchLabelExpressions?: { key: string; values: string[] }[] }[];
      if (terms.length === 0) w.line('<none>');
      else {
        w.line('');
        terms.forEach((term, i) => {
          w.write(1, `Term ${i}:\t`);
          const exprs = term.matchLabelExpressions ?? [];
          if (exprs.length === 0) return w.line('<none>');
          exprs.forEach((e, j) => {
            if (j !== 0) w.write(1, '\t');
            w.write(0, `${e.key} in [${e.values.join(', ')}]\n`);
          });
        });
      }
    }
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};
