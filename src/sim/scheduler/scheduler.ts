/**
 * The scheduler (kube-scheduler's default profile, deterministic): binds each pending pod to the
 * feasible node with the best score, or leaves it Pending with PodScheduled=False/Unschedulable
 * and a FailedScheduling event worded as upstream. Unschedulable pods are retried when nodes,
 * pods or claims change, and every five minutes (podMaxInUnschedulablePodsDuration).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext } from '../controllers/controller.ts';
import type { K8s, Mutable, Stored, WatchEvent } from '../apiserver/types.ts';
import { isSameJson, metaKey, refOf, splitMetaKey } from '../apiserver/types.ts';
import { hashUnit } from '../random.ts';
import { toRFC3339 } from '../clock.ts';
import { condition } from '../kubelet/pod-status.ts';
import { NodeInfoIndex, isAssignedAndActive } from './node-info.ts';
import { podRequests } from './pod-resources.ts';
import { podTopologySpread } from './plugins/pod-topology-spread.ts';
import { fitErrorMessage } from './fit-error.ts';
import type { FilterFailure, FilterPlugin, SchedPod, SchedulingContext, ScorePlugin } from './plugins/plugin.ts';
import { nodeUnschedulable } from './plugins/node-unschedulable.ts';
import { nodeName } from './plugins/node-name.ts';
import { taintToleration } from './plugins/taint-toleration.ts';
import { nodeAffinity } from './plugins/node-affinity.ts';
import { nodePorts } from './plugins/node-ports.ts';
import { balancedAllocation, nodeResourcesFit } from './plugins/node-resources-fit.ts';
import { interPodAffinity } from './plugins/inter-pod-affinity.ts';
import { missingClaim, volumeBinding } from './plugins/volume-binding.ts';
import { bindPodVolumes } from './volume-binding.ts';

export const SCHEDULER_NAME = 'default-scheduler';

/** Filters in the default profile's order; a node fails at the first one that rejects it. */
export const FILTERS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  volumeBinding,
  interPodAffinity,
];

export const SCORERS: readonly ScorePlugin[] = [taintToleration, nodeAffinity, podTopologySpread, nodeResourcesFit, balancedAllocation, interPodAffinity];

/** Unschedulable pods are flushed back to the active queue after this long (upstream default). */
const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;
/** How often PreBind looks again whether the pod's claims are bound. */
const VOLUME_BIND_POLL_MS = 1000;

export function isPendingForScheduler(pod: Stored<K8s<Pod>>): boolean {
  if (pod.spec?.nodeName || pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  return (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !(pod.spec?.schedulingGates?.length);
}

export interface ScheduleResult {
  node?: string;
  message?: string;
}

export class Scheduler implements Controller {
  readonly name = 'scheduler';
  private ctx!: ControllerContext;
  readonly index = new NodeInfoIndex();
  /** The node list and lookup, rebuilt after any Node event. */
  private nodes: { list: readonly Stored[]; byName: ReadonlyMap<string, Stored> } | undefined;
  /** Unschedulable pods, and whether their own affinity terms could be met by a pod arriving. */
  private readonly unschedulable = new Map<string, { waitsForPods: boolean }>();

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const kind = ev.object.kind;
    if (kind === 'Pod') {
      const pod = ev.object as Stored<K8s<Pod>>;
      const key = metaKey(pod);
      if (ev.type === 'DELETED') {
        this.index.remove(key);
        this.unschedulable.delete(key);
        this.requeueUnschedulable();
        return;
      }
      const wasActive = ev.old ? isAssignedAndActive(ev.old as Stored<K8s<Pod>>) : false;
      const isActive = isAssignedAndActive(pod);
      this.index.upsert(pod);
      if (isPendingForScheduler(pod)) {
        const waiting = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable');
        if (ev.type === 'ADDED' && waiting && !this.unschedulable.has(key)) {
          // Seen again after a restore: it keeps waiting for a change (its retry timer came back too).
          this.unschedulable.set(key, { waitsForPods: Boolean(pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length) });
        } else if (!this.unschedulable.has(key) || ev.type === 'ADDED') this.ctx.enqueue(key);
      } else {
        this.unschedulable.delete(key);
      }
      // Queueing hints: a pod leaving a node frees room for anyone; a pod arriving can only help
      // pods waiting on pod affinity.
      if (wasActive && !isActive) this.requeueUnschedulable();
      else if (!wasActive && isActive) this.requeueUnschedulable((w) => w.waitsForPods);
      return;
    }
    if (kind === 'Node') {
      this.nodes = undefined;
      if (ev.type !== 'MODIFIED' || this.isRelevantNodeChange(ev.old!, ev.object)) this.requeueUnschedulable();
      return;
    }
    if (kind === 'PersistentVolumeClaim' || kind === 'PersistentVolume') this.requeueUnschedulable();
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const pod = this.ctx.api.tryGet<K8s<Pod>>('Pod', namespace, name);
    if (!pod || !isPendingForScheduler(pod)) {
      this.unschedulable.delete(key);
      return;
    }
    const result = this.schedule(pod);
    if (result.node) {
      this.unschedulable.delete(key);
      // PreBind: WaitForFirstConsumer claims get bound (or provisioned) on the chosen node first.
      if (!bindPodVolumes(this.ctx.api, pod, result.node)) {
        this.ctx.enqueueAfter(key, VOLUME_BIND_POLL_MS);
        return;
      }
      this.bind(pod, result.node);
    } else {
      this.unschedulable.set(key, { waitsForPods: Boolean(pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length) });
      this.markUnschedulable(pod, result.message!);
      this.ctx.enqueueAfter(key, UNSCHEDULABLE_RETRY_MS, { background: true });
    }
  }

  /** Runs filters and scorers; pure apart from reading the store and the cache. */
  schedule(pod: SchedPod): ScheduleResult {
    if (!this.nodes) {
      const list = this.ctx.api.list('Node');
      this.nodes = { list, byName: new Map(list.map((n) => [n.metadata.name!, n])) };
    }
    const nodes = this.nodes.list;
    const sctx: SchedulingContext = {
      api: this.ctx.api,
      index: this.index,
      nodes,
      nodeByName: this.nodes.byName,
      requests: podRequests(pod),
    };
    if (nodes.length === 0) return { message: 'no nodes available to schedule pods' };
    const preFilterMsg = missingClaim(pod, sctx);
    if (preFilterMsg) return { message: fitErrorMessage({ numNodes: nodes.length, failures: [], preFilterMsg }) };
    const feasible: Stored[] = [];
    const failures: FilterFailure[] = [];
    for (const node of nodes) {
      const info = this.index.get(node.metadata.name!);
      let failure: FilterFailure | undefined;
      for (const f of FILTERS) {
        failure = f.filter(pod, node, info, sctx);
        if (failure) break;
      }
      if (failure) failures.push(failure);
      else feasible.push(node);
    }
    if (feasible.length === 0) return { message: fitErrorMessage({ numNodes: nodes.length, failures }) };
    if (feasible.length === 1) return { node: feasible[0]!.metadata.name! };
    const totals = new Map<string, number>(feasible.map((n) => [n.metadata.name!, 0]));
    for (const s of SCORERS) {
      const raw = feasible.map((n) => s.score(pod, n, this.index.get(n.metadata.name!), sctx));
      const normalized = normalize(raw, s.normalize);
      feasible.forEach((n, i) => totals.set(n.metadata.name!, totals.get(n.metadata.name!)! + s.weight * normalized[i]!));
    }
    // Ties go to a seeded pick, as selectHost samples uniformly among the best.
    const uid = pod.metadata.uid ?? metaKey(pod);
    // The tie-break hash is only worked out for nodes that tie with the best so far.
    const tieOf = (n: Stored) => hashUnit(this.ctx.seed, uid, n.metadata.name!);
    let best: Stored | undefined;
    let bestScore = -Infinity;
    let bestTie: number | undefined = -1;
    for (const n of feasible) {
      const score = totals.get(n.metadata.name!)!;
      if (score > bestScore) {
        best = n;
        bestScore = score;
        bestTie = undefined;
      } else if (score === bestScore) {
        const tie = tieOf(n);
        bestTie ??= tieOf(best!);
        if (tie > bestTie) {
          best = n;
          bestTie = tie;
        }
      }
    }
    return { node: best!.metadata.name! };
  }

  private bind(pod: SchedPod, node: string): void {
    const { api, events, clock } = this.ctx;
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name!;
    // One write, as the binding subresource sets nodeName and the PodScheduled condition together.
    api.mutate<Mutable<K8s<Pod>>>('Pod', ns, name, (p) => {
      p.spec!.nodeName = node;
      const status = (p.status ??= {});
      const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conditions.push(condition('PodScheduled', 'True', toRFC3339(clock.now())));
      status.conditions = conditions;
      status.phase ??= 'Pending';
    }, { subresource: 'binding' });
    events.normal(pod, 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`, { component: SCHEDULER_NAME });
    this.ctx.explain.add(this.name, refOf(pod), `assigned to ${node}`);
    this.ctx.enqueueFor('kubelet', metaKey(pod));
  }

  private markUnschedulable(pod: SchedPod, message: string): void {
    const { api, events, clock } = this.ctx;
    api.mutate<Mutable<K8s<Pod>>>('Pod', pod.metadata.namespace, pod.metadata.name!, (p) => {
      const status = (p.status ??= {});
      const existing = status.conditions?.find((c) => c.type === 'PodScheduled');
      if (existing && existing.status === 'False' && existing.reason === 'Unschedulable' && existing.message === message) return false;
      const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      const since = existing?.status === 'False' ? existing.lastTransitionTime! : toRFC3339(clock.now());
      conditions.push(condition('PodScheduled', 'False', since, 'Unschedulable', message));
      status.conditions = conditions;
      status.phase ??= 'Pending';
    }, { subresource: 'status' });
    events.warning(pod, 'FailedScheduling', message, { component: SCHEDULER_NAME });
    this.ctx.explain.add(this.name, refOf(pod), `no node fits: ${message}`);
  }

  private requeueUnschedulable(filter: (w: { waitsForPods: boolean }) => boolean = () => true): void {
    for (const [key, w] of this.unschedulable) if (filter(w)) this.ctx.enqueue(key);
  }

  private isRelevantNodeChange(old: Stored, now: Stored): boolean {
    return (
      !isSameJson(old.spec, now.spec) ||
      !isSameJson(old.metadata.labels, now.metadata.labels) ||
      !isSameJson(old.status?.allocatable, now.status?.allocatable)
    );
  }
}

function normalize(raw: number[], how: ScorePlugin['normalize']): number[] {
  if (!how) return raw;
  const max = Math.max(...raw);
  const min = Math.min(...raw);
  if (how === 'minmax') return raw.map((r) => (max === min ? 0 : Math.floor(((r - min) * 100) / (max - min))));
  if (max === 0) return raw.map(() => (how === 'reverse' ? 100 : 0));
  return raw.map((r) => (how === 'reverse' ? 100 - Math.floor((r * 100) / max) : Math.floor((r * 100) / max)));
}
