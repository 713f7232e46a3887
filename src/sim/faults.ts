/**
 * Things that go wrong, on purpose: the small API labs and the `cluster` command script.
 *
 * A node's kubelet state (`down` or `lost`; absent when running) is kept in the runtime state
 * (`runtime.state.kubelets`), not on the Node: a stopped kubelet leaves no mark in the API of a
 * real cluster, only the consequences. Snapshots carry it with the rest of the runtime. While it
 * is set, the node's heartbeat stops (node-lease), the node lifecycle controller marks the node
 * Unknown after the grace period, and the kubelet makes no container changes. As the change
 * itself emits no watch event, the Node is re-delivered to the controllers after it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from './cluster.ts';
import { crashContainer as crashProcess } from './images/exec.ts';
import { deleteVolumeFiles } from './storage/volume-data.ts';
import type { PV } from './storage/volume-identity.ts';
import type { K8s, Stored } from './apiserver/types.ts';
import { NODE_LEASE } from './controllers/node-lease.ts';
import type { Runtime } from './runtime.ts';

export type KubeletState = 'running' | 'down' | 'lost';

/** The state of the kubelet on the node named `node`. */
export function nodeKubeletState(runtime: Runtime, node: string | undefined): KubeletState {
  return (node && runtime.state.kubelets?.[node]) || 'running';
}

/** True when the node exists and its kubelet heartbeats and runs containers. */
export function isKubeletRunning(runtime: Runtime, node: Stored | undefined): boolean {
  return !!node && nodeKubeletState(runtime, node.metadata.name) === 'running';
}

export class Faults {
  constructor(private readonly cluster: Cluster) {}

  /** The kubelet stops: no heartbeats, no container changes. */
  nodeDown(name: string): void {
    this.setKubelet(name, 'down');
  }

  /** The kubelet comes back (a lost node never does). */
  nodeUp(name: string): void {
    this.cluster.api.get('Node', undefined, name);
    if (nodeKubeletState(this.cluster.runtime, name) === 'lost') throw new Error(`node ${name} is lost for good and cannot come back`);
    this.setKubelet(name, 'running');
    this.cluster.enqueue(NODE_LEASE, name);
    this.cluster.settle();
  }

  /** The machine is gone for good: like down, but `nodeUp` refuses it. */
  nodeLost(name: string): void {
    this.setKubelet(name, 'lost');
  }

  /** The names of nodes whose kubelet is currently stopped or lost. */
  downNodes(): string[] {
    return this.cluster.api
      .list('Node')
      .filter((n) => !isKubeletRunning(this.cluster.runtime, n))
      .map((n) => n.metadata.name!);
  }

  /** A container's main process exits now with `exitCode`; the kubelet restarts it per restartPolicy. */
  crashContainer(namespace: string, pod: string, container: string, exitCode = 1): void {
    const obj = this.cluster.api.get<K8s<Pod>>('Pod', namespace, pod);
    crashProcess(this.cluster, obj, container, exitCode);
    this.cluster.settle();
  }

  /**
   * The data of a volume is wiped (a disk lost): every file of the PersistentVolume is gone,
   * wherever it lives (network volume, or the host directory on every node for node-local ones).
   */
  deleteVolumeData(pvName: string): void {
    const pv = this.cluster.api.tryGet('PersistentVolume', undefined, pvName);
    if (!pv) throw new Error(`persistentvolume ${pvName} not found`);
    deleteVolumeFiles(this.cluster.runtime, pv as PV);
  }

  private setKubelet(name: string, state: KubeletState): void {
    const node = this.cluster.api.get('Node', undefined, name);
    const runtime = this.cluster.runtime.state;
    const kubelets = { ...runtime.kubelets };
    if (state === 'running') delete kubelets[name];
    else kubelets[name] = state;
    runtime.kubelets = kubelets;
    this.cluster.redeliver(node);
    this.cluster.settle();
  }
}
