/**
 * PV protection (pkg/controller/volume/pvprotection): a deleted PersistentVolume keeps its
 * `kubernetes.io/pv-protection` finalizer, and so stays Terminating, while it is Bound to a claim.
 */
import { refOf, type WatchEvent } from '../apiserver/types.ts';
import { PV_PROTECTION_FINALIZER } from '../storage/constants.ts';
import type { Controller, ControllerContext } from './controller.ts';

export class PvProtectionController implements Controller {
  readonly name = 'pv-protection';
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'PersistentVolume' && o.metadata.deletionTimestamp && ev.type !== 'DELETED') this.ctx.enqueue(o.metadata.name!);
  }

  sync(name: string): void {
    const pv = this.ctx.api.tryGet('PersistentVolume', undefined, name);
    if (!pv?.metadata.deletionTimestamp || !pv.metadata.finalizers?.includes(PV_PROTECTION_FINALIZER)) return;
    if (pv.status?.phase === 'Bound') {
      const ref = pv.spec?.claimRef;
      this.ctx.explain.add(this.name, refOf(pv), `kept (Terminating) while bound to claim ${ref?.namespace}/${ref?.name}`);
      return;
    }
    this.ctx.api.mutate('PersistentVolume', undefined, name, (v) => {
      v.metadata.finalizers = (v.metadata.finalizers ?? []).filter((f: string) => f !== PV_PROTECTION_FINALIZER);
    });
  }
}
