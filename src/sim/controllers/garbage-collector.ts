/**
 * The garbage collector (pkg/controller/garbagecollector): deletes objects whose owners are gone,
 * and carries out the Foreground and Orphan propagation policies.
 *
 * - Background: when an owner disappears, each dependent whose every owner is gone is deleted.
 * - Foreground: the owner keeps a deletionTimestamp and the `foregroundDeletion` finalizer; the
 *   collector deletes its dependents (foreground again where they have dependents of their own)
 *   and removes the finalizer once no dependent with blockOwnerDeletion remains.
 * - Orphan: the collector removes the owner's references from its dependents, then the `orphan`
 *   finalizer from the owner.
 *
 * Upstream keeps a graph of uids; here an index owner uid → dependents, rebuilt from watch events.
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { isNotFound } from '../apiserver/errors.ts';
import { resourceForKind } from '../apiserver/resources.ts';
import type { Stored, WatchEvent } from '../apiserver/types.ts';
import type { Controller, ControllerContext } from './controller.ts';

export const GARBAGE_COLLECTOR = 'garbage-collector';

interface Ref {
  kind: string;
  namespace?: string;
  name: string;
}

/** Keys: `item|Kind|ns|name` (attempt to delete), `orphan|…` and `foreground|…` (owner work). */
function keyOf(prefix: string, r: Ref): string {
  return `${prefix}|${r.kind}|${r.namespace ?? ''}|${r.name}`;
}

function parseKey(key: string): { prefix: string; ref: Ref } {
  const [prefix, kind, ns, ...rest] = key.split('|');
  return { prefix: prefix!, ref: { kind: kind!, namespace: ns || undefined, name: rest.join('|') } };
}

function refOf(obj: Stored): Ref {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' };
}

function hasFinalizer(obj: Stored, f: string): boolean {
  return (obj.metadata.finalizers ?? []).includes(f);
}

export class GarbageCollector implements Controller {
  readonly name = GARBAGE_COLLECTOR;
  private ctx!: ControllerContext;
  /** owner uid → dependent keys (`Kind|ns|name`). */
  private dependents = new Map<string, Set<string>>();
  /** object key → the owner references it lists, to undo the index on change. */
  private ownersOf = new Map<string, readonly OwnerReference[]>();

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    const ref = refOf(obj);
    const id = `${ref.kind}|${ref.namespace ?? ''}|${ref.name}`;
    const previous = this.ownersOf.get(id) ?? [];
    for (const r of previous) this.dependents.get(r.uid)?.delete(id);
    if (ev.type === 'DELETED') {
      this.ownersOf.delete(id);
      // Whoever depended on this object may now be garbage…
      const uid = obj.metadata.uid;
      if (uid) for (const dep of this.dependents.get(uid) ?? []) this.ctx.enqueue(`item|${dep}`);
      // …and an owner waiting in the foreground may now be free.
      for (const r of previous) this.enqueueOwner(obj, r);
      return;
    }
    const owners = obj.metadata.ownerReferences ?? [];
    if (owners.length) {
      this.ownersOf.set(id, owners);
      for (const r of owners) {
        let set = this.dependents.get(r.uid);
        if (!set) this.dependents.set(r.uid, (set = new Set()));
        set.add(id);
      }
    } else {
      this.ownersOf.delete(id);
    }
    const changed = !sameOwners(previous.map((r) => r.uid), owners.map((r) => r.uid));
    if (owners.length && (ev.type === 'ADDED' || changed)) this.ctx.enqueue(keyOf('item', ref));
    // An owner this object no longer references may have been waiting for it.
    for (const r of previous) if (!owners.some((o) => o.uid === r.uid)) this.enqueueOwner(obj, r);
    if (obj.metadata.deletionTimestamp) {
      if (hasFinalizer(obj, 'orphan')) this.ctx.enqueue(keyOf('orphan', ref));
      if (hasFinalizer(obj, 'foregroundDeletion')) this.ctx.enqueue(keyOf('foreground', ref));
      // A dependent going away may unblock an owner waiting in the foreground.
      for (const r of owners) this.enqueueOwner(obj, r);
    }
    if (ev.type === 'MODIFIED' && ev.old && !ev.old.metadata.deletionTimestamp && obj.metadata.deletionTimestamp) {
      const uid = obj.metadata.uid;
      if (uid && hasFinalizer(obj, 'foregroundDeletion')) {
        for (const dep of this.dependents.get(uid) ?? []) this.ctx.enqueue(`item|${dep}`);
      }
    }
  }

  /** Removed dependents unblock a foreground owner: re-check it. */
  private enqueueOwner(obj: Stored, r: OwnerReference): void {
    const t = resourceForKind(r.kind);
    if (!t) return;
    this.ctx.enqueue(keyOf('foreground', { kind: r.kind, namespace: t.namespaced ? obj.metadata.namespace : undefined, name: r.name }));
  }

  sync(key: string): void {
    const { prefix, ref } = parseKey(key);
    const obj = this.ctx.api.tryGet(ref.kind, ref.namespace, ref.name);
    if (!obj) {
      return;
    }
    if (prefix === 'item') this.attemptToDelete(obj);
    else if (prefix === 'orphan') this.orphanDependents(obj);
    else if (prefix === 'foreground') this.processDeletingDependents(obj);
  }

  /** The owner a reference points to, if it still exists with the same uid. */
  private lookupOwner(dependent: Stored, r: OwnerReference): Stored | undefined {
    const t = resourceForKind(r.kind);
    if (!t) return undefined;
    const owner = this.ctx.api.tryGet(r.kind, t.namespaced ? dependent.metadata.namespace : undefined, r.name);
    return owner && owner.metadata.uid === r.uid ? owner : undefined;
  }

  private dependentsOf(owner: Stored): Stored[] {
    const out: Stored[] = [];
    for (const id of this.dependents.get(owner.metadata.uid ?? '') ?? []) {
      const [kind, ns, ...rest] = id.split('|');
      const dep = this.ctx.api.tryGet(kind!, ns || undefined, rest.join('|'));
      if (dep && (dep.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid)) out.push(dep);
    }
    return out;
  }

  /** attemptToDeleteItem: classify the owners as solid, dangling or waiting, and act. */
  private attemptToDelete(item: Stored): void {
    const refs = item.metadata.ownerReferences ?? [];
    if (!refs.length || item.metadata.deletionTimestamp && !hasFinalizer(item, 'foregroundDeletion')) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const r of refs) {
      const owner = this.lookupOwner(item, r);
      if (!owner) dangling.push(r);
      else if (owner.metadata.deletionTimestamp && hasFinalizer(owner, 'foregroundDeletion')) waiting.push(r);
      else solid.push(r);
    }
    if (solid.length) {
      if (!dangling.length && !waiting.length) return;
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      this.ctx.api.mutate(item.kind, item.metadata.namespace, item.metadata.name!, (o) => {
        o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid));
      });
      this.ctx.explain.add(this.name, refOf(item), `removed references to owners being deleted or gone; ${solid.map((r) => `${r.kind} ${r.name}`).join(', ')} still owns it`);
      return;
    }
    if (item.metadata.deletionTimestamp) return;
    const hasDependents = this.dependentsOf(item).length > 0;
    const policy =
      waiting.length && hasDependents
        ? 'Foreground'
        : hasFinalizer(item, 'orphan')
          ? 'Orphan'
          : hasFinalizer(item, 'foregroundDeletion')
            ? 'Foreground'
            : 'Background';
    const owners = refs.map((r) => `${r.kind} ${r.name}`).join(', ');
    this.ctx.explain.add(this.name, refOf(item), `deleting: its owner ${owners} is ${waiting.length ? 'being deleted in the foreground' : 'gone'} (${policy} propagation)`);
    try {
      this.ctx.api.delete(item.kind, item.metadata.namespace, item.metadata.name!, {
        uid: item.metadata.uid,
        propagationPolicy: policy,
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** orphanDependents: strip this owner from every dependent, then drop the `orphan` finalizer. */
  private orphanDependents(owner: Stored): void {
    if (!owner.metadata.deletionTimestamp || !hasFinalizer(owner, 'orphan')) return;
    const uid = owner.metadata.uid;
    for (const dep of this.dependentsOf(owner)) {
      this.ctx.api.mutate(dep.kind, dep.metadata.namespace, dep.metadata.name!, (o) => {
        o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
      });
    }
    this.ctx.explain.add(this.name, refOf(owner), 'orphaned its dependents (Orphan propagation), then removed the orphan finalizer');
    this.removeFinalizer(owner, 'orphan');
  }

  /**
   * processDeletingDependentsItem: an owner deleted in the foreground waits for every dependent
   * with blockOwnerDeletion; the others are deleted too but do not hold it.
   */
  private processDeletingDependents(owner: Stored): void {
    if (!owner.metadata.deletionTimestamp || !hasFinalizer(owner, 'foregroundDeletion')) return;
    const deps = this.dependentsOf(owner);
    const blocking = deps.filter((d) =>
      (d.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion),
    );
    for (const d of deps) if (!d.metadata.deletionTimestamp) this.ctx.enqueue(keyOf('item', refOf(d)));
    if (blocking.length) {
      const names = blocking.slice(0, 3).map((d) => `${d.kind.toLowerCase()} ${d.metadata.name}`).join(', ');
      this.ctx.explain.add(this.name, refOf(owner), `waiting for ${blocking.length} dependent${blocking.length === 1 ? '' : 's'} with blockOwnerDeletion to be deleted (${names}${blocking.length > 3 ? ', …' : ''})`);
      return;
    }
    this.ctx.explain.add(this.name, refOf(owner), 'all blocking dependents are gone; removing the foregroundDeletion finalizer');
    this.removeFinalizer(owner, 'foregroundDeletion');
  }

  private removeFinalizer(obj: Stored, finalizer: string): void {
    this.ctx.api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name!, (o) => {
      if (!(o.metadata.finalizers ?? []).includes(finalizer)) return false;
      o.metadata.finalizers = o.metadata.finalizers!.filter((f) => f !== finalizer);
      if (o.metadata.finalizers.length === 0) delete o.metadata.finalizers;
    });
  }
}

function sameOwners(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
