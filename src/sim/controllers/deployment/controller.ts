/**
 * The Deployment controller (pkg/controller/deployment/deployment_controller.go syncDeployment,
 * sync.go, rolling.go, recreate.go, progress.go): keeps one new ReplicaSet per template with
 * revision annotations, moves replicas from old sets to the new one (RollingUpdate or Recreate),
 * scales proportionally mid-rollout, pauses, trims history, and reports the Available and
 * Progressing conditions with the progress deadline.
 */
import type { DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { parseTime, toRFC3339 } from '../../clock.ts';
import { sameContent } from '../../apiserver/store.ts';
import { controllerOf, metaKey, splitMetaKey, type WatchEvent } from '../../apiserver/types.ts';
import { isApiError } from '../../apiserver/errors.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { claimObjects, selectingOwners, isSpecOrMetaChange } from '../ownership.ts';
import type { StoredPod } from '../pod-status.ts';
import type { StoredReplicaSet } from '../replicaset.ts';
import {
  byCreation,
  copiedAnnotations,
  DESIRED_REPLICAS,
  findNewReplicaSet,

  MAX_REPLICAS,
  maxRevision,
  newReplicaSetObject,
  REVISION,
  REVISION_HISTORY,
  revisionOf,
  templateHash,
  type StoredDeployment,
} from './replica-sets.ts';
import { newSetTarget, oldSetTargets, proportionalTargets, resolveFenceposts } from './rolling.ts';

const SOURCE = { component: 'deployment-controller' };

export class DeploymentController implements Controller {
  readonly name = 'deployment';
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Deployment') {
      if (isSpecOrMetaChange(ev)) this.ctx.enqueue(metaKey(obj));
    }
    else if (obj.kind === 'ReplicaSet') {
      const ref = controllerOf(obj) ?? (ev.old ? controllerOf(ev.old) : undefined);
      if (ref) {
        if (ref.kind === 'Deployment') this.ctx.enqueue(`${obj.metadata.namespace}/${ref.name}`);
      } else if (ev.type !== 'DELETED') {
        for (const d of selectingOwners(this.ctx.api, 'Deployment', obj, (x) => x.spec?.selector)) this.ctx.enqueue(metaKey(d));
      }
    } else if (obj.kind === 'Pod' && ev.type === 'DELETED' && this.ctx.api.count('Deployment') > 0) {
      // Recreate waits for old pods to be gone.
      const ref = controllerOf(obj);
      const rs = ref?.kind === 'ReplicaSet' ? this.ctx.api.tryGet('ReplicaSet', obj.metadata.namespace, ref.name) : undefined;
      const owner = rs ? controllerOf(rs) : undefined;
      if (owner?.kind === 'Deployment') this.ctx.enqueue(`${obj.metadata.namespace}/${owner.name}`);
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const d = this.ctx.api.tryGet('Deployment', namespace, name) as StoredDeployment | undefined;
    if (!d) return;
    const sets = claimObjects(this.ctx.api, 'ReplicaSet', d, d.spec?.selector) as StoredReplicaSet[];
    if (d.metadata.deletionTimestamp) return this.writeStatus(d, key, false);
    if (d.spec?.paused) {
      this.scaleOnly(d, sets);
      return this.writeStatus(d, key, false);
    }
    if (this.isScalingEvent(d, sets)) {
      this.scaleOnly(d, sets);
      return this.writeStatus(d, key, true);
    }
    if (d.spec?.strategy?.type === 'Recreate') this.recreate(d, sets, key);
    else this.rolling(d, sets);
    this.writeStatus(d, key, true);
  }

  private say(d: StoredDeployment, m: string): void {
    this.ctx.explain.add('deployment', { kind: 'Deployment', namespace: d.metadata.namespace, name: d.metadata.name! }, m);
  }

  /** isScalingEvent: an active set was sized for a different replica count. */
  private isScalingEvent(d: StoredDeployment, sets: StoredReplicaSet[]): boolean {
    const newRS = findNewReplicaSet(d, sets);
    if (!newRS) return false;
    return sets.some((rs) => (rs.spec?.replicas ?? 0) > 0 && rs.metadata.annotations?.[DESIRED_REPLICAS] !== String(d.spec?.replicas ?? 1));
  }

  /** sync + scale: resize only (paused, or replicas changed), never roll. */
  private scaleOnly(d: StoredDeployment, sets: StoredReplicaSet[]): void {
    const newRS = this.syncRevision(d, sets, false);
    const all = this.fresh(d);
    const fresh = newRS ? all.find((rs) => rs.metadata.uid === newRS.metadata.uid) : undefined;
    const old = all.filter((rs) => rs !== fresh);
    const desired = d.spec?.replicas ?? 1;
    const active = all.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
    // FindActiveOrLatest: the one active set, or the new (else latest) set when none is active.
    const only = active.length === 1 ? active[0] : active.length === 0 ? (fresh ?? [...old].sort(byCreation).pop()) : undefined;
    if (only) {
      this.scaleTo(d, only, desired);
      return;
    }
    // IsSaturated: the new set has every replica available, so old sets go to zero.
    if (fresh && (fresh.spec?.replicas ?? 0) === desired && (fresh.status?.availableReplicas ?? 0) === desired) {
      for (const rs of old) this.scaleTo(d, rs, 0);
      return;
    }
    const targets = proportionalTargets(d, active);
    for (const rs of active) this.scaleTo(d, rs, targets.get(rs) ?? (rs.spec?.replicas ?? 0));
  }

  private rolling(d: StoredDeployment, sets: StoredReplicaSet[]): void {
    const newRS = this.syncRevision(d, sets, true)!;
    const all = this.fresh(d);
    const newer = all.find((rs) => rs.metadata.uid === newRS.metadata.uid)!;
    const old = all.filter((rs) => rs.metadata.uid !== newRS.metadata.uid);
    const target = (newer.spec?.replicas ?? 0) > (d.spec?.replicas ?? 1) ? (d.spec?.replicas ?? 1) : newSetTarget(d, all, newer);
    if (target !== (newer.spec?.replicas ?? 0)) {
      this.scaleTo(d, newer, target);
      return;
    }
    const all2 = this.fresh(d);
    const newer2 = all2.find((rs) => rs.metadata.uid === newRS.metadata.uid);
    const old2 = all2.filter((rs) => rs.metadata.uid !== newRS.metadata.uid);
    const downs = oldSetTargets(d, all2, old2, newer2);
    for (const [rs, n] of downs) this.scaleTo(d, rs, n);
    const oldLeft = old.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
    if (downs.size === 0 && oldLeft > 0) {
      const [surge, unavailable] = resolveFenceposts(d);
      this.say(d, `rolling update waiting: ${oldLeft} old replicas left; maxSurge ${surge}, maxUnavailable ${unavailable}, new replica set ${newRS.metadata.name} has ${newer2?.status?.availableReplicas ?? 0} available`);
    }
    if (oldLeft === 0) this.cleanup(d);
  }

  private recreate(d: StoredDeployment, sets: StoredReplicaSet[], key: string): void {
    let newRS = this.syncRevision(d, sets, false);
    const old = sets.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
    let scaledDown = false;
    for (const rs of old) {
      if ((rs.spec?.replicas ?? 0) > 0) {
        this.scaleTo(d, rs, 0);
        scaledDown = true;
      }
    }
    if (scaledDown) return;
    const oldPods = old.flatMap((rs) => claimObjects(this.ctx.api, 'Pod', rs, rs.spec?.selector) as StoredPod[]).filter((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
    if (oldPods.length > 0) {
      this.say(d, `Recreate: waiting for ${oldPods.length} old pods to terminate before scaling up the new replica set`);
      this.ctx.enqueueAfter(key, 1000);
      return;
    }
    if (!newRS) newRS = this.syncRevision(d, this.fresh(d), true);
    if (newRS) this.scaleTo(d, newRS, d.spec?.replicas ?? 1);
    this.cleanup(d);
  }

  private fresh(d: StoredDeployment): StoredReplicaSet[] {
    return claimObjects(this.ctx.api, 'ReplicaSet', d, d.spec?.selector) as StoredReplicaSet[];
  }

  /**
   * getAllReplicaSetsAndSyncRevision: find (or create) the new set, give it the next revision,
   * and keep the deployment's revision annotation in step.
   */
  private syncRevision(d: StoredDeployment, sets: StoredReplicaSet[], create: boolean): StoredReplicaSet | undefined {
    const api = this.ctx.api;
    const existing = findNewReplicaSet(d, sets);
    const old = sets.filter((rs) => rs !== existing);
    const nextRevision = maxRevision(old) + 1;
    const [surge] = resolveFenceposts(d);
    let newRS: StoredReplicaSet | undefined;
    if (existing) {
      const current = revisionOf(existing);
      const wantAnn: Record<string, string> = { ...copiedAnnotations(d) };
      const ann = existing.metadata.annotations ?? {};
      let changed = Object.entries(wantAnn).some(([k, v]) => ann[k] !== v);
      const next: Record<string, string> = { ...ann, ...wantAnn };
      if (current < nextRevision) {
        next[REVISION] = String(nextRevision);
        if (current > 0) next[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${current}` : String(current);
        changed = true;
      }
      newRS = changed
        ? (api.mutate('ReplicaSet', existing.metadata.namespace, existing.metadata.name!, (r) => void (r.metadata.annotations = next)) as StoredReplicaSet)
        : existing;
      this.setProgressing(d, 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, true);
    } else if (create) {
      const hash = templateHash(d);
      const replicas = d.spec?.strategy?.type === 'Recreate' ? (d.spec?.replicas ?? 1) : newSetTarget(d, sets, { spec: { replicas: 0 } } as StoredReplicaSet);
      try {
        newRS = api.create(newReplicaSetObject(d, hash, replicas, nextRevision, surge)) as StoredReplicaSet;
      } catch (e) {
        if (!isApiError(e) || e.reason !== 'AlreadyExists') throw e;
        // A hash collision with a set that is not ours: bump collisionCount and try next sync.
        api.mutate('Deployment', d.metadata.namespace, d.metadata.name!, (x) => void (x.status = { ...(x.status ?? {}), collisionCount: (x.status?.collisionCount ?? 0) + 1 }), { subresource: 'status' });
        return undefined;
      }
      if (replicas > 0) this.ctx.events.normal(d, 'ScalingReplicaSet', `Scaled up replica set ${newRS.metadata.name} from 0 to ${replicas}`, SOURCE);
      this.setProgressing(d, 'True', 'NewReplicaSetCreated', `Created new replica set "${newRS.metadata.name}"`, false);
    }
    const rev = newRS ? newRS.metadata.annotations?.[REVISION] : undefined;
    const latest = api.get('Deployment', d.metadata.namespace, d.metadata.name!);
    if (rev && latest.metadata.annotations?.[REVISION] !== rev) {
      api.mutate('Deployment', d.metadata.namespace, d.metadata.name!, (x) => void (x.metadata.annotations = { ...(x.metadata.annotations ?? {}), [REVISION]: rev }));
    }
    return newRS;
  }

  /** scaleReplicaSet: new size, size annotations, and the ScalingReplicaSet event. */
  private scaleTo(d: StoredDeployment, rs: StoredReplicaSet, replicas: number): void {
    const cur = this.ctx.api.tryGet('ReplicaSet', rs.metadata.namespace, rs.metadata.name!) as StoredReplicaSet | undefined;
    if (!cur) return;
    const from = cur.spec?.replicas ?? 0;
    const [surge] = resolveFenceposts(d);
    const want = { [DESIRED_REPLICAS]: String(d.spec?.replicas ?? 1), [MAX_REPLICAS]: String((d.spec?.replicas ?? 1) + surge) };
    if (from === replicas && Object.entries(want).every(([k, v]) => cur.metadata.annotations?.[k] === v)) return;
    this.ctx.api.mutate('ReplicaSet', cur.metadata.namespace, cur.metadata.name!, (r) => {
      r.spec.replicas = replicas;
      r.metadata.annotations = { ...(r.metadata.annotations ?? {}), ...want };
    });
    if (from !== replicas) {
      const dir = replicas > from ? 'up' : 'down';
      this.ctx.events.normal(d, 'ScalingReplicaSet', `Scaled ${dir} replica set ${cur.metadata.name} from ${from} to ${replicas}`, SOURCE);
    }
  }

  /** cleanupDeployment: delete old empty sets beyond revisionHistoryLimit, oldest first. */
  private cleanup(d: StoredDeployment): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const sets = this.fresh(d);
    const newRS = findNewReplicaSet(d, sets);
    const old = sets.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp);
    const excess = old.length - limit;
    if (excess <= 0) return;
    old.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of old.slice(0, excess)) this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name!, { uid: rs.metadata.uid });
  }

  /** Sets the Progressing condition now (used on set creation/discovery, before status is computed). */
  private setProgressing(d: StoredDeployment, status: 'True' | 'False' | 'Unknown', reason: string, message: string, onlyIfMissing: boolean): void {
    if ((d.spec?.progressDeadlineSeconds ?? 600) === 2147483647) return;
    const latest = this.ctx.api.get('Deployment', d.metadata.namespace, d.metadata.name!) as StoredDeployment;
    const conds = [...(latest.status?.conditions ?? [])];
    const cur = conds.find((c) => c.type === 'Progressing');
    if (onlyIfMissing && cur) return;
    if (cur && cur.status === status && cur.reason === reason) return;
    const now = toRFC3339(this.ctx.clock.now());
    const next: DeploymentCondition = {
      type: 'Progressing',
      status,
      lastUpdateTime: now,
      lastTransitionTime: cur && cur.status === status ? cur.lastTransitionTime : now,
      reason,
      message,
    };
    const out = conds.filter((c) => c.type !== 'Progressing');
    out.push(next);
    this.ctx.api.mutate('Deployment', d.metadata.namespace, d.metadata.name!, (x) => void (x.status = { ...(x.status ?? {}), conditions: out }), { subresource: 'status' });
  }

  /** calculateStatus + syncRolloutStatus (or syncDeploymentStatus when paused/deleting). */
  private writeStatus(d0: StoredDeployment, key: string, rollout: boolean): void {
    const api = this.ctx.api;
    const d = api.tryGet('Deployment', d0.metadata.namespace, d0.metadata.name!) as StoredDeployment | undefined;
    if (!d || d.metadata.uid !== d0.metadata.uid) return;
    const sets = this.fresh(d);
    const newRS = findNewReplicaSet(d, sets);
    const now = this.ctx.clock.now();
    const nowISO = toRFC3339(now);
    const desired = d.spec?.replicas ?? 1;
    const [, maxUnavailable] = resolveFenceposts(d);
    const sum = (f: (rs: StoredReplicaSet) => number) => sets.reduce((n, rs) => n + f(rs), 0);
    const replicas = sum((rs) => rs.status?.replicas ?? 0);
    const available = sum((rs) => rs.status?.availableReplicas ?? 0);
    const status: DeploymentStatus = {
      observedGeneration: d.metadata.generation,
      replicas,
      updatedReplicas: newRS?.status?.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status?.readyReplicas ?? 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, desired - available),
      ...(d.status?.collisionCount ? { collisionCount: d.status.collisionCount } : {}),
    };
    let conds: DeploymentCondition[] = [...(d.status?.conditions ?? [])];
    const set = (c: DeploymentCondition, keepIfSameReason = true) => {
      const cur = conds.find((x) => x.type === c.type);
      if (keepIfSameReason && cur && cur.status === c.status && cur.reason === c.reason) return;
      conds = conds.filter((x) => x.type !== c.type);
      conds.push({ ...c, lastTransitionTime: cur && cur.status === c.status ? cur.lastTransitionTime : c.lastTransitionTime });
    };
    const avail = available >= desired - maxUnavailable;
    const availCond: DeploymentCondition = avail
      ? { type: 'Available', status: 'True', lastUpdateTime: nowISO, lastTransitionTime: nowISO, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
      : { type: 'Available', status: 'False', lastUpdateTime: nowISO, lastTransitionTime: nowISO, reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
    const hadAvailable = conds.some((x) => x.type === 'Available');
    set(availCond);
    if (!hadAvailable) conds = [conds.find((x) => x.type === 'Available')!, ...conds.filter((x) => x.type !== 'Available')];

    const deadline = d.spec?.progressDeadlineSeconds ?? 600;
    const progressing = conds.find((x) => x.type === 'Progressing');
    if (d.spec?.paused) {
      if (progressing?.reason !== 'DeploymentPaused') set({ type: 'Progressing', status: 'Unknown', lastUpdateTime: nowISO, lastTransitionTime: nowISO, reason: 'DeploymentPaused', message: 'Deployment is paused' }, false);
    } else if (progressing?.reason === 'DeploymentPaused') {
      set({ type: 'Progressing', status: 'Unknown', lastUpdateTime: nowISO, lastTransitionTime: nowISO, reason: 'DeploymentResumed', message: 'Deployment is resumed' }, false);
    } else if (rollout && deadline !== 2147483647 && newRS) {
      const rsName = newRS.metadata.name;
      const complete = status.updatedReplicas === desired && status.replicas === desired && status.availableReplicas === desired && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
      const old = d.status ?? {};
      const moved =
        (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
        (status.replicas ?? 0) < (old.replicas ?? 0) ||
        (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
        (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
      if (complete) {
        set({ type: 'Progressing', status: 'True', lastUpdateTime: nowISO, lastTransitionTime: nowISO, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` });
      } else if (moved) {
        set({ type: 'Progressing', status: 'True', lastUpdateTime: nowISO, lastTransitionTime: nowISO, reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` }, false);
      } else if (progressing && progressing.reason !== 'NewReplicaSetAvailable' && progressing.reason !== 'ProgressDeadlineExceeded') {
        const since = parseTime(progressing.lastUpdateTime) ?? now;
        if (since + deadline * 1000 <= now) {
          set({ type: 'Progressing', status: 'False', lastUpdateTime: nowISO, lastTransitionTime: nowISO, reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` });
          this.say(d, `no progress for ${deadline}s (progressDeadlineSeconds): ProgressDeadlineExceeded`);
        } else {
          this.ctx.enqueueAfter(key, since + deadline * 1000 - now, { background: true });
        }
      }
      const p = conds.find((x) => x.type === 'Progressing');
      if (p && p.status === 'True' && p.reason !== 'NewReplicaSetAvailable') {
        const since = parseTime(p.lastUpdateTime) ?? now;
        this.ctx.enqueueAfter(key, Math.max(1, since + deadline * 1000 - now), { background: true });
      }
    }
    const out: DeploymentStatus = { ...status, conditions: conds };
    const clean = Object.fromEntries(Object.entries(out).filter(([k, v]) => !(typeof v === 'number' && v === 0 && k !== 'observedGeneration'))) as DeploymentStatus;
    if (!sameContent(d.status ?? {}, clean)) {
      api.mutate('Deployment', d.metadata.namespace, d.metadata.name!, (x) => void (x.status = clean), { subresource: 'status' });
    }
  }
}

