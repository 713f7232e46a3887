/**
 * A container's view of files: volume mounts first (longest mount path wins), then the
 * container's writable layer, then what the image ships. Volume contents live in
 * `runtime.state.volumes`, keyed by what the volume is, the same way the storage code keys them:
 * an emptyDir by pod uid and volume name, a hostPath (and a hostPath or local PV) in its node's
 * host tree `node/<node>` under its path, a CSI PV by driver and handle, an NFS PV by server,
 * any other PV by name. ConfigMap, Secret, downward API and projected volumes are projected
 * read-only from their API objects (the kubelet always mounts them read-only); a mount with
 * `readOnly: true`, or a claim referenced with `readOnly: true`, is read-only too.
 */
import type { Container, PersistentVolume, Pod, Volume } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import { claimNameOf } from '../storage/ephemeral.ts';
import { projectedFiles } from '../storage/projected-files.ts';
import type { K8s, Stored } from '../apiserver/types.ts';
import type { FileTree, Runtime } from '../runtime.ts';
import { behaviourNamed } from './registry.ts';
import { findProcess } from './process.ts';
import { HTML_ROOT, NGINX_INDEX } from './behaviours/nginx.ts';

export interface ContainerFs {
  read(path: string): string | undefined;
  /** Returns an error text (`Read-only file system`) or undefined. */
  write(path: string, content: string, append: boolean): string | undefined;
  remove(path: string): boolean;
  /** Entries directly under a directory, or undefined when it is not one. */
  list(dir: string): string[] | undefined;
  isDir(path: string): boolean;
  /** Whether the path lies on a read-only mount (a writer gets EROFS there). */
  isReadOnly(path: string): boolean;
}

interface Mount {
  path: string;
  readOnly: boolean;
  tree: () => FileTree;
  base: string;
  writable: boolean;
}

export function normalizePath(path: string, cwd = '/'): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

/** Where a pod volume's files live in runtime.state.volumes: `{ key, base }`. */
export function volumeLocation(api: Store, pod: Stored<K8s<Pod>>, volume: Volume): { key: string; base: string } | undefined {
  const node = pod.spec?.nodeName;
  if (volume.emptyDir) return { key: `emptydir/${pod.metadata.uid}/${volume.name}`, base: '' };
  if (volume.hostPath) return node ? { key: `node/${node}`, base: trimSlash(volume.hostPath.path) } : undefined;
  const claimName = claimNameOf(pod.metadata.name ?? '', volume);
  if (claimName) {
    const claim = api.tryGet('PersistentVolumeClaim', pod.metadata.namespace, claimName);
    const pvName: string | undefined = claim?.spec?.volumeName;
    const pv = pvName ? api.tryGet<K8s<PersistentVolume>>('PersistentVolume', undefined, pvName) : undefined;
    if (!pv) return undefined;
    const csi = pv.spec?.csi;
    if (csi) return { key: `csi/${csi.driver}/${csi.volumeHandle}`, base: '' };
    if (pv.spec?.nfs) return { key: `nfs/${pv.spec.nfs.server}`, base: trimSlash(pv.spec.nfs.path) };
    const host = pv.spec?.hostPath?.path ?? pv.spec?.local?.path;
    if (host !== undefined) return node ? { key: `node/${node}`, base: trimSlash(host) } : undefined;
    return { key: `pv/${pv.metadata.name}`, base: '' };
  }
  return undefined;
}

function trimSlash(path: string): string {
  return path === '/' ? '' : path.endsWith('/') ? path.slice(0, -1) : path;
}

function projected(api: Store, pod: Stored<K8s<Pod>>, volume: Volume): FileTree | undefined {
  return projectedFiles(api, pod, volume);
}

/** Files every image has, plus what the image itself ships. */
function imageFiles(pod: Stored<K8s<Pod>>, behaviour: string): FileTree {
  const name = pod.metadata.name ?? '';
  const ip = pod.status?.podIP ?? '';
  const ns = pod.metadata.namespace ?? 'default';
  const tree: FileTree = {
    '/etc/hostname': `${pod.spec?.hostname ?? name}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${pod.spec?.hostname ?? name}${pod.spec?.subdomain ? `.${pod.spec.subdomain}.${ns}.svc.cluster.local\t${pod.spec.hostname ?? name}` : ''}\n`,
    '/etc/resolv.conf': `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    '/tmp/.keep': '',
  };
  if (behaviour === 'nginx') {
    tree[`${HTML_ROOT}/index.html`] = NGINX_INDEX;
    tree[`${HTML_ROOT}/50x.html`] = '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n';
  }
  return tree;
}

function dirEntries(tree: FileTree, dir: string): Set<string> {
  const prefix = dir === '/' ? '/' : dir + '/';
  const out = new Set<string>();
  for (const p of Object.keys(tree)) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    const name = rest.split('/')[0];
    if (name) out.add(name);
  }
  return out;
}

function buildMounts(api: Store, runtime: Runtime, pod: Stored<K8s<Pod>>, container: Container): Mount[] {
  const mounts: Mount[] = [];
  for (const m of container.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (!volume) continue;
    const path = normalizePath(m.mountPath);
    const proj = projected(api, pod, volume);
    if (proj) {
      mounts.push({ path, readOnly: true, tree: () => proj, base: '', writable: false });
      continue;
    }
    const loc = volumeLocation(api, pod, volume);
    if (!loc) continue;
    const base = loc.base + (m.subPath ? '/' + m.subPath : '');
    mounts.push({
      path,
      readOnly: Boolean(m.readOnly || volume.persistentVolumeClaim?.readOnly),
      base,
      writable: true,
      tree: () => {
        runtime.state.volumes[loc.key] ??= { location: loc.key.startsWith('node/') ? { node: loc.key.slice(5) } : {}, files: {} };
        return runtime.state.volumes[loc.key]!.files;
      },
    });
  }
  mounts.sort((a, b) => b.path.length - a.path.length);
  return mounts;
}

export function containerFs(
  api: Store,
  runtime: Runtime,
  pod: Stored<K8s<Pod>>,
  container: Container,
  layer: FileTree,
): ContainerFs {
  // Built on first use: most callers (a process start) never touch a file.
  let mountList: Mount[] | undefined;
  let baseFiles: FileTree | undefined;
  const mountsOf = (): Mount[] => (mountList ??= buildMounts(api, runtime, pod, container));
  const baseOf = (): FileTree => (baseFiles ??= imageFiles(pod, findProcess(runtime, pod.metadata.uid!, container.name)?.behaviour ?? behaviourNamed('').name));

  const mountFor = (path: string) => mountsOf().find((m) => path === m.path || path.startsWith(m.path === '/' ? '/' : m.path + '/'));
  const inMount = (m: Mount, path: string) => m.base + path.slice(m.path.length) || '/';

  return {
    read(path) {
      const p = normalizePath(path);
      const m = mountFor(p);
      if (m) return m.tree()[inMount(m, p)];
      return layer[p] ?? baseOf()[p];
    },
    write(path, content, append) {
      const p = normalizePath(path);
      const m = mountFor(p);
      if (m) {
        if (m.readOnly || !m.writable) return 'Read-only file system';
        const tree = m.tree();
        const k = inMount(m, p);
        tree[k] = append ? (tree[k] ?? '') + content : content;
        return undefined;
      }
      layer[p] = append ? (layer[p] ?? baseOf()[p] ?? '') + content : content;
      return undefined;
    },
    remove(path) {
      const p = normalizePath(path);
      const m = mountFor(p);
      if (m) {
        if (m.readOnly || !m.writable) return false;
        const tree = m.tree();
        const k = inMount(m, p);
        const had = k in tree;
        delete tree[k];
        return had;
      }
      const had = p in layer || p in baseOf();
      delete layer[p];
      return had;
    },
    list(dir) {
      const d = normalizePath(dir);
      const names = new Set<string>();
      const m = mountFor(d);
      if (m) for (const n of dirEntries(m.tree(), inMount(m, d))) names.add(n);
      else {
        for (const n of dirEntries(layer, d)) names.add(n);
        for (const n of dirEntries(baseOf(), d)) names.add(n);
      }
      for (const other of mountsOf()) {
        if (other.path !== d && other.path.startsWith(d === '/' ? '/' : d + '/')) {
          names.add(other.path.slice(d === '/' ? 1 : d.length + 1).split('/')[0]!);
        }
        if (other.path === d) names.add('.');
      }
      names.delete('.');
      if (names.size === 0 && !m && !mountsOf().some((x) => x.path === d) && !KNOWN_DIRS.has(d)) return undefined;
      return [...names].filter((n) => n !== '.keep').sort();
    },
    isReadOnly(path) {
      const m = mountFor(normalizePath(path));
      return !!m && (m.readOnly || !m.writable);
    },
    isDir(path) {
      const d = normalizePath(path);
      return KNOWN_DIRS.has(d) || mountsOf().some((m) => m.path === d) || (this.list(d)?.length ?? 0) > 0;
    },
  };
}

const KNOWN_DIRS = new Set(['/', '/tmp', '/etc', '/var', '/usr', '/bin', '/root', '/home', '/usr/share/nginx/html']);
