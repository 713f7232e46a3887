/**
 * The DaemonSet controller (pkg/controller/daemon/daemon_controller.go): for every node decide
 * whether a daemon pod belongs there, create or delete pods to match, run the rolling update,
 * and write status. Nodes appearing, changing labels or taints, or going away re-sync every set.
 */
import type { DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { sameContent } from '../../apiserver/store.ts';
import { controllerOf, metaKey, splitMetaKey, type Stored, type WatchEvent } from '../../apiserver/types.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { claimObjects, isRelevantPodChange, OwnerIndex, selectingOwners, isSpecOrMetaChange } from '../ownership.ts';
import { sameContent as same } from '../../apiserver/store.ts';
import { isPodAvailable, isPodFailed, isPodReady, isPodTerminating, msUntilAvailable, type StoredPod } from '../pod-status.ts';
import { burstPausedFor, errorText, pauseBurst, slowStartBatch, SLOW_START_INITIAL_BATCH } from '../slow-start.ts';
import { daemonTolerations, newDaemonPod } from './pod-template.ts';
import {

  isPodUpdated,
  placementOn,
  targetNode,
  TEMPLATE_GENERATION_ANNOTATION,
  type StoredDaemonSet,
} from './predicates.ts';
import { cleanupDaemonHistory, currentRevision, planRollingUpdate, splitPodsOnNode } from './update.ts';

const SOURCE = { component: 'daemonset-controller' };
/** burstReplicas of the DaemonSet controller: pods created per sync at most. */
export const DAEMON_BURST = 250;

export class DaemonSetController implements Controller {
  readonly name = 'daemonset';
  private ctx!: ControllerContext;
  private readonly pods = new OwnerIndex('Pod');

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'DaemonSet') {
      if (isSpecOrMetaChange(ev)) this.ctx.enqueue(metaKey(obj));
    } else if (obj.kind === 'Node') {
      if (ev.type === 'MODIFIED' && ev.old && !isRelevantNodeChange(ev.old, obj)) return;
      for (const ds of this.ctx.api.list('DaemonSet')) this.ctx.enqueue(metaKey(ds));
    } else if (obj.kind === 'Pod') {
      this.pods.observe(ev);
      if (!isRelevantPodChange(ev)) return;
      const ref = controllerOf(obj) ?? (ev.old ? controllerOf(ev.old) : undefined);
      if (ref) {
        if (ref.kind === 'DaemonSet') this.ctx.enqueue(`${obj.metadata.namespace}/${ref.name}`);
      } else if (ev.type !== 'DELETED') {
        for (const ds of selectingOwners(this.ctx.api, 'DaemonSet', obj, (d) => d.spec?.selector)) this.ctx.enqueue(metaKey(ds));
      }
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const ds = this.ctx.api.tryGet('DaemonSet', namespace, name) as StoredDaemonSet | undefined;
    if (!ds) return;
    const ctx = this.ctx;
    const now = ctx.clock.now();
    const say = (m: string) => ctx.explain.add('daemonset', { kind: 'DaemonSet', namespace, name }, m);
    // controlledHistories: orphaned revisions matching the selector are adopted first.
    claimObjects(ctx.api, 'ControllerRevision', ds, ds.spec?.selector);
    const { hash, revision, collisionCount } = currentRevision(ctx, ds);
    const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
    const template = ds.spec!.template as PodTemplateSpec;
    const tolerations = daemonTolerations(template);
    const nodes = ctx.api.list('Node');
    const nodeNames = new Set(nodes.map((n) => n.metadata.name!));

    const pods = claimObjects(ctx.api, 'Pod', ds, ds.spec?.selector, undefined, this.pods) as StoredPod[];
    const nodeToPods = new Map<string, StoredPod[]>();
    for (const pod of pods) {
      const node = targetNode(pod);
      if (!node) continue;
      if (!nodeToPods.has(node)) nodeToPods.set(node, []);
      nodeToPods.get(node)!.push(pod);
    }
    for (const list of nodeToPods.values()) list.sort(byCreation);

    if (!ds.metadata.deletionTimestamp) {
      const toCreate: string[] = [];
      const toDelete: StoredPod[] = [];
      const unfit: string[] = [];
      const surge = (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && String(ds.spec?.updateStrategy?.rollingUpdate?.maxSurge ?? 0) !== '0';
      for (const node of nodes) {
        const nodeName = node.metadata.name!;
        const place = placementOn(tolerations, ds, node);
        const onNode = nodeToPods.get(nodeName) ?? [];
        const live = onNode.filter((p) => !isPodTerminating(p));
        if (place.shouldRun && live.length === 0) {
          toCreate.push(nodeName);
        } else if (place.shouldContinueRunning) {
          const running: StoredPod[] = [];
          for (const p of live) {
            if (isPodFailed(p)) {
              ctx.events.warning(ds, 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${nodeName}, will try to kill it`, SOURCE);
              toDelete.push(p);
            } else running.push(p);
          }
          if (running.length > 1) {
            if (!surge) toDelete.push(...running.slice(1));
            else {
              const { newPod, oldPod, ok } = splitPodsOnNode(running, hash, generation);
              const keep = new Set<StoredPod>();
              if (ok && newPod && oldPod && !isPodReady(newPod) && isPodReady(oldPod)) {
                keep.add(newPod);
                keep.add(oldPod);
              } else keep.add(newPod ?? running[0]!);
              toDelete.push(...running.filter((p) => !keep.has(p)));
            }
          }
        } else if (live.length > 0) {
          say(`deleting daemon pods on ${nodeName}: the node no longer fits (nodeSelector, affinity or taints)`);
          toDelete.push(...live);
        }
        if (!place.shouldRun && live.length === 0) unfit.push(nodeName);
      }
      if (unfit.length) say(`no daemon pod on ${unfit.join(', ')}: the node${unfit.length > 1 ? 's do' : ' does'} not fit (nodeSelector, affinity or untolerated taints)`);
      for (const [node, list] of nodeToPods) {
        if (!nodeNames.has(node)) toDelete.push(...list.filter((p) => !isPodTerminating(p)));
      }

      if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && toCreate.length === 0 && toDelete.length === 0) {
        const eligible = new Map<string, StoredPod[]>();
        let desired = 0;
        for (const node of nodes) {
          if (!placementOn(tolerations, ds, node).shouldRun) continue;
          desired++;
          eligible.set(node.metadata.name!, nodeToPods.get(node.metadata.name!) ?? []);
        }
        const plan = planRollingUpdate(ds, eligible, desired, hash, generation, now);
        toDelete.push(...plan.deletePods);
        toCreate.push(...plan.createOnNodes);
        const waiting = [...eligible.values()].flat().filter((p) => isPodUpdated(p, hash, generation) && !isPodAvailable(p, ds.spec?.minReadySeconds ?? 0, now));
        for (const p of waiting) {
          const ms = msUntilAvailable(p, ds.spec?.minReadySeconds ?? 0, now);
          if (ms !== undefined) ctx.enqueueAfter(key, ms);
        }
        const stale = [...eligible.values()].flat().filter((p) => !isPodTerminating(p) && !isPodUpdated(p, hash, generation));
        if (stale.length && plan.deletePods.length === 0 && plan.createOnNodes.length === 0) {
          say(`rolling update waiting: ${stale.length} old pods left, at most ${plan.maxUnavailable} unavailable and ${plan.maxSurge} surge`);
        }
      }

      // syncNodes: at most a burst of pods a sync, in slow-start batches (slow-start.ts).
      const paused = toCreate.length > 0 ? burstPausedFor(ctx, this.name, key) : 0;
      if (paused > 0) say(`${toCreate.length} daemon pods left to create after a burst of ${DAEMON_BURST}; next burst in ${paused}ms`);
      else if (toCreate.length > 0) {
        const batch = toCreate.slice(0, DAEMON_BURST);
        let next = 0;
        const result = slowStartBatch(batch.length, SLOW_START_INITIAL_BATCH, () => {
          const pod = ctx.api.create(newDaemonPod(ds, template, batch[next++]!, hash, generation));
          ctx.events.normal(ds, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
        });
        if (result.error !== undefined) {
          ctx.events.warning(ds, 'FailedCreate', `Error creating: ${errorText(result.error)}`, SOURCE);
          say(`stopped creating after ${result.done} of ${batch.length} daemon pods: ${errorText(result.error)}`);
        }
        if (result.error !== undefined || toCreate.length > DAEMON_BURST) pauseBurst(ctx, this.name, key);
      }
      for (const pod of toDelete) {
        if (!ctx.api.tryGet('Pod', pod.metadata.namespace, pod.metadata.name!)) continue;
        const gone = !nodeNames.has(targetNode(pod) ?? '');
        ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name!, { uid: pod.metadata.uid, ...(gone ? { gracePeriodSeconds: 0 } : {}) });
        ctx.events.normal(ds, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      }
    }

    const fresh = claimObjects(ctx.api, 'Pod', ds, ds.spec?.selector, undefined, this.pods) as StoredPod[];
    this.writeStatus(ds, fresh, nodes, tolerations, hash, generation, collisionCount);
    cleanupDaemonHistory(ctx, ds, fresh, revision);
  }

  private writeStatus(
    ds: StoredDaemonSet,
    pods: StoredPod[],
    nodes: readonly Stored[],
    tolerations: ReturnType<typeof daemonTolerations>,
    hash: string,
    generation: string | undefined,
    collisionCount: number,
  ): void {
    const now = this.ctx.clock.now();
    const byNode = new Map<string, StoredPod[]>();
    for (const p of pods) {
      const n = targetNode(p);
      if (!n || isPodTerminating(p)) continue;
      if (!byNode.has(n)) byNode.set(n, []);
      byNode.get(n)!.push(p);
    }
    let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
    for (const node of nodes) {
      const shouldRun = placementOn(tolerations, ds, node).shouldRun;
      const list = (byNode.get(node.metadata.name!) ?? []).sort(byCreation);
      if (shouldRun) desired++;
      if (list.length === 0) continue;
      if (!shouldRun) {
        misscheduled++;
        continue;
      }
      current++;
      const pod = list[0]!;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, now)) available++;
      }
      if (list.some((p) => isPodUpdated(p, hash, generation))) updated++;
    }
    const status: DaemonSetStatus = {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      ...(updated ? { updatedNumberScheduled: updated } : {}),
      ...(available ? { numberAvailable: available } : {}),
      ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
      ...(collisionCount ? { collisionCount } : {}),
    };
    const latest = this.ctx.api.tryGet('DaemonSet', ds.metadata.namespace, ds.metadata.name!);
    if (!latest || latest.metadata.uid !== ds.metadata.uid) return;
    const merged = { ...status, ...(latest.status?.conditions ? { conditions: latest.status.conditions } : {}) };
    if (sameContent(latest.status ?? {}, merged)) return;
    this.ctx.api.mutate('DaemonSet', ds.metadata.namespace, ds.metadata.name!, (d) => void (d.status = merged), { subresource: 'status' });
  }
}

/** shouldIgnoreNodeUpdate: heartbeats do not matter; labels, taints, schedulability and readiness do. */
function isRelevantNodeChange(old: Stored, cur: Stored): boolean {
  const ready = (n: Stored) => n.status?.conditions?.find((c: { type: string }) => c.type === 'Ready')?.status;
  return !same(old.metadata.labels, cur.metadata.labels) || !same(old.spec, cur.spec) || ready(old) !== ready(cur);
}

function byCreation(a: StoredPod, b: StoredPod): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

