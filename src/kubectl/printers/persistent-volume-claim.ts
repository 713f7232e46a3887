/**
 * `kubectl get persistentvolumeclaims`: printers.go printPersistentVolumeClaim. CAPACITY and
 * ACCESS MODES come from status and stay empty until the claim names a volume.
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { age } from '../format/duration.ts';
import { formatQuantity } from '../../sim/apiserver/quantity.ts';
import { accessModes } from './persistent-volume.ts';
import type { KindPrinter } from './types.ts';

export const persistentVolumeClaimPrinter: KindPrinter = {
  kind: 'PersistentVolumeClaim',
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Volume' },
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    { name: 'Age' },
    { name: 'VolumeMode', priority: 1 },
  ],
  row(obj, { now }) {
    const pvc = obj as PersistentVolumeClaim & { spec?: { volumeAttributesClassName?: string } };
    const bound = Boolean(pvc.spec?.volumeName);
    return [
      pvc.metadata!.name!,
      pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? formatQuantity(pvc.status?.capacity?.storage) : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      age(pvc.metadata?.creationTimestamp, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};
