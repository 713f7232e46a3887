/**
 * The files in volumes. `runtime.state.volumes` holds one file tree per place data lives:
 *
 * - `node/<node>`: a node's host filesystem, at absolute host paths. hostPath volumes, local
 *   PersistentVolumes and local-path provisioned volumes are directories in it, so two volumes
 *   over the same host path share files, and deleting and recreating a PV object keeps them.
 * - `csi/<driver>/<volumeHandle>`: a network volume; it follows its pod to any node.
 * - `nfs/<server>`: an NFS server's exports, at absolute paths.
 * - `emptydir/<pod uid>/<volume>`: an emptyDir; it goes when its pod goes.
 *
 * In a tree, a path ending in `/` marks a directory that exists without files in it.
 * ConfigMap, Secret, downwardAPI and projected volumes are not stored: their files are computed
 * from the API objects each time (see projected-files.ts).
 */
import type { FileTree, Runtime, VolumeData } from '../runtime.ts';
import { pvDataLocation, trimSlash, type PV } from './volume-identity.ts';

/** A directory inside one tree: the tree's key and the directory's absolute path in it ('' = root). */
export interface DataLocation {
  key: string;
  base: string;
}

/** The tree at `key`, created empty (and placed on `node` when node-local) if missing. */
export function volumeTree(runtime: Runtime, key: string): VolumeData {
  const existing = runtime.state.volumes[key];
  if (existing) return existing;
  const node = key.startsWith('node/') ? key.slice(5) : undefined;
  const created: VolumeData = { location: node ? { node } : {}, files: {} };
  runtime.state.volumes[key] = created;
  return created;
}

function join(base: string, path: string): string {
  const rel = path.startsWith('/') ? path : `/${path}`;
  return trimSlash(base + (rel === '/' ? '' : rel)) || '/';
}

export function readFile(runtime: Runtime, loc: DataLocation, path: string): string | undefined {
  return runtime.state.volumes[loc.key]?.files[join(loc.base, path)];
}

export function writeFile(runtime: Runtime, loc: DataLocation, path: string, content: string): void {
  const tree = volumeTree(runtime, loc.key);
  const full = join(loc.base, path);
  tree.files[full] = content;
  // The file's directories now exist through it; drop redundant markers.
  for (let dir = parentOf(full); dir !== ''; dir = parentOf(dir)) delete tree.files[`${dir}/`];
}

export function appendFile(runtime: Runtime, loc: DataLocation, path: string, content: string): void {
  writeFile(runtime, loc, path, (readFile(runtime, loc, path) ?? '') + content);
}

/** Removes one file or an empty-directory marker. Returns whether something was there. */
export function removeFile(runtime: Runtime, loc: DataLocation, path: string): boolean {
  const tree = runtime.state.volumes[loc.key];
  if (!tree) return false;
  const full = join(loc.base, path);
  const had = full in tree.files || `${full}/` in tree.files;
  delete tree.files[full];
  delete tree.files[`${full}/`];
  if (had) {
    const parent = parentOf(full);
    if (parent !== '' && !hasEntriesUnder(tree.files, parent)) tree.files[`${parent}/`] = '';
  }
  return had;
}

export function makeDirectory(runtime: Runtime, loc: DataLocation, path: string): void {
  const tree = volumeTree(runtime, loc.key);
  const full = join(loc.base, path);
  if (full === '/' || hasEntriesUnder(tree.files, full)) return;
  tree.files[`${full}/`] = '';
  for (let dir = parentOf(full); dir !== ''; dir = parentOf(dir)) delete tree.files[`${dir}/`];
}

export function isDirectory(runtime: Runtime, loc: DataLocation, path: string): boolean {
  const full = join(loc.base, path);
  if (full === '/') return true;
  const files = runtime.state.volumes[loc.key]?.files;
  return files !== undefined && hasEntriesUnder(files, full);
}

/** Names directly inside a directory (files and subdirectories), sorted. */
export function listDirectory(runtime: Runtime, loc: DataLocation, path: string): string[] {
  const files = runtime.state.volumes[loc.key]?.files ?? {};
  const full = join(loc.base, path);
  const prefix = full === '/' ? '/' : `${full}/`;
  const names = new Set<string>();
  for (const p of Object.keys(files)) {
    if (!p.startsWith(prefix) || p === prefix) continue;
    const rest = p.slice(prefix.length);
    const name = rest.split('/')[0]!;
    if (name) names.add(name);
  }
  return [...names].sort();
}

/** Removes everything at and under a directory of a tree (the whole tree when `base` is ''). */
export function deleteLocation(runtime: Runtime, loc: DataLocation): void {
  const tree = runtime.state.volumes[loc.key];
  if (!tree) return;
  if (loc.base === '') {
    delete runtime.state.volumes[loc.key];
    return;
  }
  for (const p of Object.keys(tree.files)) {
    if (p === loc.base || p.startsWith(`${loc.base}/`)) delete tree.files[p];
  }
}

/** Deletes a PersistentVolume's files wherever they are (every node for node-local volumes). */
export function deleteVolumeFiles(runtime: Runtime, pv: PV): void {
  const loc = pvDataLocation(pv, undefined);
  if (loc) {
    deleteLocation(runtime, loc);
    return;
  }
  for (const key of Object.keys(runtime.state.volumes)) {
    if (!key.startsWith('node/')) continue;
    const nodeLoc = pvDataLocation(pv, key.slice(5));
    if (nodeLoc) deleteLocation(runtime, nodeLoc);
  }
}

/** Whether anything (file or directory marker) exists under `dir` in a tree: it is a directory. */
export function hasEntriesUnder(files: FileTree, dir: string): boolean {
  const prefix = `${dir}/`;
  for (const p of Object.keys(files)) if (p.startsWith(prefix)) return true;
  return false;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '' : path.slice(0, i);
}
