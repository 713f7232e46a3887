/**
 * What the Endpoints and EndpointSlice controllers share (pkg/controller/util/endpoint): which
 * pods back a service, whether each is ready, which port a service port reaches on a pod, and
 * the DNS hostname a pod gets under a service of the same name as its subdomain.
 */
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import type { K8s, Stored } from '../apiserver/types.ts';

export type ServiceObject = Stored<K8s<Service>>;
export type PodObject = Stored<K8s<Pod>>;

/** A service selects pods only if it has a non-empty selector (and is not ExternalName). */
export function isSelectorService(svc: ServiceObject): boolean {
  return svc.spec?.type !== 'ExternalName' && Object.keys(svc.spec?.selector ?? {}).length > 0;
}

export function isSelectedBy(svc: ServiceObject, labels: Readonly<Record<string, string>> | undefined): boolean {
  const sel = svc.spec?.selector ?? {};
  return Object.entries(sel).every(([k, v]) => labels?.[k] === v);
}

export function isPodReady(pod: PodObject): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isHeadless(svc: ServiceObject): boolean {
  return svc.spec?.clusterIP === 'None';
}

/** ShouldPodBeInEndpoints: has an IP and is not finished; terminating pods only if asked. */
export function shouldPodBeInEndpoints(pod: PodObject, includeTerminating: boolean): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The pods a service selects, sorted by name. */
export function selectedPods(api: Store, svc: ServiceObject): PodObject[] {
  return (api.list('Pod', { namespace: svc.metadata.namespace }) as PodObject[]).filter((p) => isSelectedBy(svc, p.metadata.labels));
}

/** podutil.FindPort: a numeric targetPort as is, a named one through the pod's container ports. */
export function resolveTargetPort(pod: PodObject, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP')) return p.containerPort;
    }
  }
  return undefined;
}

/** The pod's DNS hostname under this service (hostname + subdomain == service name). */
export function podHostname(pod: PodObject, svc: ServiceObject): string | undefined {
  if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace) {
    return pod.spec.hostname;
  }
  return undefined;
}

/** Numeric comparison of dotted IPv4 addresses. */
export function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
