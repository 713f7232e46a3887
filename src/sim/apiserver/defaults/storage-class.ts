/**
 * StorageClass defaults (pkg/apis/storage/v1/defaults.go): reclaimPolicy Delete,
 * volumeBindingMode Immediate.
 */
import type { KubeObject } from '../types.ts';

export function defaultStorageClass(sc: KubeObject): void {
  sc.reclaimPolicy ??= 'Delete';
  sc.volumeBindingMode ??= 'Immediate';
}
