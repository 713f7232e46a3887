/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go manageReplicas,
 * calculateStatus): keeps `replicas` active pods, creating at most a burst of 500 a sync (in
 * slow-start batches, see slow-start.ts) and
 * deleting the most expendable first (controller.ActivePodsWithRanks), and reports status.
 */
import type { ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { parseTime } from '../clock.ts';
import { sameContent } from '../apiserver/store.ts';
import { clone, controllerOf, metaKey, splitMetaKey, type K8s, type KubeObject, type Stored, type WatchEvent } from '../apiserver/types.ts';
import { labelSelectorMatches } from '../apiserver/selectors.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { claimObjects, controllerRef, isRelevantPodChange, OwnerIndex, selectingOwners, isSpecOrMetaChange } from './ownership.ts';
import { burstPausedFor, errorText, pauseBurst, slowStartBatch, SLOW_START_INITIAL_BATCH } from './slow-start.ts';
import { isPodActive, isPodAvailable, isPodReady, msUntilAvailable, readySince, type StoredPod } from './pod-status.ts';

export type StoredReplicaSet = Stored<K8s<ReplicaSet>>;

const SOURCE = { component: 'replicaset-controller' };
/** burstReplicas: pods created or deleted per sync at most. */
export const RS_BURST = 500;

/**
 * Orders pods most-deletable first (ActivePodsWithRanks.Less): unassigned before assigned,
 * Pending before Unknown before Running, not ready before ready, more pods of this set on the
 * same node first, ready for less time first, more restarts first, newer first.
 */
export function rankPodsForDeletion(pods: StoredPod[], now: number): StoredPod[] {
  const perNode = new Map<string, number>();
  for (const p of pods) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const phaseRank = (p: StoredPod) => (p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Unknown' ? 1 : p.status?.phase === 'Running' ? 2 : 0);
  const restarts = (p: StoredPod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  /** Readiness durations compared on a log2 scale, as upstream does (v1.22+ LogarithmicScaleDown). */
  const readyBucket = (p: StoredPod) => {
    const since = readySince(p);
    if (since === undefined) return 0;
    const secs = Math.max(0, (now - since) / 1000);
    return secs < 1 ? 0 : Math.floor(Math.log2(secs)) + 1;
  };
  return [...pods].sort((a, b) => {
    const an = a.spec?.nodeName ? 1 : 0;
    const bn = b.spec?.nodeName ? 1 : 0;
    if (an !== bn) return an - bn;
    if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
    const ar = isPodReady(a) ? 1 : 0;
    const br = isPodReady(b) ? 1 : 0;
    if (ar !== br) return ar - br;
    const ac = perNode.get(a.spec?.nodeName ?? '') ?? 0;
    const bc = perNode.get(b.spec?.nodeName ?? '') ?? 0;
    if (ac !== bc) return bc - ac;
    if (ar && br && readyBucket(a) !== readyBucket(b)) return readyBucket(a) - readyBucket(b);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
    const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
    if (ta !== tb) return tb - ta;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? 1 : -1;
  });
}

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset';
  private ctx!: ControllerContext;
  private readonly pods = new OwnerIndex('Pod');

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'ReplicaSet') {
      if (isSpecOrMetaChange(ev)) this.ctx.enqueue(metaKey(obj));
    }
    else if (obj.kind === 'Pod') {
      this.pods.observe(ev);
      if (!isRelevantPodChange(ev)) return;
      const ref = controllerOf(obj) ?? (ev.old ? controllerOf(ev.old) : undefined);
      if (ref) {
        if (ref.kind !== 'ReplicaSet') return;
        const key = `${obj.metadata.namespace}/${ref.name}`;
        if (this.pods.count(ref.uid) > 100) this.ctx.enqueueAfter(key, 500);
        else this.ctx.enqueue(key);
      } else if (ev.type !== 'DELETED') {
        for (const rs of selectingOwners(this.ctx.api, 'ReplicaSet', obj, (r) => r.spec?.selector)) this.ctx.enqueue(metaKey(rs));
      }
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const rs = this.ctx.api.tryGet('ReplicaSet', namespace, name) as StoredReplicaSet | undefined;
    if (!rs) return;
    const ctx = this.ctx;
    const pods = claimObjects(ctx.api, 'Pod', rs, rs.spec?.selector, undefined, this.pods) as StoredPod[];
    const active = pods.filter(isPodActive);
    const want = rs.spec?.replicas ?? 1;
    const paused = active.length !== want ? burstPausedFor(ctx, this.name, key) : 0;
    const ref = { kind: 'ReplicaSet', namespace, name };
    if (!rs.metadata.deletionTimestamp && paused > 0) {
      ctx.explain.add(this.name, ref, `${Math.abs(active.length - want)} pods left to ${active.length < want ? 'create' : 'delete'} after a burst of ${RS_BURST}; next burst in ${paused}ms`);
    } else if (!rs.metadata.deletionTimestamp) {
      const diff = active.length - want;
      if (diff < 0) {
        const n = Math.min(-diff, RS_BURST);
        const result = slowStartBatch(n, SLOW_START_INITIAL_BATCH, () => {
          const pod = ctx.api.create(newReplicaPod(rs));
          ctx.events.normal(rs, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
        });
        if (result.error !== undefined) {
          ctx.events.warning(rs, 'FailedCreate', `Error creating: ${errorText(result.error)}`, SOURCE);
          ctx.explain.add(this.name, ref, `stopped creating after ${result.done} of ${n} pods: ${errorText(result.error)}`);
        }
        if (result.error !== undefined || -diff > RS_BURST) pauseBurst(ctx, this.name, key);
      } else if (diff > 0) {
        const victims = rankPodsForDeletion(active, ctx.clock.now()).slice(0, Math.min(diff, RS_BURST));
        for (const p of victims) {
          ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name!, { uid: p.metadata.uid });
          ctx.events.normal(rs, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
        }
        if (diff > RS_BURST) pauseBurst(ctx, this.name, key);
      }
    }
    const fresh = (claimObjects(ctx.api, 'Pod', rs, rs.spec?.selector, undefined, this.pods) as StoredPod[]).filter(isPodActive);
    const now = ctx.clock.now();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
    const status: ReplicaSetStatus = {
      replicas: fresh.length,
      fullyLabeledReplicas: fresh.filter((p) => labelSelectorMatches({ matchLabels: templateLabels }, p.metadata.labels)).length,
      readyReplicas: fresh.filter(isPodReady).length,
      availableReplicas: fresh.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: rs.metadata.generation,
    };
    for (const p of fresh) {
      const ms = msUntilAvailable(p, minReady, now);
      if (ms !== undefined) ctx.enqueueAfter(key, ms);
    }
    const clean = Object.fromEntries(Object.entries(status).filter(([k, v]) => v !== 0 || k === 'replicas')) as ReplicaSetStatus;
    const latest = ctx.api.tryGet('ReplicaSet', namespace, name);
    if (latest && latest.metadata.uid === rs.metadata.uid && !sameContent(latest.status ?? {}, clean)) {
      ctx.api.mutate('ReplicaSet', namespace, name, (r) => void (r.status = { ...clean, ...(latest.status?.conditions ? { conditions: latest.status.conditions } : {}) }), { subresource: 'status' });
    }
  }
}

/** GetPodFromTemplate: `<rs>-<5 random>`, the template's labels and annotations, the controller ref. */
export function newReplicaPod(rs: StoredReplicaSet): KubeObject {
  const t = clone(rs.spec!.template!);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ...(t.metadata?.finalizers ? { finalizers: [...t.metadata.finalizers] } : {}),
      ownerReferences: [controllerRef(rs)],
    },
    spec: t.spec ?? { containers: [] },
  };
}
