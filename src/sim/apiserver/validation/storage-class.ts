/**
 * StorageClass validation, worded as pkg/apis/storage/validation (ValidateStorageClass,
 * ValidateStorageClassUpdate: parameters, provisioner and reclaimPolicy cannot change).
 */
import { field, type Cause } from '../errors.ts';
import { sameContent } from '../store.ts';
import type { KubeObject, Stored } from '../types.ts';

const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

export function validateStorageClass(sc: KubeObject): Cause[] {
  const causes: Cause[] = [];
  if (!sc.provisioner) causes.push(field.required('provisioner'));
  if (sc.reclaimPolicy && !RECLAIM_POLICIES.includes(sc.reclaimPolicy)) causes.push(field.notSupported('reclaimPolicy', sc.reclaimPolicy, RECLAIM_POLICIES));
  if (sc.volumeBindingMode && !BINDING_MODES.includes(sc.volumeBindingMode)) {
    causes.push(field.notSupported('volumeBindingMode', sc.volumeBindingMode, BINDING_MODES));
  }
  return causes;
}

export function validateStorageClassUpdate(sc: KubeObject, old: Stored): Cause[] {
  const causes: Cause[] = [];
  if (!sameContent(sc.parameters ?? {}, old.parameters ?? {})) causes.push(field.forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) causes.push(field.forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) causes.push(field.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode) causes.push(field.immutable('volumeBindingMode', sc.volumeBindingMode));
  return causes;
}
