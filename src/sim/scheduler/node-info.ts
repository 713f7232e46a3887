/**
 * The scheduler's cache (upstream's framework.NodeInfo): per node, the pods bound to it and the
 * sums of their requests, kept up to date from watch events so a scheduling pass never lists
 * every pod.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../apiserver/types.ts';
import { controllerOf, metaKey } from '../apiserver/types.ts';
import { podHostPorts, podRequests, type HostPort, type PodRequests } from './pod-resources.ts';

export interface PodSummary {
  key: string;
  namespace: string;
  labels: Record<string, string>;
  requests: PodRequests;
  ports: HostPort[];
  /** The uid of the pod's controller, if it has one. */
  owner: string | undefined;
  pod: Stored<K8s<Pod>>;
}

export interface NodeInfo {
  pods: Map<string, PodSummary>;
  requested: PodRequests;
  /** How many of the node's pods each controller (by uid) owns. */
  owners: Map<string, number>;
}

function emptyInfo(): NodeInfo {
  return { pods: new Map(), requested: { cpu: 0, memory: 0, nonZeroCpu: 0, nonZeroMemory: 0 }, owners: new Map() };
}

/** Pods that hold node resources: bound and not finished (the scheduler's informer drops terminal pods). */
export function isAssignedAndActive(pod: Stored<K8s<Pod>>): boolean {
  const phase = pod.status?.phase;
  return Boolean(pod.spec?.nodeName) && phase !== 'Succeeded' && phase !== 'Failed';
}

export class NodeInfoIndex {
  private nodes = new Map<string, NodeInfo>();
  /** pod key → node it is counted on. */
  private podNode = new Map<string, string>();
  /** Bound pods with required anti-affinity terms, which every placement must respect. */
  readonly withAntiAffinity = new Map<string, { summary: PodSummary; node: string }>();

  get(node: string): NodeInfo {
    return this.nodes.get(node) ?? emptyInfo();
  }

  /** Records the pod's current version (or removes it when it no longer holds resources). */
  upsert(pod: Stored<K8s<Pod>>): void {
    const key = metaKey(pod);
    this.remove(key);
    if (!isAssignedAndActive(pod)) return;
    const node = pod.spec!.nodeName!;
    let info = this.nodes.get(node);
    if (!info) {
      info = emptyInfo();
      this.nodes.set(node, info);
    }
    const summary: PodSummary = {
      key,
      namespace: pod.metadata.namespace ?? 'default',
      labels: pod.metadata.labels ?? {},
      requests: podRequests(pod),
      ports: podHostPorts(pod),
      owner: controllerOf(pod)?.uid,
      pod,
    };
    info.pods.set(key, summary);
    addRequests(info.requested, summary.requests, 1);
    if (summary.owner !== undefined) info.owners.set(summary.owner, (info.owners.get(summary.owner) ?? 0) + 1);
    this.podNode.set(key, node);
    if (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length) {
      this.withAntiAffinity.set(key, { summary, node });
    }
  }

  remove(key: string): void {
    const node = this.podNode.get(key);
    if (node === undefined) return;
    this.podNode.delete(key);
    this.withAntiAffinity.delete(key);
    const info = this.nodes.get(node);
    const summary = info?.pods.get(key);
    if (!info || !summary) return;
    info.pods.delete(key);
    addRequests(info.requested, summary.requests, -1);
    if (summary.owner !== undefined) {
      const left = (info.owners.get(summary.owner) ?? 0) - 1;
      if (left > 0) info.owners.set(summary.owner, left);
      else info.owners.delete(summary.owner);
    }
  }
}

function addRequests(into: PodRequests, r: PodRequests, sign: 1 | -1): void {
  into.cpu += sign * r.cpu;
  into.memory += sign * r.memory;
  into.nonZeroCpu += sign * r.nonZeroCpu;
  into.nonZeroMemory += sign * r.nonZeroMemory;
}
