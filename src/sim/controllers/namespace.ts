/**
 * The namespace controller (pkg/controller/namespace): a namespace being deleted turns
 * Terminating, everything in it is deleted, and once nothing is left its `kubernetes` finalizer
 * is removed and the namespace goes away.
 */
import { RESOURCE_TYPES, groupResource } from '../apiserver/resources.ts';
import type { Stored, WatchEvent } from '../apiserver/types.ts';
import { toRFC3339 } from '../clock.ts';
import type { Controller, ControllerContext } from './controller.ts';

export const NAMESPACE_CONTROLLER = 'namespace';

/** How often a terminating namespace is re-checked while content remains. */
const RECHECK_MS = 5000;

interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastTransitionTime: string;
}

export class NamespaceController implements Controller {
  readonly name = NAMESPACE_CONTROLLER;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Namespace') {
      if (obj.metadata.deletionTimestamp) this.ctx.enqueue(obj.metadata.name!);
      return;
    }
    const ns = obj.metadata.namespace;
    if (ns && ev.type === 'DELETED' && this.ctx.api.tryGet('Namespace', undefined, ns)?.metadata.deletionTimestamp) {
      this.ctx.enqueue(ns);
    }
  }

  sync(name: string): void {
    const ns = this.ctx.api.tryGet('Namespace', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    const remaining = this.deleteContent(name);
    this.updateStatus(ns, remaining);
    if (remaining.size > 0) {
      const summary = [...remaining].map(([res, n]) => `${res} (${n})`).join(', ');
      this.ctx.explain.add(this.name, { kind: 'Namespace', name }, `namespace is Terminating: waiting for ${summary} to be deleted`);
      this.ctx.enqueueAfter(name, RECHECK_MS);
      return;
    }
    this.ctx.explain.add(this.name, { kind: 'Namespace', name }, 'namespace is empty: removing the kubernetes finalizer');
    this.ctx.api.mutate('Namespace', undefined, name, (o) => {
      if (!(o.spec?.finalizers ?? []).includes('kubernetes')) return false;
      o.spec.finalizers = o.spec.finalizers.filter((f: string) => f !== 'kubernetes');
    });
  }

  /** Deletes every object in the namespace; returns what is still there, by resource. */
  private deleteContent(namespace: string): Map<string, number> {
    const remaining = new Map<string, number>();
    for (const t of RESOURCE_TYPES) {
      if (!t.namespaced) continue;
      const objects = this.ctx.api.list(t.kind, { namespace });
      if (!objects.length) continue;
      remaining.set(groupResource(t), objects.length);
      for (const o of objects) {
        if (o.metadata.deletionTimestamp) continue;
        this.ctx.api.delete(t.kind, namespace, o.metadata.name!, { uid: o.metadata.uid });
      }
    }
    // Deletion may have finished some at once.
    for (const [res] of remaining) {
      const t = RESOURCE_TYPES.find((x) => groupResource(x) === res)!;
      const left = this.ctx.api.list(t.kind, { namespace }).length;
      if (left) remaining.set(res, left);
      else remaining.delete(res);
    }
    return remaining;
  }

  /** Phase Terminating and the deletion conditions upstream's deleter reports. */
  private updateStatus(ns: Stored, remaining: Map<string, number>): void {
    const now = toRFC3339(this.ctx.clock.now());
    const finalizers = new Set<string>();
    for (const [res] of remaining) {
      const t = RESOURCE_TYPES.find((x) => groupResource(x) === res)!;
      for (const o of this.ctx.api.list(t.kind, { namespace: ns.metadata.name })) {
        for (const f of o.metadata.finalizers ?? []) finalizers.add(f);
      }
    }
    const resources = [...remaining.keys()].sort();
    const wanted: Omit<NamespaceCondition, 'lastTransitionTime'>[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      resources.length
        ? {
            type: 'NamespaceContentRemaining',
            status: 'True',
            reason: 'SomeResourcesRemain',
            message: `Some resources are remaining: ${resources.map((r) => `${r} has ${remaining.get(r)} resource instances`).join(', ')}`,
          }
        : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
      finalizers.size
        ? {
            type: 'NamespaceFinalizersRemaining',
            status: 'True',
            reason: 'SomeFinalizersRemain',
            message: `Some content in the namespace has finalizers remaining: ${[...finalizers].sort().map((f) => `${f} in ${countWith(this.ctx, ns.metadata.name!, f)} resource instances`).join(', ')}`,
          }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    this.ctx.api.mutate(
      'Namespace',
      undefined,
      ns.metadata.name!,
      (o) => {
        const old = (o.status?.conditions ?? []) as NamespaceCondition[];
        const conditions = wanted.map((w) => {
          const prev = old.find((c) => c.type === w.type);
          const same = prev && prev.status === w.status && prev.reason === w.reason && prev.message === w.message;
          return { ...w, lastTransitionTime: same ? prev.lastTransitionTime : now };
        });
        const next = { phase: 'Terminating', conditions };
        if (JSON.stringify(o.status) === JSON.stringify(next)) return false;
        o.status = next;
      },
      { subresource: 'status' },
    );
  }
}

function countWith(ctx: ControllerContext, namespace: string, finalizer: string): number {
  let n = 0;
  for (const t of RESOURCE_TYPES) {
    if (!t.namespaced) continue;
    for (const o of ctx.api.list(t.kind, { namespace })) if ((o.metadata.finalizers ?? []).includes(finalizer)) n++;
  }
  return n;
}
