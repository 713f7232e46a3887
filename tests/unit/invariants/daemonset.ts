/**
 * DaemonSet invariants, checked after every store change: outside a surge, at most one live
 * daemon pod per node; never more nodes without an available pod than maxUnavailable allows
 * during a rolling update.
 */
import type { Cluster } from '../../../src/sim/cluster.ts';
import type { Stored } from '../../../src/sim/apiserver/types.ts';
import { targetNode } from '../../../src/sim/controllers/daemonset/predicates.ts';

export function daemonPods(cluster: Cluster, ns: string, name: string): Stored[] {
  return cluster.api
    .list('Pod', { namespace: ns })
    .filter((p) => p.metadata.ownerReferences?.some((r: { kind: string; name: string }) => r.kind === 'DaemonSet' && r.name === name));
}

export function assertOnePerNode(cluster: Cluster, ns: string, name: string, allowed: number, violations: string[]): void {
  const count = new Map<string, number>();
  for (const p of daemonPods(cluster, ns, name)) {
    if (p.metadata.deletionTimestamp) continue;
    const n = targetNode(p as never) ?? '?';
    count.set(n, (count.get(n) ?? 0) + 1);
  }
  for (const [node, c] of count) if (c > allowed) violations.push(`${c} daemon pods on ${node}`);
}
