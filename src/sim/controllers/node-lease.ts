/**
 * Each node's kubelet heartbeat: it renews the node's Lease in kube-node-lease every 10 s
 * (leaseDurationSeconds 40 × 0.25) and posts the node's conditions when they change or every
 * 5 minutes (nodeStatusReportFrequency). A node whose kubelet is down or lost stays silent; when
 * it comes back it posts Ready again at once.
 */
import type { NodeCondition } from 'kubernetes-types/core/v1';
import type { Stored, WatchEvent } from '../apiserver/types.ts';
import { toRFC3339 } from '../clock.ts';
import { isKubeletRunning } from '../faults.ts';
import type { Controller, ControllerContext } from './controller.ts';

export const NODE_LEASE = 'node-lease';
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** nodeStatusReportFrequency: conditions are re-posted this often even when unchanged. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

/** metav1.MicroTime as the API serialises it (`2026-01-05T09:00:10.000000Z`). */
export function toMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The four conditions a healthy kubelet reports, in the order it reports them. */
const KUBELET_CONDITIONS: [type: string, status: string, reason: string, message: string][] = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/**
 * The conditions a running kubelet posts at `now`: heartbeats move, transition times only when
 * the status changes. Other conditions (NetworkUnavailable, set by the CNI) are kept first.
 */
export function kubeletConditions(previous: readonly NodeCondition[], now: number): NodeCondition[] {
  const t = toRFC3339(now);
  const others = previous.filter((c) => !KUBELET_CONDITIONS.some(([type]) => type === c.type));
  const mine = KUBELET_CONDITIONS.map(([type, status, reason, message]) => {
    const prev = previous.find((c) => c.type === type);
    return {
      type,
      status,
      lastHeartbeatTime: t,
      lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : t,
      reason,
      message,
    };
  });
  return [...others, ...mine];
}

function isReady(node: Stored): boolean {
  return (node.status?.conditions ?? []).some((c: NodeCondition) => c.type === 'Ready' && c.status === 'True');
}

export class NodeLeaseController implements Controller {
  readonly name = NODE_LEASE;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    if (ev.object.kind !== 'Node' || ev.type === 'DELETED') return;
    // A kubelet starting again is not a watch event: Faults.nodeUp enqueues the node itself.
    if (ev.type === 'ADDED') this.ctx.enqueue(ev.object.metadata.name!);
  }

  sync(name: string): void {
    const node = this.ctx.api.tryGet('Node', undefined, name);
    if (!node || !isKubeletRunning(this.ctx.runtime, node)) return;
    const now = this.ctx.clock.now();
    this.renewLease(node, now);
    this.postStatus(node, now);
    this.ctx.enqueueAfter(name, this.ctx.timings.leaseRenewMs, { background: true });
  }

  private renewLease(node: Stored, now: number): void {
    const name = node.metadata.name!;
    const lease = this.ctx.api.tryGet('Lease', NODE_LEASE_NAMESPACE, name);
    if (!lease) {
      if (!this.ctx.api.tryGet('Namespace', undefined, NODE_LEASE_NAMESPACE)) return;
      this.ctx.api.create({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name,
          namespace: NODE_LEASE_NAMESPACE,
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid! }],
        },
        spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: toMicroTime(now) },
      });
      return;
    }
    this.ctx.api.mutate('Lease', NODE_LEASE_NAMESPACE, name, (l) => {
      l.spec = { ...l.spec, holderIdentity: name, leaseDurationSeconds: 40, renewTime: toMicroTime(now) };
    });
  }

  private postStatus(node: Stored, now: number): void {
    const ready = (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === 'Ready') as NodeCondition | undefined;
    const last = ready?.lastHeartbeatTime ? Date.parse(ready.lastHeartbeatTime) : 0;
    if (isReady(node) && now - last < NODE_STATUS_REPORT_MS) return;
    const wasReady = isReady(node);
    this.ctx.api.mutate(
      'Node',
      undefined,
      node.metadata.name!,
      (n) => {
        n.status = { ...n.status, conditions: kubeletConditions(n.status?.conditions ?? [], now) };
      },
      { subresource: 'status' },
    );
    if (!wasReady && ready) {
      this.ctx.events.normal(node, 'NodeReady', `Node ${node.metadata.name} status is now: NodeReady`, {
        component: 'kubelet',
        host: node.metadata.name,
      });
      this.ctx.explain.add(this.name, { kind: 'Node', name: node.metadata.name! }, 'kubelet is back: posted Ready and renewed the lease');
      this.resyncPodReadiness(node.metadata.name!, now);
    }
  }

  /**
   * A restarted kubelet's status manager re-posts every pod's status: pods the node lifecycle
   * controller marked not Ready while the node was silent are Ready again if their containers are.
   */
  private resyncPodReadiness(nodeName: string, now: number): void {
    const t = toRFC3339(now);
    const pods = this.ctx.api.list('Pod', { fieldSelector: [{ field: 'spec.nodeName', op: '=', value: nodeName }] });
    for (const pod of pods) {
      const conditions = (pod.status?.conditions ?? []) as { type: string; status: string }[];
      const containersReady = conditions.find((c) => c.type === 'ContainersReady')?.status === 'True';
      const ready = conditions.find((c) => c.type === 'Ready');
      if (!containersReady || !ready || ready.status === 'True' || (pod.spec?.readinessGates ?? []).length > 0) continue;
      this.ctx.api.mutate(
        'Pod',
        pod.metadata.namespace,
        pod.metadata.name!,
        (p) => {
          p.status.conditions = p.status.conditions.map((c: { type: string }) =>
            c.type === 'Ready' ? { ...c, status: 'True', lastTransitionTime: t } : c,
          );
        },
        { subresource: 'status' },
      );
    }
  }
}
