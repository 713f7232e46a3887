/** `kubectl get storageclasses`: printers.go printStorageClass. */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const storageClassPrinter: KindPrinter = {
  kind: 'StorageClass',
  columns: [
    { name: 'Name' },
    { name: 'Provisioner' },
    { name: 'ReclaimPolicy' },
    { name: 'VolumeBindingMode' },
    { name: 'AllowVolumeExpansion' },
    { name: 'Age' },
  ],
  row(obj, { now }) {
    return [
      isDefaultStorageClass(obj) ? `${obj.metadata.name} (default)` : obj.metadata.name!,
      obj.provisioner ?? '',
      obj.reclaimPolicy ?? 'Delete',
      obj.volumeBindingMode ?? 'Immediate',
      String(Boolean(obj.allowVolumeExpansion)),
      age(obj.metadata.creationTimestamp, now),
    ];
  },
};

export function isDefaultStorageClass(obj: { metadata: { annotations?: Record<string, string> } }): boolean {
  const a = obj.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}
