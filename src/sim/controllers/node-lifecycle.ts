/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): every node-monitor-period (5 s)
 * it checks each node's Lease; a node silent for node-monitor-grace-period (50 s) gets its
 * kubelet conditions set to Unknown ("Kubelet stopped posting node status."), its pods marked
 * not Ready, and the `unreachable` NoSchedule and NoExecute taints (`not-ready` when Ready is
 * False). It also keeps the `unschedulable` taint in step with `spec.unschedulable`. When the
 * node reports Ready again the taints come off. Evicting pods is the taint eviction controller's.
 */
import type { NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1';
import type { K8s, Stored, WatchEvent } from '../apiserver/types.ts';
import { toRFC3339 } from '../clock.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { NODE_LEASE_NAMESPACE } from './node-lease.ts';

export const NODE_LIFECYCLE = 'node-lifecycle';
const MONITOR_KEY = '*monitor';
const SOURCE = { component: 'node-controller' };

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** Conditions the kubelet owns; all turn Unknown when it goes silent. */
const KUBELET_CONDITION_TYPES = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];

export function readyCondition(node: Stored): NodeCondition | undefined {
  return (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === 'Ready');
}

/** The taints this controller wants on a node given its Ready status and spec.unschedulable. */
function wantedTaints(node: Stored): { key: string; effect: 'NoSchedule' | 'NoExecute' }[] {
  const out: { key: string; effect: 'NoSchedule' | 'NoExecute' }[] = [];
  const ready = readyCondition(node)?.status;
  if (ready === 'Unknown') out.push({ key: TAINT_UNREACHABLE, effect: 'NoSchedule' }, { key: TAINT_UNREACHABLE, effect: 'NoExecute' });
  if (ready === 'False') out.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' }, { key: TAINT_NOT_READY, effect: 'NoExecute' });
  if (node.spec?.unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

const MANAGED = new Set([TAINT_UNREACHABLE, TAINT_NOT_READY, TAINT_UNSCHEDULABLE]);

export class NodeLifecycleController implements Controller {
  readonly name = NODE_LIFECYCLE;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    ctx.enqueueAfter(MONITOR_KEY, ctx.timings.nodeMonitorPeriodMs, { background: true });
  }

  onEvent(ev: WatchEvent): void {
    if (ev.object.kind === 'Node' && ev.type !== 'DELETED') this.ctx.enqueue(ev.object.metadata.name!);
  }

  sync(key: string): void {
    if (key === MONITOR_KEY) {
      for (const node of this.ctx.api.list('Node')) this.monitor(node);
      this.ctx.enqueueAfter(MONITOR_KEY, this.ctx.timings.nodeMonitorPeriodMs, { background: true });
      return;
    }
    const node = this.ctx.api.tryGet('Node', undefined, key);
    if (node) this.syncTaints(node);
  }

  /** The last sign of life: the lease renewal or the Ready heartbeat, whichever is later. */
  private lastProbe(node: Stored): number | undefined {
    const lease = this.ctx.api.tryGet('Lease', NODE_LEASE_NAMESPACE, node.metadata.name!);
    const renew = lease?.spec?.renewTime ? Date.parse(lease.spec.renewTime) : undefined;
    const beat = readyCondition(node)?.lastHeartbeatTime;
    const heartbeat = beat ? Date.parse(beat) : undefined;
    if (renew === undefined) return heartbeat;
    if (heartbeat === undefined) return renew;
    return Math.max(renew, heartbeat);
  }

  /** monitorNodeHealth for one node. */
  private monitor(node: Stored): void {
    const probe = this.lastProbe(node);
    if (probe === undefined) return;
    const now = this.ctx.clock.now();
    if (now - probe <= this.ctx.timings.nodeMonitorGraceMs) return;
    const ready = readyCondition(node);
    if (ready?.status === 'Unknown') return;
    const t = toRFC3339(now);
    const name = node.metadata.name!;
    this.ctx.api.mutate(
      'Node',
      undefined,
      name,
      (n) => {
        const conditions = [...(n.status?.conditions ?? [])] as NodeCondition[];
        for (const type of KUBELET_CONDITION_TYPES) {
          const i = conditions.findIndex((c) => c.type === type);
          const unknown = {
            type,
            status: 'Unknown',
            lastHeartbeatTime: i >= 0 ? conditions[i]!.lastHeartbeatTime : t,
            lastTransitionTime: t,
            reason: i >= 0 ? 'NodeStatusUnknown' : 'NodeStatusNeverUpdated',
            message: i >= 0 ? 'Kubelet stopped posting node status.' : 'Kubelet never posted node status.',
          };
          if (i >= 0) conditions[i] = unknown;
          else conditions.push(unknown);
        }
        n.status = { ...n.status, conditions };
      },
      { subresource: 'status' },
    );
    this.ctx.explain.add(
      this.name,
      { kind: 'Node', name },
      `no heartbeat for ${Math.round((now - probe) / 1000)}s (grace period ${this.ctx.timings.nodeMonitorGraceMs / 1000}s): conditions set to Unknown`,
    );
    const updated = this.ctx.api.get('Node', undefined, name);
    if (ready?.status === 'True') {
      this.ctx.events.normal(updated, 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, SOURCE);
      this.markPodsNotReady(name);
    }
    this.syncTaints(updated);
  }

  /** MarkPodsNotReady: the Ready condition of every pod on the node turns False. */
  private markPodsNotReady(nodeName: string): void {
    const t = toRFC3339(this.ctx.clock.now());
    const pods = this.ctx.api.list<K8s<Pod>>('Pod', { fieldSelector: [{ field: 'spec.nodeName', op: '=', value: nodeName }] });
    for (const pod of pods) {
      const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      this.ctx.api.mutate<K8s<Pod>>(
        'Pod',
        pod.metadata.namespace,
        pod.metadata.name!,
        (p) => {
          p.status!.conditions = (p.status?.conditions ?? []).map((c) =>
            c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: t } : c,
          );
        },
        { subresource: 'status' },
      );
      this.ctx.events.warning(pod, 'NodeNotReady', 'Node is not ready', SOURCE);
    }
  }

  /** doNoScheduleTaintingPass and the NoExecute swap: make the managed taints match the node's state. */
  private syncTaints(node: Stored): void {
    const wanted = wantedTaints(node);
    const current = (node.spec?.taints ?? []) as Taint[];
    const keep = current.filter((t) => !MANAGED.has(t.key) || wanted.some((w) => w.key === t.key && w.effect === t.effect));
    const add = wanted.filter((w) => !current.some((t) => t.key === w.key && t.effect === w.effect));
    if (add.length === 0 && keep.length === current.length) return;
    const t = toRFC3339(this.ctx.clock.now());
    const name = node.metadata.name!;
    this.ctx.api.mutate('Node', undefined, name, (n) => {
      const taints = [...keep, ...add.map((a) => ({ key: a.key, effect: a.effect, timeAdded: t }))];
      if (taints.length) n.spec = { ...n.spec, taints };
      else if (n.spec) delete n.spec.taints;
    });
    const added = add.map((a) => `${a.key}:${a.effect}`);
    const removed = current.filter((c) => !keep.includes(c)).map((c) => `${c.key}:${c.effect}`);
    this.ctx.explain.add(
      this.name,
      { kind: 'Node', name },
      [added.length ? `added taints ${added.join(', ')}` : '', removed.length ? `removed taints ${removed.join(', ')}` : ''].filter(Boolean).join('; '),
    );
  }
}
