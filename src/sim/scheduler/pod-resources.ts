/**
 * What a pod asks of a node: effective CPU/memory requests (max of init containers and the sum of
 * app containers, plus overhead, as k8s.io/component-helpers/resource PodRequests computes), the
 * non-zero variant the scorer uses (100m CPU / 200Mi memory for containers that request nothing,
 * pkg/scheduler/util/pod_resources.go), and the host ports it binds.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { intValue, milliValue } from '../apiserver/quantity.ts';

export interface PodRequests {
  /** Millicores. */
  cpu: number;
  /** Bytes. */
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
}

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function containerRequest(c: Container, res: 'cpu' | 'memory'): number | undefined {
  const q = c.resources?.requests?.[res] ?? c.resources?.limits?.[res];
  if (q === undefined) return undefined;
  return res === 'cpu' ? milliValue(q) : intValue(q);
}

export function podRequests(pod: Pod): PodRequests {
  const spec = pod.spec;
  const out: PodRequests = { cpu: 0, memory: 0, nonZeroCpu: 0, nonZeroMemory: 0 };
  if (!spec) return out;
  for (const c of spec.containers ?? []) {
    const cpu = containerRequest(c, 'cpu');
    const mem = containerRequest(c, 'memory');
    out.cpu += cpu ?? 0;
    out.memory += mem ?? 0;
    out.nonZeroCpu += cpu ?? DEFAULT_MILLI_CPU_REQUEST;
    out.nonZeroMemory += mem ?? DEFAULT_MEMORY_REQUEST;
  }
  for (const c of spec.initContainers ?? []) {
    const cpu = containerRequest(c, 'cpu') ?? 0;
    const mem = containerRequest(c, 'memory') ?? 0;
    out.cpu = Math.max(out.cpu, cpu);
    out.memory = Math.max(out.memory, mem);
    out.nonZeroCpu = Math.max(out.nonZeroCpu, cpu);
    out.nonZeroMemory = Math.max(out.nonZeroMemory, mem);
  }
  const overhead = spec.overhead ?? {};
  out.cpu += milliValue(overhead.cpu);
  out.memory += intValue(overhead.memory);
  return out;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export function podHostPorts(pod: Pod): HostPort[] {
  const ports: HostPort[] = [];
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol ?? 'TCP', port: p.hostPort });
    }
  }
  return ports;
}

/** Two host ports clash when protocol and port match and either IP is the wildcard or they are equal. */
export function isHostPortConflict(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.ip === '0.0.0.0' || b.ip === '0.0.0.0' || a.ip === b.ip;
}
