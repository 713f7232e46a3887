/**
 * The StatefulSet controller's loop (pkg/controller/statefulset/stateful_set.go): watch sets,
 * their pods and revisions, and sync one set per key: claim pods, resolve revisions, run the
 * update algorithm, write status, trim history.
 */
import type { Store } from '../../apiserver/store.ts';
import { controllerOf, metaKey, splitMetaKey, type WatchEvent } from '../../apiserver/types.ts';
import { sameContent } from '../../apiserver/store.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { claimObjects, selectingOwners } from '../ownership.ts';
import type { StoredPod } from '../pod-status.ts';
import { cleanupHistory, computeStatus, resolveRevisions, updateStatefulSet } from './control.ts';
import { isMemberOf, type StoredSet } from './predicates.ts';

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'StatefulSet') {
      this.ctx.enqueue(metaKey(obj));
      return;
    }
    if (obj.kind !== 'Pod' && obj.kind !== 'ControllerRevision') return;
    const ref = controllerOf(obj) ?? (ev.old ? controllerOf(ev.old) : undefined);
    if (ref) {
      if (ref.kind === 'StatefulSet') this.ctx.enqueue(`${obj.metadata.namespace}/${ref.name}`);
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
    const pods = claimPods(this.ctx.api, set);
    const revs = resolveRevisions(this.ctx, set);
    updateStatefulSet(this.ctx, set, pods, revs);
    const fresh = claimPods(this.ctx.api, set);
    const status = computeStatus(set, fresh, revs, this.ctx.clock.now());
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
function claimPods(api: Store, set: StoredSet): StoredPod[] {
  return claimObjects(api, 'Pod', set, set.spec?.selector, (p) => isMemberOf(set, p as StoredPod)) as StoredPod[];
}

