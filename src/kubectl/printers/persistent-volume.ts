/** `kubectl get persistentvolumes`: printers.go printPersistentVolume. */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { age } from '../format/duration.ts';
import { formatQuantity } from '../../sim/apiserver/quantity.ts';
import type { KindPrinter } from './types.ts';

export const persistentVolumePrinter: KindPrinter = {
  kind: 'PersistentVolume',
  columns: [
    { name: 'Name' },
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'Reclaim Policy' },
    { name: 'Status' },
    { name: 'Claim' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    { name: 'Reason' },
    { name: 'Age' },
    { name: 'VolumeMode', priority: 1 },
  ],
  row(obj, { now }) {
    const pv = obj as PersistentVolume & { spec?: { volumeAttributesClassName?: string } };
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
    return [
      pv.metadata!.name!,
      formatQuantity(pv.spec?.capacity?.storage),
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      claim,
      pv.spec?.storageClassName ?? pv.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      age(pv.metadata?.creationTimestamp, now),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once. */
export function accessModes(modes: readonly string[] | undefined): string {
  const m = modes ?? [];
  const out: string[] = [];
  if (m.includes('ReadWriteOnce')) out.push('RWO');
  if (m.includes('ReadOnlyMany')) out.push('ROX');
  if (m.includes('ReadWriteMany')) out.push('RWX');
  if (m.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}
