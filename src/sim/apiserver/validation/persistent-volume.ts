/**
 * PersistentVolume validation, worded as pkg/apis/core/validation (ValidatePersistentVolumeSpec,
 * ValidatePersistentVolumeUpdate).
 */
import { field, type Cause } from '../errors.ts';
import { parseQuantity } from '../quantity.ts';
import type { KubeObject, Stored } from '../types.ts';
import { sameContent } from '../store.ts';
import { dns1123SubdomainErrors } from './meta.ts';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];
export const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** The volume sources a PersistentVolume may carry (one of them, exactly). */
export const PV_SOURCES = [
  'gcePersistentDisk', 'awsElasticBlockStore', 'hostPath', 'glusterfs', 'nfs', 'rbd', 'iscsi', 'cinder',
  'cephfs', 'fc', 'flocker', 'flexVolume', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk',
  'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'local', 'storageos', 'csi',
];

/** Access modes: required, from the supported set, ReadWriteOncePod alone. */
export function validateAccessModes(modes: unknown, path: string): Cause[] {
  const causes: Cause[] = [];
  const list = Array.isArray(modes) ? (modes as string[]) : [];
  if (list.length === 0) return causes;
  for (const m of list) if (!ACCESS_MODES.includes(m)) causes.push(field.notSupported(path, m, ACCESS_MODES));
  if (list.includes('ReadWriteOncePod') && list.length > 1) {
    causes.push(field.forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  }
  return causes;
}

export function validateStorageClassName(name: unknown, path: string): Cause[] {
  if (typeof name !== 'string' || name === '') return [];
  return dns1123SubdomainErrors(name).map((e) => field.invalid(path, name, e));
}

function validateAbsolutePath(path: unknown, fieldPath: string): Cause[] {
  if (typeof path !== 'string' || path === '') return [field.required(fieldPath)];
  if (path.split('/').includes('..')) return [field.invalid(fieldPath, path, "must not contain '..'")];
  return [];
}

export function validatePersistentVolume(pv: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const spec = pv.spec ?? {};
  if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) causes.push(field.required('spec.accessModes'));
  causes.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'));
  const capacity = spec.capacity ?? {};
  if (Object.keys(capacity).length === 0) causes.push(field.required('spec.capacity'));
  for (const [k, v] of Object.entries(capacity)) {
    if (k !== 'storage') {
      causes.push(field.notSupported('spec.capacity', k, ['storage']));
      continue;
    }
    const n = parseQuantity(v as string);
    if (n === undefined) causes.push(field.invalid('spec.capacity[storage]', v, 'must be a valid quantity'));
    else if (n <= 0) causes.push(field.invalid('spec.capacity[storage]', v, 'must be greater than zero'));
  }
  if (spec.persistentVolumeReclaimPolicy && !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy)) {
    causes.push(field.notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  }
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode)) causes.push(field.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  causes.push(...validateStorageClassName(spec.storageClassName, 'spec.storageClassName'));

  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined && spec[s] !== null);
  if (sources.length === 0) causes.push(field.required('spec', 'must specify a volume type'));
  for (const s of sources.slice(1)) causes.push(field.forbidden(`spec.${s}`, 'may not specify more than 1 volume type'));
  if (spec.hostPath) {
    causes.push(...validateAbsolutePath(spec.hostPath.path, 'spec.hostPath.path'));
    const t = spec.hostPath.type ?? '';
    if (!HOST_PATH_TYPES.includes(t)) causes.push(field.notSupported('spec.hostPath.type', t, HOST_PATH_TYPES));
  }
  if (spec.local) {
    causes.push(...validateAbsolutePath(spec.local.path, 'spec.local.path'));
    if (!spec.nodeAffinity) causes.push(field.required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (spec.nfs) {
    if (!spec.nfs.server) causes.push(field.required('spec.nfs.server'));
    causes.push(...validateAbsolutePath(spec.nfs.path, 'spec.nfs.path'));
  }
  if (spec.csi) {
    if (!spec.csi.driver) causes.push(field.required('spec.csi.driver'));
    if (!spec.csi.volumeHandle) causes.push(field.required('spec.csi.volumeHandle'));
  }
  if (spec.nodeAffinity) {
    const terms = spec.nodeAffinity.required?.nodeSelectorTerms;
    if (!spec.nodeAffinity.required) causes.push(field.required('spec.nodeAffinity.required', 'must specify required node constraints'));
    else if (!Array.isArray(terms) || terms.length === 0) causes.push(field.required('spec.nodeAffinity.required.nodeSelectorTerms', 'must have at least one node selector term'));
  }
  return causes;
}

export function validatePersistentVolumeUpdate(pv: KubeObject, old: Stored): Cause[] {
  const causes: Cause[] = [];
  const source = (spec: Record<string, unknown>) => Object.fromEntries(PV_SOURCES.map((s) => [s, spec?.[s]]));
  if (!sameContent(source(pv.spec ?? {}), source(old.spec ?? {}))) {
    causes.push(field.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  }
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (old.spec?.volumeMode ?? 'Filesystem')) {
    causes.push(field.immutable('spec.volumeMode', pv.spec?.volumeMode));
  }
  return causes;
}
