/**
 * PersistentVolumeClaim validation, worded as pkg/apis/core/validation
 * (ValidatePersistentVolumeClaimSpec, ValidatePersistentVolumeClaimUpdate).
 */
import { field, type Cause } from '../errors.ts';
import { parseQuantity } from '../quantity.ts';
import { sameContent } from '../store.ts';
import type { KubeObject, Stored } from '../types.ts';
import { validateAccessModes, validateStorageClassName } from './persistent-volume.ts';

const VOLUME_MODES = ['Block', 'Filesystem'];

export function validatePersistentVolumeClaimSpec(spec: Record<string, any>, path: string): Cause[] {
  const causes: Cause[] = [];
  if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) {
    causes.push(field.required(`${path}.accessModes`, 'at least 1 access mode is required'));
  }
  causes.push(...validateAccessModes(spec.accessModes, `${path}.accessModes`));
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined || storage === null) {
    causes.push(field.required(`${path}.resources[storage]`));
  } else {
    const n = parseQuantity(storage);
    if (n === undefined) causes.push(field.invalid(`${path}.resources[storage]`, storage, 'must be a valid quantity'));
    else if (n <= 0) causes.push(field.invalid(`${path}.resources[storage]`, storage, 'must be greater than zero'));
  }
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode)) causes.push(field.notSupported(`${path}.volumeMode`, spec.volumeMode, VOLUME_MODES));
  causes.push(...validateStorageClassName(spec.storageClassName, `${path}.storageClassName`));
  return causes;
}

export function validatePersistentVolumeClaim(pvc: KubeObject): Cause[] {
  return validatePersistentVolumeClaimSpec(pvc.spec ?? {}, 'spec');
}

export function validatePersistentVolumeClaimUpdate(pvc: KubeObject, old: Stored): Cause[] {
  const causes: Cause[] = [];
  const bound = old.status?.phase === 'Bound';
  const comparable = (spec: Record<string, any>, other: Record<string, any>) => {
    const copy: Record<string, any> = structuredClone(spec ?? {});
    // Binding fills volumeName once; RetroactiveDefaultStorageClass fills a missing class once.
    if (!old.spec?.volumeName) delete copy.volumeName;
    if (old.spec?.storageClassName === undefined) delete copy.storageClassName;
    delete copy.volumeAttributesClassName;
    if (bound) copy.resources = { ...copy.resources, requests: other.resources?.requests };
    return copy;
  };
  const newSpec = pvc.spec ?? {};
  const oldSpec = old.spec ?? {};
  if (!sameContent(comparable(newSpec, oldSpec), comparable(oldSpec, oldSpec))) {
    causes.push(field.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  if ((newSpec.volumeMode ?? 'Filesystem') !== (oldSpec.volumeMode ?? 'Filesystem')) causes.push(field.immutable('volumeMode', newSpec.volumeMode));
  if (bound) {
    // Shrinking a request is allowed only to recover from a failed expansion: never below
    // what the volume already has (RecoverVolumeExpansionFailure, GA in v1.34).
    const requested = parseQuantity(newSpec.resources?.requests?.storage);
    const previous = parseQuantity(oldSpec.resources?.requests?.storage);
    const capacity = parseQuantity(old.status?.capacity?.storage);
    if (requested !== undefined && previous !== undefined && capacity !== undefined && requested < previous && requested <= capacity) {
      causes.push(field.forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
    }
  }
  return causes;
}
