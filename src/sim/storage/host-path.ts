/**
 * A node's host filesystem as hostPath volumes see it: what every Ubuntu kubeadm node ships,
 * plus what pods have written into the node's tree (`node/<node>` in runtime.state.volumes).
 * `hostPathCheck` is the hostPath plugin's type check (pkg/volume/hostpath/host_path.go checkType).
 */
import type { Runtime } from '../runtime.ts';
import { isDirectory, makeDirectory, readFile, writeFile } from './volume-data.ts';
import { trimSlash } from './volume-identity.ts';

const BASE_DIRECTORIES = new Set([
  '/', '/bin', '/boot', '/dev', '/etc', '/etc/kubernetes', '/etc/kubernetes/manifests', '/etc/kubernetes/pki', '/home',
  '/lib', '/mnt', '/opt', '/proc', '/root', '/run', '/run/containerd', '/srv', '/sys', '/tmp', '/usr', '/usr/bin',
  '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/share', '/var', '/var/lib', '/var/lib/containerd', '/var/lib/kubelet',
  '/var/log', '/var/log/containers', '/var/log/pods', '/var/run', '/var/run/containerd',
]);

const BASE_FILES: Record<string, 'file' | 'socket' | 'char' | 'block'> = {
  '/etc/hostname': 'file',
  '/etc/hosts': 'file',
  '/etc/os-release': 'file',
  '/etc/passwd': 'file',
  '/etc/group': 'file',
  '/etc/resolv.conf': 'file',
  '/etc/machine-id': 'file',
  '/etc/kubernetes/kubelet.conf': 'file',
  '/run/containerd/containerd.sock': 'socket',
  '/var/run/containerd/containerd.sock': 'socket',
  '/dev/null': 'char',
  '/dev/zero': 'char',
  '/dev/random': 'char',
  '/dev/urandom': 'char',
  '/dev/tty': 'char',
  '/dev/sda': 'block',
};

type Kind = 'missing' | 'directory' | 'file' | 'socket' | 'char' | 'block';

export function hostPathKind(runtime: Runtime, node: string, path: string): Kind {
  const p = trimSlash(path) || '/';
  if (BASE_DIRECTORIES.has(p)) return 'directory';
  const base = BASE_FILES[p];
  if (base) return base;
  const loc = { key: `node/${node}`, base: '' };
  if (readFile(runtime, loc, p) !== undefined) return 'file';
  if (isDirectory(runtime, loc, p)) return 'directory';
  return 'missing';
}

/**
 * Checks (and for the *OrCreate types, creates) a hostPath on a node. Returns the plugin's error
 * text, or undefined when the mount may proceed.
 */
export function hostPathCheck(runtime: Runtime, node: string, path: string, type: string): string | undefined {
  const kind = hostPathKind(runtime, node, path);
  const loc = { key: `node/${node}`, base: '' };
  const failed = (what: string) => `hostPath type check failed: ${path} is not ${what}`;
  switch (type) {
    case '':
      // No check; the container runtime creates a missing source directory for the bind mount.
      if (kind === 'missing') makeDirectory(runtime, loc, path);
      return undefined;
    case 'DirectoryOrCreate':
      if (kind === 'missing') {
        makeDirectory(runtime, loc, path);
        return undefined;
      }
      return kind === 'directory' ? undefined : failed('a directory');
    case 'Directory':
      return kind === 'directory' ? undefined : failed('a directory');
    case 'FileOrCreate':
      if (kind === 'missing') {
        writeFile(runtime, loc, path, '');
        return undefined;
      }
      return kind === 'file' ? undefined : failed('a file');
    case 'File':
      return kind === 'file' ? undefined : failed('a file');
    case 'Socket':
      return kind === 'socket' ? undefined : failed('a socket file');
    case 'CharDevice':
      return kind === 'char' ? undefined : failed('a character device');
    case 'BlockDevice':
      return kind === 'block' ? undefined : failed('a block device');
    default:
      return undefined;
  }
}
