/**
 * The root CA publisher (pkg/controller/certificates/rootcacertpublisher): a `kube-root-ca.crt`
 * ConfigMap with the cluster CA in every namespace, restored if deleted or edited. Pods mount it
 * through their kube-api-access volume.
 */
import type { WatchEvent } from '../apiserver/types.ts';
import { hashUnit } from '../random.ts';
import type { Controller, ControllerContext } from './controller.ts';

export const ROOT_CA_PUBLISHER = 'root-ca-cert-publisher';
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A PEM block shaped like a kubeadm CA certificate, the same for every namespace of a cluster. */
export function clusterCACert(seed: number): string {
  const lines = ['-----BEGIN CERTIFICATE-----', 'MIIDBTCCAe2gAwIBAgIIB' + body(seed, 'head', 43)];
  for (let i = 0; i < 15; i++) lines.push(body(seed, `line${i}`, 64));
  lines.push(body(seed, 'tail', 28) + '==');
  lines.push('-----END CERTIFICATE-----');
  return lines.join('\n') + '\n';
}

function body(seed: number, part: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += B64[Math.floor(hashUnit(seed, 'ca', part, String(i)) * 64)];
  return s;
}

export class RootCAPublisher implements Controller {
  readonly name = ROOT_CA_PUBLISHER;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Namespace' && ev.type !== 'DELETED') this.ctx.enqueue(obj.metadata.name!);
    if (obj.kind === 'ConfigMap' && obj.metadata.name === ROOT_CA_CONFIGMAP) this.ctx.enqueue(obj.metadata.namespace!);
  }

  sync(namespace: string): void {
    const ns = this.ctx.api.tryGet('Namespace', undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    const data = { 'ca.crt': clusterCACert(this.ctx.seed) };
    const cm = this.ctx.api.tryGet('ConfigMap', namespace, ROOT_CA_CONFIGMAP);
    if (!cm) {
      this.ctx.api.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: ROOT_CA_CONFIGMAP,
          namespace,
          annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' },
        },
        data,
      });
      return;
    }
    if (cm.metadata.deletionTimestamp) return;
    if (cm.data?.['ca.crt'] === data['ca.crt'] && Object.keys(cm.data ?? {}).length === 1) return;
    this.ctx.api.mutate('ConfigMap', namespace, ROOT_CA_CONFIGMAP, (o) => {
      o.data = data;
    });
  }
}
