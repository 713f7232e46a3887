/**
 * The scheduling framework's extension points, reduced to what kube-scheduler's default profile
 * uses: Filter (with upstream's reason strings and whether preemption could help) and Score.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Store } from '../../apiserver/store.ts';
import type { K8s, Stored } from '../../apiserver/types.ts';
import type { NodeInfo, NodeInfoIndex } from '../node-info.ts';
import type { PodRequests } from '../pod-resources.ts';

export type SchedPod = Stored<K8s<Pod>>;

export interface SchedulingContext {
  api: Store;
  index: NodeInfoIndex;
  /** Every node in the cluster, in name order. */
  nodes: readonly Stored[];
  nodeByName: ReadonlyMap<string, Stored>;
  /** The pod's requests, computed once per scheduling attempt. */
  requests: PodRequests;
}

export interface FilterFailure {
  /** Reason strings as upstream's plugins word them ("Insufficient cpu"). */
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
}

export interface FilterPlugin {
  name: string;
  /** Returns undefined when the pod fits. */
  filter(pod: SchedPod, node: Stored, info: NodeInfo, ctx: SchedulingContext): FilterFailure | undefined;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /** A raw score; `normalize` maps raw scores across nodes to 0..100. */
  score(pod: SchedPod, node: Stored, info: NodeInfo, ctx: SchedulingContext): number;
  normalize?: 'max' | 'reverse' | 'minmax';
}

export function fail(reason: string, unresolvable: boolean): FilterFailure {
  return { reasons: [reason], unresolvable };
}
