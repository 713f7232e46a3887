/**
 * Test driving for workload controllers on the real scheduler and kubelet: advance virtual time
 * until a condition holds (by default, until the cluster is quiet), running invariant checks after
 * every store change; plus status overrides for faults the kubelet cannot produce on its own.
 */
import type { Cluster } from '../../../src/sim/cluster.ts';
import type { Stored } from '../../../src/sim/apiserver/types.ts';

export interface DriveOptions {
  /** Stop once this holds (checked after every timer); default: no pending non-background timer. */
  until?: () => boolean;
  /** Runs after every store change. */
  check?: () => void;
  timeoutMs?: number;
}

/** Advances until `until` holds; throws if it does not within the timeout. */
export function drive(cluster: Cluster, opts: DriveOptions = {}): void {
  const unwatch = opts.check ? cluster.api.watch(() => opts.check!()) : undefined;
  try {
    const timeout = opts.timeoutMs ?? 10 * 60_000;
    const ok = opts.until ? cluster.advanceUntil(opts.until, timeout) : cluster.advanceUntilQuiet(timeout);
    if (!ok) throw new Error(`condition did not hold within ${timeout / 1000}s of virtual time`);
  } finally {
    unwatch?.();
  }
}

export function isRunningReady(p: Stored | undefined): boolean {
  return Boolean(
    p && !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'),
  );
}

/** Forces a pod's phase through the status subresource (an eviction or a lost node would). */
export function setPhase(cluster: Cluster, pod: Stored, phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed'): void {
  cluster.api.mutate('Pod', pod.metadata.namespace, pod.metadata.name!, (p) => {
    p.status = { ...p.status, phase, conditions: (p.status?.conditions ?? []).map((c: { type: string }) => (c.type === 'Ready' ? { ...c, status: 'False' } : c)) };
  }, { subresource: 'status' });
}
