/**
 * The service account controller (pkg/controller/serviceaccount): every active namespace has a
 * `default` ServiceAccount; it is created with the namespace and again if someone deletes it.
 */
import type { WatchEvent } from '../apiserver/types.ts';
import type { Controller, ControllerContext } from './controller.ts';

export const SERVICE_ACCOUNT_CONTROLLER = 'serviceaccount';

export class ServiceAccountController implements Controller {
  readonly name = SERVICE_ACCOUNT_CONTROLLER;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Namespace' && ev.type !== 'DELETED') this.ctx.enqueue(obj.metadata.name!);
    if (obj.kind === 'ServiceAccount' && ev.type === 'DELETED' && obj.metadata.name === 'default') {
      this.ctx.enqueue(obj.metadata.namespace!);
    }
  }

  sync(namespace: string): void {
    const ns = this.ctx.api.tryGet('Namespace', undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase !== 'Active') return;
    if (this.ctx.api.tryGet('ServiceAccount', namespace, 'default')) return;
    this.ctx.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
  }
}
