/**
 * Test driving for workload controllers: a stand-in kubelet that moves chosen pods to Running and
 * Ready (or Failed), and a stepper that checks invariants after every store change.
 */
import type { Cluster } from '../../../src/sim/cluster.ts';
import type { Stored } from '../../../src/sim/apiserver/types.ts';
import { toRFC3339 } from '../../../src/sim/clock.ts';

export type PodFilter = (pod: Stored) => boolean;

/** Marks a pod Running and Ready now (no-op if it already is). */
export function makeReady(cluster: Cluster, pod: Stored): void {
  const ready = pod.status?.conditions?.find((c: { type: string }) => c.type === 'Ready');
  if (pod.status?.phase === 'Running' && ready?.status === 'True') return;
  const now = toRFC3339(cluster.clock.now());
  cluster.api.mutate('Pod', pod.metadata.namespace, pod.metadata.name!, (p) => {
    p.status = {
      ...p.status,
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: now },
        { type: 'Ready', status: 'True', lastTransitionTime: now },
        { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
      ],
    };
  }, { subresource: 'status' });
}

export function setPhase(cluster: Cluster, pod: Stored, phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed', exitCode?: number): void {
  cluster.api.mutate('Pod', pod.metadata.namespace, pod.metadata.name!, (p) => {
    p.status = { ...p.status, phase, conditions: [{ type: 'Ready', status: 'False' }] };
    if (exitCode !== undefined) {
      p.status.containerStatuses = [{ name: p.spec.containers[0].name, ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' } } }];
    }
  }, { subresource: 'status' });
}

/** Gives every new pod a Pending phase, as the API server does on create. */
export function markPending(cluster: Cluster): void {
  for (const p of cluster.api.list('Pod')) if (!p.status?.phase) setPhase(cluster, p, 'Pending');
}

/**
 * Settles the cluster, running the stand-in kubelet: new pods become Pending, then pods passing
 * `ready` become Running+Ready, one at a time, and `check` runs after every store change.
 */
export function drive(cluster: Cluster, opts: { ready?: PodFilter; check?: () => void; rounds?: number } = {}): void {
  const ready = opts.ready ?? (() => true);
  const unwatch = opts.check ? cluster.api.watch(() => opts.check!()) : undefined;
  try {
    for (let i = 0; i < (opts.rounds ?? 10_000); i++) {
      cluster.settle();
      markPending(cluster);
      cluster.settle();
      const next = cluster.api.list('Pod').find((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Pending' && ready(p));
      if (!next) return;
      makeReady(cluster, next);
    }
  } finally {
    unwatch?.();
  }
}
