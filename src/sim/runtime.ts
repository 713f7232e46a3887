/**
 * What lives outside the API objects: the container processes a kubelet would run, their logs,
 * and the contents of volumes. Plain data, so it snapshots with the rest of the cluster.
 */

/** A flat file tree: absolute path → file contents. Directories are implied by paths. */
export type FileTree = Record<string, string>;

import type { StorageOperations } from './storage/state.ts';

export interface LogLine {
  time: number;
  text: string;
}

export interface ContainerProcess {
  /** `containerd://<64 hex>` as in containerStatuses[].containerID. */
  id: string;
  podUid: string;
  container: string;
  node: string;
  image: string;
  /** The simulated image behaviour that runs this container (see sim/images). */
  behaviour: string;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  /** Behaviour-specific state (a counter, a phase of a script). */
  state: Record<string, unknown>;
  logs: LogLine[];
  /** The container's own writable layer (paths not on a volume). */
  files: FileTree;
  env: Record<string, string>;
}

export interface VolumeData {
  /** Where the data lives: a node (hostPath, local PV, emptyDir) or the network (network PV). */
  location: { node?: string };
  files: FileTree;
}

export interface RuntimeState {
  containers: Record<string, ContainerProcess>;
  /** The last terminated instance of each container (`kubectl logs --previous`), by `podUid/container`. */
  previous: Record<string, ContainerProcess>;
  volumes: Record<string, VolumeData>;
  /** Images pulled per node. */
  imageCache: Record<string, string[]>;
  /** Storage operations in flight (provisioning, attach, detach); see sim/storage/state.ts. */
  storage?: StorageOperations;
  /**
   * Nodes whose kubelet a fault stopped (`down`) or took away for good (`lost`), by node name;
   * a node not listed runs its kubelet. Kept here, not on the Node: a real cluster shows nothing
   * of it in the API (see faults.ts).
   */
  kubelets?: Record<string, 'down' | 'lost'>;
}

export class Runtime {
  state: RuntimeState = { containers: {}, previous: {}, volumes: {}, imageCache: {} };

  snapshot(): RuntimeState {
    return structuredClone(this.state);
  }

  restore(state: RuntimeState): void {
    this.state = structuredClone(state);
  }
}
