/**
 * Service defaulting and the allocators the API server runs on create and update
 * (pkg/apis/core/v1/defaults.go SetDefaults_Service; pkg/registry/core/service/storage: the
 * ClusterIP bitmap allocator over 10.96.0.0/12 and the NodePort allocator over 30000-32767).
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { field, GoLiteral, invalid, type Cause } from '../errors.ts';
import { resourceForKind } from '../resources.ts';
import type { StrategyContext } from '../strategy.ts';
import type { KubeObject, Mutable, Stored } from '../types.ts';

export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
/** The bitmap allocator hands out dynamic IPs from above this offset first (the static band). */
const STATIC_BAND = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

type Spec = Mutable<NonNullable<Service['spec']>>;

export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

export function numberToIP(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isInServiceCIDR(ip: string): boolean {
  const n = ipToNumber(ip);
  return n !== undefined && n - CIDR_BASE > 0 && n - CIDR_BASE < CIDR_SIZE - 1;
}

export function needsClusterIP(spec: { type?: string } | undefined): boolean {
  return (spec?.type ?? 'ClusterIP') !== 'ExternalName';
}

export function needsNodePorts(spec: { type?: string } | undefined): boolean {
  return spec?.type === 'NodePort' || spec?.type === 'LoadBalancer';
}

function usedClusterIPs(ctx: StrategyContext, self: KubeObject): Set<string> {
  const used = new Set<string>();
  for (const s of ctx.list('Service')) {
    if (s.metadata.uid && s.metadata.uid === self.metadata.uid) continue;
    for (const ip of s.spec?.clusterIPs ?? []) used.add(ip);
  }
  return used;
}

function usedNodePorts(ctx: StrategyContext, self: KubeObject): Set<number> {
  const used = new Set<number>();
  for (const s of ctx.list('Service')) {
    if (s.metadata.uid && s.metadata.uid === self.metadata.uid) continue;
    for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  }
  return used;
}

function fail(svc: KubeObject, causes: Cause[]): never {
  throw invalid(resourceForKind('Service')!, svc.metadata.name ?? '', causes);
}

/** Picks a free ClusterIP at random from the dynamic band, deterministic for a seed. */
function allocateClusterIP(ctx: StrategyContext, used: Set<string>): string {
  const span = CIDR_SIZE - 1 - STATIC_BAND;
  const start = ctx.random.int(span);
  for (let i = 0; i < span; i++) {
    const ip = numberToIP(CIDR_BASE + STATIC_BAND + ((start + i) % span));
    if (!used.has(ip)) return ip;
  }
  throw new Error('range is full');
}

function assignClusterIP(svc: KubeObject, spec: Spec, ctx: StrategyContext): void {
  if (!needsClusterIP(spec)) return;
  const requested = spec.clusterIP || spec.clusterIPs?.[0];
  if (requested === 'None') {
    spec.clusterIP = 'None';
    spec.clusterIPs = ['None'];
  } else if (requested) {
    if (ipToNumber(requested) !== undefined) {
      const literal = new GoLiteral(`[]string{${JSON.stringify(requested)}}`);
      if (!isInServiceCIDR(requested)) {
        fail(svc, [field.invalid('spec.clusterIPs', literal, `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`)]);
      }
      if (usedClusterIPs(ctx, svc).has(requested)) {
        fail(svc, [field.invalid('spec.clusterIPs', literal, `failed to allocate IP ${requested}: provided IP is already allocated`)]);
      }
    }
    spec.clusterIP = requested;
    spec.clusterIPs = [requested];
  } else {
    const ip = allocateClusterIP(ctx, usedClusterIPs(ctx, svc));
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  }
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
}

function assignNodePorts(svc: KubeObject, spec: Spec, ctx: StrategyContext): void {
  if (!needsNodePorts(spec)) return;
  const used = usedNodePorts(ctx, svc);
  const causes: Cause[] = [];
  const mine = new Set<number>();
  (spec.ports ?? []).forEach((p, i) => {
    if (!p.nodePort) return;
    if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
      causes.push(field.invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
    } else if (used.has(p.nodePort)) {
      causes.push(field.invalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
    }
    mine.add(p.nodePort);
  });
  if (causes.length) fail(svc, causes);
  const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  for (const p of spec.ports ?? []) {
    if (p.nodePort) continue;
    const start = ctx.random.int(span);
    for (let i = 0; i < span; i++) {
      const port = NODE_PORT_MIN + ((start + i) % span);
      if (!used.has(port) && !mine.has(port)) {
        p.nodePort = port;
        mine.add(port);
        break;
      }
    }
  }
}

function defaultSpec(spec: Spec): void {
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const p of (spec.ports ?? []) as Mutable<ServicePort>[]) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (needsClusterIP(spec)) spec.internalTrafficPolicy ??= 'Cluster';
  if (needsNodePorts(spec)) spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } };
}

/** Defaults and allocations of a new Service. */
export function defaultService(svc: KubeObject, ctx: StrategyContext): void {
  svc.spec = svc.spec ?? {};
  const spec = svc.spec as Spec;
  defaultSpec(spec);
  assignClusterIP(svc, spec, ctx);
  assignNodePorts(svc, spec, ctx);
  svc.status = { loadBalancer: {} };
}

/**
 * On update the API server keeps what was allocated when the new object leaves it out
 * (patchAllocatedValues), drops nodePorts a ClusterIP service no longer needs, and allocates
 * what a type change needs.
 */
export function defaultServiceOnUpdate(svc: KubeObject, old: Stored, ctx: StrategyContext): void {
  svc.spec = svc.spec ?? {};
  const spec = svc.spec as Spec;
  const prev = (old.spec ?? {}) as Spec;
  defaultSpec(spec);
  if (needsClusterIP(spec) && needsClusterIP(prev)) {
    if (!spec.clusterIP && !spec.clusterIPs?.length) {
      spec.clusterIP = prev.clusterIP;
      spec.clusterIPs = prev.clusterIPs;
    } else if (spec.clusterIP && (!spec.clusterIPs?.length || (spec.clusterIP !== prev.clusterIP && sameList(spec.clusterIPs, prev.clusterIPs)))) {
      spec.clusterIPs = [spec.clusterIP];
    } else if (!spec.clusterIP && spec.clusterIPs?.length) {
      spec.clusterIP = spec.clusterIPs[0];
    }
    spec.ipFamilies ??= prev.ipFamilies;
    spec.ipFamilyPolicy ??= prev.ipFamilyPolicy;
  } else if (needsClusterIP(spec)) {
    assignClusterIP(svc, spec, ctx);
  } else {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
    delete spec.internalTrafficPolicy;
  }
  if (needsNodePorts(spec)) {
    if (needsNodePorts(prev)) {
      for (const p of spec.ports ?? []) {
        if (p.nodePort) continue;
        const match = (prev.ports ?? []).find((q) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
        if (match?.nodePort) p.nodePort = match.nodePort;
      }
    }
    assignNodePorts(svc, spec, ctx);
  } else if (needsNodePorts(prev)) {
    for (const p of spec.ports ?? []) delete p.nodePort;
    delete spec.externalTrafficPolicy;
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b![i]);
}
