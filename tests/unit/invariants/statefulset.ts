/**
 * StatefulSet invariants, checked after every store change (in the spirit of upstream's
 * assertMonotonicInvariants in stateful_set_control_test.go).
 */
import type { Cluster } from '../../../src/sim/cluster.ts';
import type { Stored } from '../../../src/sim/apiserver/types.ts';

function isRunningReady(p: Stored): boolean {
  return p.status?.phase === 'Running' && p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

function ordinal(p: Stored): number {
  return Number(/-([0-9]+)$/.exec(p.metadata.name!)![1]);
}

export function setPods(cluster: Cluster, ns: string, name: string): Stored[] {
  return cluster.api
    .list('Pod', { namespace: ns })
    .filter((p) => p.metadata.ownerReferences?.some((r: { kind: string; name: string }) => r.kind === 'StatefulSet' && r.name === name))
    .sort((a, b) => ordinal(a) - ordinal(b));
}

/**
 * OrderedReady (assertMonotonicInvariants): pods exist for a contiguous run of ordinals from 0, and
 * no pod is Running and Ready while its predecessor is not.
 */
export function assertMonotonic(cluster: Cluster, ns: string, name: string, violations: string[]): void {
  const set = cluster.api.tryGet('StatefulSet', ns, name);
  if (!set || set.spec.podManagementPolicy === 'Parallel') return;
  const pods = setPods(cluster, ns, name);
  pods.forEach((p, idx) => {
    if (ordinal(p) !== idx) violations.push(`pods ${p.metadata.name} deployed in the wrong order ${idx}`);
    if (idx > 0 && isRunningReady(p) && !isRunningReady(pods[idx - 1]!)) {
      violations.push(`successor ${p.metadata.name} is Running and Ready while ${pods[idx - 1]!.metadata.name} is not`);
    }
  });
}

/** At most one pod per ordinal: names are unique by construction, so check the store never holds two uids for a name at once. */
export function assertUniqueOrdinals(cluster: Cluster, ns: string, name: string, violations: string[]): void {
  const seen = new Set<number>();
  for (const p of setPods(cluster, ns, name)) {
    const o = ordinal(p);
    if (seen.has(o)) violations.push(`two pods for ordinal ${o}`);
    seen.add(o);
  }
}

/** Rolling update: at most one pod not at the update revision is terminating at a time; ordinals below the partition keep the old revision. */
export function assertRolling(cluster: Cluster, ns: string, name: string, oldRevision: string | undefined, violations: string[]): void {
  const set = cluster.api.tryGet('StatefulSet', ns, name);
  if (!set) return;
  const pods = setPods(cluster, ns, name);
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp);
  if (terminating.length > 1) violations.push(`${terminating.length} pods terminating at once`);
  const partition = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  if (oldRevision) {
    for (const p of pods) {
      if (ordinal(p) < partition && p.metadata.labels!['controller-revision-hash'] !== oldRevision) {
        violations.push(`${p.metadata.name} below partition ${partition} moved to ${p.metadata.labels!['controller-revision-hash']}`);
      }
    }
  }
}
