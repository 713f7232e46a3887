/**
 * The cluster network as a process inside a pod sees it: cluster DNS (CoreDNS's kubernetes
 * plugin: service A records, headless services answering with ready endpoint IPs, per-pod records
 * `<hostname>.<subdomain>.<ns>.svc.cluster.local`, SRV records for named ports, the pod's search
 * path) and TCP/HTTP to pod IPs, cluster IPs (kube-proxy picks a ready endpoint from the
 * service's EndpointSlices), node IPs (hostPorts, hostNetwork pods, NodePorts) and localhost.
 */
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import type { K8s, Stored } from '../apiserver/types.ts';
import type { Runtime } from '../runtime.ts';
import { fnv1a } from '../random.ts';
import { behaviourNamed } from './registry.ts';
import { containerFs } from './container-fs.ts';
import { catchUp, findProcess, processContext } from './process.ts';
import type { HttpResponse } from './behaviour.ts';
import { accessLogTimestamp } from './time-format.ts';

export interface NetHost {
  api: Store;
  runtime: Runtime;
  clock: { now(): number };
}

export const CLUSTER_DOMAIN = 'cluster.local';
export const DNS_SERVER = '10.96.0.10';

type SvcObj = Stored<K8s<Service>>;
type PodObj = Stored<K8s<Pod>>;

export interface DnsAnswer {
  /** The fully qualified name that answered. */
  name: string;
  ips: string[];
}

interface SliceEndpoint {
  ip: string;
  ready: boolean;
  hostname?: string;
  podName?: string;
}

function sliceEndpoints(api: Store, svc: SvcObj): { endpoints: SliceEndpoint[]; ports: { name: string; port: number; protocol: string }[] } {
  const endpoints: SliceEndpoint[] = [];
  const ports: { name: string; port: number; protocol: string }[] = [];
  for (const slice of api.list('EndpointSlice', { namespace: svc.metadata.namespace })) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    for (const p of slice.ports ?? []) ports.push({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' });
    for (const e of slice.endpoints ?? []) {
      for (const ip of e.addresses ?? []) {
        endpoints.push({ ip, ready: e.conditions?.ready !== false, hostname: e.hostname, podName: e.targetRef?.kind === 'Pod' ? e.targetRef.name : undefined });
      }
    }
  }
  return { endpoints, ports };
}

/** The names a pod's resolver tries for `name` (resolv.conf search path, ndots:5). */
export function searchNames(name: string, namespace: string): string[] {
  const n = name.replace(/\.$/, '');
  if (name.endsWith('.')) return [n];
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const dots = n.split('.').length - 1;
  const withSearch = search.map((s) => `${n}.${s}`);
  return dots >= 5 ? [n, ...withSearch] : [...withSearch, n];
}

/** Answers an A query for a fully qualified name, as CoreDNS would. */
export function resolveFqdn(api: Store, fqdn: string): string[] | undefined {
  // Pod A records: 10-244-1-7.default.pod.cluster.local.
  const podRecord = /^(\d+)-(\d+)-(\d+)-(\d+)\.([a-z0-9-]+)\.pod\.cluster\.local$/.exec(fqdn);
  if (podRecord) return [podRecord.slice(1, 5).join('.')];
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) {
    if (fqdn === 'localhost') return ['127.0.0.1'];
    return undefined;
  }
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length === 2) {
    const [svcName, ns] = parts as [string, string];
    const svc = api.tryGet<K8s<Service>>('Service', ns, svcName);
    if (!svc) return undefined;
    if (svc.spec?.type === 'ExternalName') return undefined;
    if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') return [svc.spec.clusterIP];
    const ips = sliceEndpoints(api, svc).endpoints.filter((e) => e.ready || svc.spec?.publishNotReadyAddresses).map((e) => e.ip);
    return ips.length ? [...new Set(ips)] : undefined;
  }
  if (parts.length === 3) {
    const [host, svcName, ns] = parts as [string, string, string];
    const svc = api.tryGet<K8s<Service>>('Service', ns, svcName);
    if (!svc || (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None')) return undefined;
    const ep = sliceEndpoints(api, svc).endpoints.find((e) => e.hostname === host && (e.ready || svc.spec?.publishNotReadyAddresses));
    return ep ? [ep.ip] : undefined;
  }
  return undefined;
}

/** Resolves a name from inside a pod of `namespace`: the first search-path candidate that answers. */
export function resolveName(api: Store, name: string, namespace: string): DnsAnswer | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { name, ips: [name] };
  if (name === 'localhost') return { name, ips: ['127.0.0.1'] };
  for (const candidate of searchNames(name, namespace)) {
    const ips = resolveFqdn(api, candidate);
    if (ips) return { name: candidate, ips };
  }
  return undefined;
}

/** SRV records `_port._proto.svc.ns.svc.cluster.local` → `[priority weight port target]`. */
export function resolveSrv(api: Store, fqdn: string): { target: string; port: number }[] | undefined {
  const m = /^_([^.]+)\._(tcp|udp|sctp)\.([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(fqdn.replace(/\.$/, ''));
  if (!m) return undefined;
  const [, portName, proto, svcName, ns] = m as unknown as [string, string, string, string, string];
  const svc = api.tryGet<K8s<Service>>('Service', ns, svcName);
  if (!svc) return undefined;
  const port = svc.spec?.ports?.find((p) => p.name === portName && (p.protocol ?? 'TCP').toLowerCase() === proto);
  if (!port) return undefined;
  const headless = svc.spec?.clusterIP === 'None';
  if (!headless) return [{ target: `${svcName}.${ns}.svc.${CLUSTER_DOMAIN}`, port: port.port }];
  const { endpoints, ports } = sliceEndpoints(api, svc);
  const targetPort = ports.find((p) => p.name === portName)?.port ?? port.port;
  return endpoints
    .filter((e) => e.ready)
    .map((e) => ({ target: `${e.hostname ?? e.ip.replace(/\./g, '-')}.${svcName}.${ns}.svc.${CLUSTER_DOMAIN}`, port: targetPort }));
}

export type ConnectTarget = { pod: PodObj; port: number } | { refused: true } | { timeout: true };

function podByIP(api: Store, ip: string): PodObj | undefined {
  return api.list<K8s<Pod>>('Pod').find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork && p.status?.phase === 'Running');
}

/** The name of the node whose InternalIP is `ip`. */
export function nodeNamedByIP(api: Store, ip: string): string | undefined {
  return api.list<K8s<Node>>('Node').find((n) => n.status?.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip))?.metadata.name;
}

/** The running pods bound to `node`. */
function runningPodsOn(api: Store, node: string): PodObj[] {
  return api.list<K8s<Pod>>('Pod').filter((p) => p.spec?.nodeName === node && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
}

/**
 * Where a TCP connection to port `port` of a node's own address ends up: a pod's hostPort (the
 * CNI portmap plugin DNATs it to the pod's containerPort), a hostNetwork pod listening in the
 * node's network namespace, or a Service's NodePort (kube-proxy DNATs it to the Service). With
 * nothing there, the node's kernel answers with a reset: refused.
 */
export function connectNode(host: NetHost, from: PodObj, node: string, port: number): ConnectTarget {
  const api = host.api;
  for (const pod of runningPodsOn(api, node)) {
    for (const c of pod.spec?.containers ?? []) {
      const mapped = c.ports?.find((p) => p.hostPort === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!mapped) continue;
      return listens(host, pod, mapped.containerPort) ? { pod, port: mapped.containerPort } : { refused: true };
    }
    if (pod.spec?.hostNetwork && listens(host, pod, port)) return { pod, port };
  }
  const svc = api
    .list<K8s<Service>>('Service')
    .find((s) => (s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer') && s.spec.ports?.some((p) => p.nodePort === port));
  if (!svc?.spec?.clusterIP || svc.spec.clusterIP === 'None') return { refused: true };
  const sp = svc.spec.ports!.find((p) => p.nodePort === port)!;
  return connect(host, from, svc.spec.clusterIP, sp.port);
}

/** Where a TCP connection to ip:port from `from` ends up (kube-proxy's DNAT for cluster IPs). */
export function connect(host: NetHost, from: PodObj, ip: string, port: number): ConnectTarget {
  const api = host.api;
  // A hostNetwork pod shares the node's addresses, localhost included.
  if (from.spec?.hostNetwork && from.spec.nodeName && (ip === '127.0.0.1' || ip === from.status?.podIP)) {
    return connectNode(host, from, from.spec.nodeName, port);
  }
  if (ip === '127.0.0.1' || ip === from.status?.podIP) return listens(host, from, port) ? { pod: from, port } : { refused: true };
  const node = nodeNamedByIP(api, ip);
  if (node) return connectNode(host, from, node, port);
  const svc = api.list<K8s<Service>>('Service').find((s) => s.spec?.clusterIP === ip);
  if (svc) {
    const sp = svc.spec?.ports?.find((p) => p.port === port);
    if (!sp) return { timeout: true };
    const { endpoints, ports } = sliceEndpoints(api, svc);
    const ready = endpoints.filter((e) => e.ready);
    if (ready.length === 0) return { refused: true };
    const targetPort = ports.find((p) => p.name === (sp.name ?? ''))?.port ?? (typeof sp.targetPort === 'number' ? sp.targetPort : port);
    // kube-proxy picks an endpoint at random; use a deterministic spread over time.
    const pick = ready[fnv1a(`${from.metadata.uid}/${host.clock.now()}`) % ready.length]!;
    const pod = podByIP(api, pick.ip);
    if (!pod) return { refused: true };
    return listens(host, pod, targetPort) ? { pod, port: targetPort } : { refused: true };
  }
  const pod = podByIP(api, ip);
  if (!pod) return { timeout: true };
  return listens(host, pod, port) ? { pod, port } : { refused: true };
}

function runningContainers(host: NetHost, pod: PodObj) {
  return (pod.spec?.containers ?? []).filter((c) => pod.status?.containerStatuses?.find((s) => s.name === c.name)?.state?.running);
}

/** Whether some running container of the pod accepts TCP on `port`. */
export function listens(host: NetHost, pod: PodObj, port: number): boolean {
  return runningContainers(host, pod).some((c) => {
    const proc = findProcess(host.runtime, pod.metadata.uid!, c.name);
    if (!proc || proc.finishedAt !== undefined) return false;
    const b = behaviourNamed(proc.behaviour);
    return Boolean(b.http?.ports.includes(port) || b.tcpPorts?.includes(port));
  });
}

/** Sends an HTTP GET to a pod's container listening on `port`; records the access-log line. */
export function httpGet(host: NetHost, pod: PodObj, port: number, path: string, clientIP: string, userAgent: string): HttpResponse | undefined {
  for (const c of runningContainers(host, pod)) {
    const proc = findProcess(host.runtime, pod.metadata.uid!, c.name);
    if (!proc || proc.finishedAt !== undefined) continue;
    const b = behaviourNamed(proc.behaviour);
    if (!b.http?.ports.includes(port)) continue;
    const now = host.clock.now();
    catchUp(host.api, host.runtime, pod, c, proc, now);
    const fs = containerFs(host.api, host.runtime, pod, c, proc.files);
    const res = b.http.handle(path, processContext(proc, fs));
    proc.logs.push({ time: now, text: `${clientIP} - - [${accessLogTimestamp(now)}] "GET ${path} HTTP/1.1" ${res.status} ${res.body.length} "-" "${userAgent}" "-"` });
    return res;
  }
  return undefined;
}

/** Splits `http://host:port/path` (scheme optional). */
export function parseUrl(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)?$/.exec(url);
  if (!m) return undefined;
  return { host: m[2]!, port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] || '/' };
}
