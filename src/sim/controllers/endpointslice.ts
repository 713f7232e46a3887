/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every service with a selector,
 * a slice `<service>-<5 random>` owned by the service, listing each selected pod with its
 * address, ready/serving/terminating conditions, targetRef, nodeName and hostname. Terminating
 * pods stay listed (terminating: true) until they are gone.
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import { sameContent } from '../apiserver/store.ts';
import type { KubeObject, Stored, WatchEvent } from '../apiserver/types.ts';
import { metaKey, splitMetaKey } from '../apiserver/types.ts';
import { toRFC3339 } from '../clock.ts';
import type { Controller, ControllerContext } from './controller.ts';
import {
  BATCH_PERIOD_MS,
  BATCH_THRESHOLD,
  isEndpointRelevantChange,
  sortByIP,
  isHeadless,
  isPodReady,
  isSelectedBy,
  isSelectorService,
  podHostname,
  resolveTargetPort,
  selectedPods,
  shouldPodBeInEndpoints,
  type PodObject,
  type ServiceObject,
} from './service-endpoints.ts';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** kube-controller-manager's --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export class EndpointSliceController implements Controller {
  readonly name = ENDPOINTSLICE_CONTROLLER;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Service') this.ctx.enqueue(metaKey(obj));
    else if (obj.kind === 'EndpointSlice' && obj.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === MANAGED_BY) {
      // A managed slice someone deleted is recreated.
      const svc = obj.metadata.labels?.['kubernetes.io/service-name'];
      if (svc && ev.type === 'DELETED') this.ctx.enqueue(`${obj.metadata.namespace}/${svc}`);
    } else if (obj.kind === 'Pod') {
      if (ev.type === 'MODIFIED' && !isEndpointRelevantChange(ev.old as PodObject | undefined, obj as PodObject)) return;
      for (const svc of this.ctx.api.list('Service', { namespace: obj.metadata.namespace }) as ServiceObject[]) {
        if (isSelectedBy(svc, obj.metadata.labels) || (ev.old && isSelectedBy(svc, ev.old.metadata.labels))) {
          this.enqueueService(metaKey(svc));
        }
      }
    }
  }

  private slicesOf(namespace: string | undefined, service: string): Stored[] {
    return this.ctx.api.list('EndpointSlice', { namespace }).filter(
      (s) =>
        s.metadata.labels?.['kubernetes.io/service-name'] === service &&
        s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === MANAGED_BY,
    );
  }

  /** Batches updates of a big service; the size is read from its stored slices, so restores agree. */
  private enqueueService(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const size = this.slicesOf(namespace, name).reduce((n, s) => n + (s.endpoints?.length ?? 0), 0);
    if (size > BATCH_THRESHOLD) this.ctx.enqueueAfter(key, BATCH_PERIOD_MS);
    else this.ctx.enqueue(key);
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const svc = this.ctx.api.tryGet('Service', namespace, name) as ServiceObject | undefined;
    const slices = this.slicesOf(namespace, name);
    if (!svc || svc.metadata.deletionTimestamp || !isSelectorService(svc)) {
      // Owned slices of a deleted service go with the garbage collector; a service that lost
      // its selector keeps none.
      if (svc) for (const s of slices) this.ctx.api.delete('EndpointSlice', namespace, s.metadata.name!, { uid: s.metadata.uid });
      return;
    }
    const { endpoints, ports } = this.desired(svc);
    const labels: Record<string, string> = {
      ...svc.metadata.labels,
      'endpointslice.kubernetes.io/managed-by': MANAGED_BY,
      'kubernetes.io/service-name': name,
    };
    if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
    // maxEndpointsPerSlice: 100. Endpoints are dealt out in IP order, reusing slices by name.
    const chunks: Endpoint[][] = [];
    for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) chunks.push(endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE));
    if (chunks.length === 0) chunks.push([]);
    for (const s of slices.slice(chunks.length)) this.ctx.api.delete('EndpointSlice', namespace, s.metadata.name!, { uid: s.metadata.uid });
    const trigger = toRFC3339(this.ctx.clock.now());
    const wantPorts = ports.length ? ports : null;
    chunks.forEach((chunk, i) => {
      const slice = slices[i];
      const wantEndpoints = chunk.length ? chunk : null;
      if (!slice) {
        this.ctx.api.create({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: `${name}-`,
            namespace,
            labels,
            annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': trigger },
            ownerReferences: [
              { apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true },
            ],
          },
          addressType: 'IPv4',
          endpoints: wantEndpoints,
          ports: wantPorts,
        });
        return;
      }
      if (
        sameContent(slice.endpoints ?? null, wantEndpoints) &&
        sameContent(slice.ports ?? null, wantPorts) &&
        sameContent(slice.metadata.labels ?? {}, labels)
      ) {
        return;
      }
      this.ctx.api.update({
        ...slice,
        metadata: { ...slice.metadata, labels, annotations: { ...slice.metadata.annotations, 'endpoints.kubernetes.io/last-change-trigger-time': trigger } },
        endpoints: wantEndpoints,
        ports: wantPorts,
      } as KubeObject);
    });
  }

  private desired(svc: ServiceObject): { endpoints: Endpoint[]; ports: EndpointPort[] } {
    const endpoints: Endpoint[] = [];
    let ports: EndpointPort[] | undefined;
    const pods = selectedPods(this.ctx.api, svc);
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const podPorts: EndpointPort[] = [];
      for (const sp of svc.spec?.ports ?? []) {
        const port = resolveTargetPort(pod, sp);
        if (port === undefined) continue;
        podPorts.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
      }
      ports ??= podPorts;
      const terminating = !!pod.metadata.deletionTimestamp;
      const serving = isPodReady(pod);
      const hostname = podHostname(pod, svc);
      endpoints.push({
        addresses: [pod.status!.podIP!],
        conditions: {
          ready: svc.spec?.publishNotReadyAddresses ? true : serving && !terminating,
          serving: svc.spec?.publishNotReadyAddresses ? true : serving,
          terminating,
        },
        ...(hostname ? { hostname } : {}),
        targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
        ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      });
    }
    return { endpoints: sortByIP(endpoints, (e) => e.addresses[0]!), ports: ports ?? [] };
  }
}
