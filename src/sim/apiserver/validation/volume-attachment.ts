/**
 * VolumeAttachment validation (pkg/apis/storage/validation ValidateVolumeAttachment): the spec
 * never changes after creation.
 */
import { field, type Cause } from '../errors.ts';
import { sameContent } from '../store.ts';
import type { KubeObject, Stored } from '../types.ts';

export function validateVolumeAttachment(va: KubeObject): Cause[] {
  const causes: Cause[] = [];
  if (!va.spec?.attacher) causes.push(field.required('spec.attacher'));
  if (!va.spec?.nodeName) causes.push(field.required('spec.nodeName'));
  const sources = [va.spec?.source?.persistentVolumeName, va.spec?.source?.inlineVolumeSpec].filter((s) => s !== undefined && s !== null);
  if (sources.length !== 1) causes.push(field.required('spec.source', 'must specify exactly one of inlineVolumeSpec and persistentVolumeName'));
  return causes;
}

export function validateVolumeAttachmentUpdate(va: KubeObject, old: Stored): Cause[] {
  if (sameContent(va.spec, old.spec)) return [];
  return [field.invalid('spec', va.spec, 'field is immutable')];
}
