/**
 * The endpoints controller (pkg/controller/endpoint): for every service with a selector, an
 * Endpoints object of the same name listing the selected pods' IPs — ready ones under
 * `addresses`, the others under `notReadyAddresses` (all ready with publishNotReadyAddresses) —
 * with targetRef, nodeName and, for pods whose subdomain names the service, their hostname.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { sameContent } from '../apiserver/store.ts';
import type { KubeObject, WatchEvent } from '../apiserver/types.ts';
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

export const ENDPOINTS_CONTROLLER = 'endpoints';

export class EndpointsController implements Controller {
  readonly name = ENDPOINTS_CONTROLLER;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Service') this.ctx.enqueue(metaKey(obj));
    else if (obj.kind === 'Endpoints' && ev.type === 'DELETED') this.ctx.enqueue(metaKey(obj));
    else if (obj.kind === 'Pod') {
      if (ev.type === 'MODIFIED' && !isEndpointRelevantChange(ev.old as PodObject | undefined, obj as PodObject)) return;
      for (const svc of this.ctx.api.list('Service', { namespace: obj.metadata.namespace }) as ServiceObject[]) {
        if (isSelectedBy(svc, obj.metadata.labels) || (ev.old && isSelectedBy(svc, ev.old.metadata.labels))) {
          this.enqueueService(metaKey(svc));
        }
      }
    }
  }

  /** Batches updates of a big service; the size is read from its stored Endpoints, so restores agree. */
  private enqueueService(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const ep = this.ctx.api.tryGet('Endpoints', namespace, name);
    const size = ((ep?.subsets ?? []) as EndpointSubset[]).reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
    if (size > BATCH_THRESHOLD) this.ctx.enqueueAfter(key, BATCH_PERIOD_MS);
    else this.ctx.enqueue(key);
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const svc = this.ctx.api.tryGet('Service', namespace, name) as ServiceObject | undefined;
    const existing = this.ctx.api.tryGet('Endpoints', namespace, name);
    if (!svc) {
      // The service is gone: its Endpoints go too (unless someone else manages them).
      if (existing && existing.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] !== 'true') {
        this.ctx.api.delete('Endpoints', namespace, name, { uid: existing.metadata.uid });
      }
      return;
    }
    if (!isSelectorService(svc)) return;
    const pods = selectedPods(this.ctx.api, svc);
    const subsets = this.subsetsFor(svc, pods);
    this.explainMembership(svc, pods);
    const labels: Record<string, string> = { ...svc.metadata.labels };
    if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
    if (!existing) {
      this.ctx.api.create({
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: {
          name,
          namespace,
          labels,
          annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': toRFC3339(this.ctx.clock.now()) },
        },
        ...(subsets.length ? { subsets } : {}),
      });
      return;
    }
    if (sameContent(existing.subsets ?? [], subsets) && sameContent(existing.metadata.labels ?? {}, labels)) return;
    const { subsets: _old, ...rest } = existing;
    this.ctx.api.update({
      ...rest,
      metadata: {
        ...existing.metadata,
        labels,
        annotations: { ...existing.metadata.annotations, 'endpoints.kubernetes.io/last-change-trigger-time': toRFC3339(this.ctx.clock.now()) },
      },
      ...(subsets.length ? { subsets } : {}),
    } as KubeObject);
  }

  /** Why the service routes (or does not route) to each pod its selector matches. */
  private explainMembership(svc: ServiceObject, pods: PodObject[]): void {
    const ref = { kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name! };
    const selector = Object.entries(svc.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
    if (pods.length === 0) {
      this.ctx.explain.add(this.name, ref, `selector ${selector} matches no pods in ${svc.metadata.namespace}: no endpoints`);
      return;
    }
    const ready: string[] = [];
    const notReady: string[] = [];
    const left: string[] = [];
    for (const p of pods) {
      const name = p.metadata.name!;
      if (!shouldPodBeInEndpoints(p, false)) left.push(name);
      else if (isPodReady(p) || svc.spec?.publishNotReadyAddresses) ready.push(name);
      else notReady.push(name);
    }
    const list = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join(', ')}, … (${names.length})` : names.join(', '));
    const parts = [
      ready.length ? `ready: ${list(ready)}` : 'no ready pods',
      notReady.length ? `not ready (notReadyAddresses): ${list(notReady)}` : '',
      left.length ? `left out (no IP yet, finished or terminating): ${list(left)}` : '',
    ].filter(Boolean);
    this.ctx.explain.add(this.name, ref, `selector ${selector} matches ${pods.length} pod${pods.length === 1 ? '' : 's'}; ${parts.join('; ')}`);
  }

  /** One subset per distinct set of ports, addresses sorted by IP (endpoints.RepackSubsets). */
  private subsetsFor(svc: ServiceObject, pods: PodObject[]): EndpointSubset[] {
    const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, false)) continue;
      const ports: EndpointPort[] = [];
      for (const sp of svc.spec?.ports ?? []) {
        const port = resolveTargetPort(pod, sp);
        if (port === undefined) continue;
        ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
      }
      if ((svc.spec?.ports ?? []).length > 0 && ports.length === 0) continue;
      ports.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
      const address: EndpointAddress = {
        ip: pod.status!.podIP!,
        ...(podHostname(pod, svc) ? { hostname: podHostname(pod, svc) } : {}),
        ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
        targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
      };
      const id = JSON.stringify(ports);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { ports, ready: [], notReady: [] }));
      if (isPodReady(pod) || svc.spec?.publishNotReadyAddresses) g.ready.push(address);
      else g.notReady.push(address);
    }
    const subsets: EndpointSubset[] = [];
    for (const g of groups.values()) {
      subsets.push({
        ...(g.ready.length ? { addresses: sortByIP(g.ready, (a) => a.ip) } : {}),
        ...(g.notReady.length ? { notReadyAddresses: sortByIP(g.notReady, (a) => a.ip) } : {}),
        ...(g.ports.length ? { ports: g.ports } : {}),
      });
    }
    return subsets;
  }
}
