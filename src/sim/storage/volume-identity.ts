/**
 * What a PersistentVolume is, as the attach/detach controller, the kubelet and the data model see
 * it: whether it must be attached to a node, whether several nodes may use it, its unique name in
 * `node.status.volumesAttached`, and where its files live.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../apiserver/types.ts';

export type PV = Stored<K8s<PersistentVolume>>;

/** CSI volumes go through ControllerPublish (a VolumeAttachment); hostPath, local and nfs do not. */
export function isAttachable(pv: PV): boolean {
  return Boolean(pv.spec?.csi?.driver);
}

/**
 * RWO and RWOP volumes may be attached to one node only (attachdetach reconciler's
 * isMultiAttachAllowed: any ReadWriteMany or ReadOnlyMany mode allows more).
 */
export function isMultiAttachAllowed(pv: PV): boolean {
  const modes = pv.spec?.accessModes ?? [];
  return modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany');
}

/** `kubernetes.io/csi/<driver>^<handle>`, as node.status.volumesAttached and volumesInUse list it. */
export function uniqueVolumeName(pv: PV): string {
  const csi = pv.spec?.csi;
  if (csi) return `kubernetes.io/csi/${csi.driver}^${csi.volumeHandle}`;
  return `kubernetes.io/${pv.metadata.name}`;
}

/** The host directory a node-local volume (hostPath or local) is at, if it is one. */
export function hostPathOf(pv: PV): string | undefined {
  return pv.spec?.hostPath?.path ?? pv.spec?.local?.path;
}

/**
 * Where the volume's files live in `runtime.state.volumes`, and under which directory of that
 * tree. Node-local volumes live in their node's host file tree (`node/<node>`), so a PV object
 * deleted and recreated over the same path finds the same files; network volumes live under
 * their handle. `node` is the node the volume is used on (needed for hostPath and local).
 */
export function pvDataLocation(pv: PV, node: string | undefined): { key: string; base: string } | undefined {
  const csi = pv.spec?.csi;
  if (csi) return { key: `csi/${csi.driver}/${csi.volumeHandle}`, base: '' };
  const nfs = pv.spec?.nfs;
  if (nfs) return { key: `nfs/${nfs.server}`, base: trimSlash(nfs.path) };
  const host = hostPathOf(pv);
  if (host !== undefined) return node ? { key: `node/${node}`, base: trimSlash(host) } : undefined;
  return { key: `pv/${pv.metadata.name}`, base: '' };
}

export function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path === '/' ? '' : path;
}
