/**
 * PersistentVolume validation, worded as pkg/apis/core/validation (ValidatePersistentVolumeSpec,
 * ValidatePersistentVolumeUpdate).
 */
import { field, GoLiteral, type Cause } from '../errors.ts';
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
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs',
  'iscsi', 'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume',
  'azureDisk', 'scaleIO', 'local', 'storageos', 'csi',
]

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

/** In upstream's order (ValidatePersistentVolumeSpec): modes, capacity, policy, affinity, sources, class, mode. */
export function validatePersistentVolume(pv: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const spec = pv.spec ?? {};
  if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) causes.push(field.required('spec.accessModes'));
  causes.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'));
  const capacity = spec.capacity;
  const keys = Object.keys(capacity ?? {});
  if (keys.length === 0) causes.push(field.required('spec.capacity'));
  if (!keys.includes('storage') || keys.length > 1) {
    const rendered = capacity === undefined || capacity === null ? 'core.ResourceList(nil)' : keys.length === 0 ? 'core.ResourceList{}' : `core.ResourceList{${keys.map((k) => JSON.stringify(k)).join(', ')}}`;
    causes.push(field.notSupported('spec.capacity', new GoLiteral(rendered), ['storage']));
  }
  for (const [k, v] of Object.entries(capacity ?? {})) {
    const n = parseQuantity(v as string);
    if (n === undefined) causes.push(field.invalid(`spec.capacity[${k}]`, v, 'must be a valid quantity'));
    else if (n <= 0) causes.push(field.invalid(`spec.capacity[${k}]`, v, 'must be greater than zero'));
  }
  if (spec.persistentVolumeReclaimPolicy && !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy)) {
    causes.push(field.notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  }
  const affinitySpecified = Boolean(spec.nodeAffinity?.required);
  if (affinitySpecified) {
    const terms = spec.nodeAffinity.required.nodeSelectorTerms;
    if (!Array.isArray(terms) || terms.length === 0) {
      causes.push(field.required('spec.nodeAffinity.required.nodeSelectorTerms', 'must have at least one node selector term'));
    }
  }
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined && spec[s] !== null);
  for (const s of sources.slice(1)) causes.push(field.forbidden(`spec.${s}`, 'may not specify more than 1 volume type'));
  const first = sources[0];
  if (first === 'hostPath') {
    if (!spec.hostPath.path) causes.push(field.required('spec.hostPath.path'));
    else {
      causes.push(...noBacksteps(spec.hostPath.path, 'spec.hostPath.path'));
      const t = spec.hostPath.type ?? '';
      if (!HOST_PATH_TYPES.includes(t)) causes.push(field.notSupported('spec.hostPath.type', t, HOST_PATH_TYPES));
    }
  } else if (first === 'nfs') {
    if (!spec.nfs.server) causes.push(field.required('spec.nfs.server'));
    if (!spec.nfs.path) causes.push(field.required('spec.nfs.path'));
    else if (!spec.nfs.path.startsWith('/')) causes.push(field.invalid('spec.nfs.path', spec.nfs.path, 'must be an absolute path'));
  } else if (first === 'local') {
    if (!spec.local.path) causes.push(field.required('spec.local.path'));
    else causes.push(...noBacksteps(spec.local.path, 'spec.local.path'));
    if (!affinitySpecified) causes.push(field.required('spec.nodeAffinity', 'Local volume requires node affinity'));
  } else if (first === 'csi') {
    if (!spec.csi.driver) causes.push(field.required('spec.csi.driver'));
    if (!spec.csi.volumeHandle) causes.push(field.required('spec.csi.volumeHandle'));
  }
  if (sources.length === 0) causes.push(field.required('spec', 'must specify a volume type'));
  causes.push(...validateStorageClassName(spec.storageClassName, 'spec.storageClassName'));
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode)) causes.push(field.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  return causes;
}

function noBacksteps(path: string, fieldPath: string): Cause[] {
  return path.split('/').includes('..') ? [field.invalid(fieldPath, path, "must not contain '..'")] : [];
}

export function validatePersistentVolumeUpdate(pv: KubeObject, old: Stored): Cause[] {
  const causes: Cause[] = [];
  const source = (spec: Record<string, unknown>) => Object.fromEntries(PV_SOURCES.map((s) => [s, spec?.[s]]));
  if (!sameContent(source(pv.spec ?? {}), source(old.spec ?? {}))) {
    causes.push(field.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  }
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (old.spec?.volumeMode ?? 'Filesystem')) {
    // Upstream validates this one with the path `volumeMode`, not `spec.volumeMode`.
    causes.push(field.immutable('volumeMode', pv.spec?.volumeMode ?? 'Filesystem'));
  }
  return causes;
}
