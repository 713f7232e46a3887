/**
 * PVC protection (pkg/controller/volume/pvcprotection): a deleted claim keeps its
 * `kubernetes.io/pvc-protection` finalizer, and so stays Terminating, while a scheduled pod that
 * has not finished still uses it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { refOf, type K8s, type Stored, type WatchEvent } from '../apiserver/types.ts';
import { PVC_PROTECTION_FINALIZER } from '../storage/constants.ts';
import type { Controller, ControllerContext } from './controller.ts';

/** A scheduled, unfinished pod that names the claim among its volumes (ephemeral claims included). */
export function isPodUsingClaim(pod: Stored<K8s<Pod>>, claimName: string): boolean {
  if (!pod.spec?.nodeName) return false;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  return (pod.spec.volumes ?? []).some(
    (v) => v.persistentVolumeClaim?.claimName === claimName || (v.ephemeral && `${pod.metadata.name}-${v.name}` === claimName),
  );
}

export class PvcProtectionController implements Controller {
  readonly name = 'pvc-protection';
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'PersistentVolumeClaim' && o.metadata.deletionTimestamp && ev.type !== 'DELETED') {
      this.ctx.enqueue(`${o.metadata.namespace}/${o.metadata.name}`);
    } else if (o.kind === 'Pod' && (ev.type === 'DELETED' || o.status?.phase === 'Succeeded' || o.status?.phase === 'Failed')) {
      for (const v of o.spec?.volumes ?? []) {
        const claim = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${o.metadata.name}-${v.name}` : undefined);
        if (claim) this.ctx.enqueue(`${o.metadata.namespace}/${claim}`);
      }
    }
  }

  sync(key: string): void {
    const slash = key.indexOf('/');
    const ns = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const claim = this.ctx.api.tryGet('PersistentVolumeClaim', ns, name);
    if (!claim?.metadata.deletionTimestamp || !claim.metadata.finalizers?.includes(PVC_PROTECTION_FINALIZER)) return;
    const users = this.ctx.api
      .list<K8s<Pod>>('Pod', { namespace: ns })
      .filter((p) => isPodUsingClaim(p, name))
      .map((p) => p.metadata.name);
    if (users.length > 0) {
      this.ctx.explain.add(this.name, refOf(claim), `kept (Terminating) while pod(s) ${users.join(', ')} use it`);
      return;
    }
    this.ctx.api.mutate('PersistentVolumeClaim', ns, name, (c) => {
      c.metadata.finalizers = (c.metadata.finalizers ?? []).filter((f: string) => f !== PVC_PROTECTION_FINALIZER);
    });
  }
}
