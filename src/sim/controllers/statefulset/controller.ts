/**
 * The StatefulSet controller's loop (pkg/controller/statefulset/stateful_set.go): watch sets,
 * their pods and revisions, and sync one set per key: claim pods, resolve revisions, run the
 * update algorithm, write status, trim history.
 */
import type { Store } from '../../apiserver/store.ts';
import { controllerOf, metaKey, splitMetaKey, type WatchEvent } from '../../apiserver/types.ts';
import { sameContent } from '../../apiserver/store.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { claimObjects, isRelevantPodChange, OwnerIndex, selectingOwners, isSpecOrMetaChange } from '../ownership.ts';
import { msUntilAvailable, type StoredPod } from '../pod-status.ts';
import { cleanupHistory, computeStatus, resolveRevisions, updateStatefulSet } from './control.ts';
import { isMemberOf, type StoredSet } from './predicates.ts';

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';
  private ctx!: ControllerContext;
  private readonly pods = new OwnerIndex('Pod');

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'StatefulSet') {
      if (isSpecOrMetaChange(ev)) this.ctx.enqueue(metaKey(obj));
      return;
    }
    if (obj.kind !== 'Pod' && obj.kind !== 'ControllerRevision') return;
    if (obj.kind === 'Pod') {
      this.pods.observe(ev);
      if (!isRelevantPodChange(ev)) return;
    }
    const ref = controllerOf(obj) ?? (ev.old ? controllerOf(ev.old) : undefined);
    if (ref) {
      if (ref.kind !== 'StatefulSet') return;
      const key = `${obj.metadata.namespace}/${ref.name}`;
      // Large sets batch their pods' changes (at most one sync per half second), as a busy
      // controller's work queue would.
      const large = () => this.pods.count(ref.uid) > LARGE_SET || (this.ctx.api.tryGet('StatefulSet', obj.metadata.namespace, ref.name)?.spec?.replicas ?? 0) > LARGE_SET;
      if (obj.kind === 'Pod' && large()) this.ctx.enqueueAfter(key, COALESCE_MS);
      else this.ctx.enqueue(key);
      return;
    }
    if (obj.kind === 'Pod' && ev.type !== 'DELETED') {
      for (const set of selectingOwners(this.ctx.api, 'StatefulSet', obj, (s) => s.spec?.selector)) {
        this.ctx.enqueue(metaKey(set));
      }
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const set = this.ctx.api.tryGet('StatefulSet', namespace, name) as StoredSet | undefined;
    if (!set) return;
    const pods = claimPods(this.ctx.api, set, this.pods);
    // adoptOrphanRevisions: revisions left by a set deleted with --cascade=orphan become this set's.
    claimObjects(this.ctx.api, 'ControllerRevision', set, set.spec?.selector);
    const revs = resolveRevisions(this.ctx, set);
    updateStatefulSet(this.ctx, set, pods, revs);
    const fresh = claimPods(this.ctx.api, set, this.pods);
    const now = this.ctx.clock.now();
    const status = computeStatus(set, fresh, revs, now);
    // Pods Ready but not yet available for minReadySeconds: look again when they will be.
    for (const p of fresh) {
      const ms = msUntilAvailable(p, set.spec?.minReadySeconds ?? 0, now);
      if (ms !== undefined) this.ctx.enqueueAfter(key, ms);
    }
    const latest = this.ctx.api.tryGet('StatefulSet', namespace, name);
    if (latest && latest.metadata.uid === set.metadata.uid && !sameContent(latest.status ?? {}, status)) {
      this.ctx.api.mutate('StatefulSet', namespace, name, (s) => {
        s.status = { ...status, ...(latest.status?.conditions ? { conditions: latest.status.conditions } : {}) };
      }, { subresource: 'status' });
    }
    cleanupHistory(this.ctx, set, fresh, status);
  }
}

/** The set's pods: owned (or adopted) and named `<set>-<ordinal>`. */
function claimPods(api: Store, set: StoredSet, index: OwnerIndex): StoredPod[] {
  return claimObjects(api, 'Pod', set, set.spec?.selector, (p) => isMemberOf(set, p as StoredPod), index) as StoredPod[];
}

/** Sets with more pods than this batch pod events into one sync per COALESCE_MS. */
export const LARGE_SET = 100;
export const COALESCE_MS = 500;

