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

/**
 * Services backed by more pods than this have their endpoint changes batched for a second
 * (kube-controller-manager's --endpoint-updates-batch-period), so a thousand pods starting one
 * by one do not rewrite a thousand-entry object a thousand times. Smaller services, which is
 * every service in a lab, update at once.
 */
export const BATCH_THRESHOLD = 100;
export const BATCH_PERIOD_MS = 1000;

/** A dotted IPv4 address as a number, for sorting. */
export function ipOrder(ip: string): number {
  let n = 0;
  for (const part of ip.split('.')) n = n * 256 + (Number(part) || 0);
  return n;
}

/** Sorts items by the numeric value of their IPv4 address (each address parsed once). */
export function sortByIP<T>(items: T[], ipOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: ipOrder(ipOf(item)) }));
  keyed.sort((a, b) => a.key - b.key);
  return keyed.map((k) => k.item);
}

/**
 * Whether a pod change can change what the endpoints list: its labels, IP, readiness, node,
 * phase, hostname or deletion. Most kubelet status writes (container states) cannot.
 */
export function isEndpointRelevantChange(before: PodObject | undefined, after: PodObject): boolean {
  if (!before) return true;
  return (
    before.status?.podIP !== after.status?.podIP ||
    isPodReady(before) !== isPodReady(after) ||
    before.status?.phase !== after.status?.phase ||
    before.spec?.nodeName !== after.spec?.nodeName ||
    before.spec?.hostname !== after.spec?.hostname ||
    before.spec?.subdomain !== after.spec?.subdomain ||
    !!before.metadata.deletionTimestamp !== !!after.metadata.deletionTimestamp ||
    !sameLabels(before.metadata.labels, after.metadata.labels)
  );
}

function sameLabels(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a![k] === b?.[k]);
}
