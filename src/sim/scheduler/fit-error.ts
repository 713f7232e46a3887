/**
 * The FailedScheduling message, as pkg/scheduler/framework/types.go FitError.Error builds it:
 * "0/4 nodes are available: <count> <reason>, … ." with reasons sorted as strings, followed by the
 * DefaultPreemption post-filter message (pkg/scheduler/framework/preemption/preemption.go).
 */
import type { FilterFailure } from './plugins/plugin.ts';

export interface Diagnosis {
  numNodes: number;
  /** Per node: why it was filtered out. */
  failures: FilterFailure[];
  /** A PreFilter rejection that applies to every node (e.g. a missing claim). */
  preFilterMsg?: string;
}

function histogram(reasons: string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort();
}

export function fitErrorMessage(d: Diagnosis): string {
  let msg = `0/${d.numNodes} nodes are available:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else msg += ` ${histogram(d.failures.flatMap((f) => f.reasons)).join(', ')}.`;
  return `${msg} ${preemptionMessage(d)}`;
}

/**
 * With every pod at the same priority nothing can be preempted: nodes that failed only with
 * resolvable reasons have "No preemption victims", the rest "Preemption is not helpful".
 */
function preemptionMessage(d: Diagnosis): string {
  const reasons = d.preFilterMsg
    ? Array.from({ length: d.numNodes }, () => 'Preemption is not helpful for scheduling')
    : d.failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  return `preemption: 0/${d.numNodes} nodes are available: ${histogram(reasons).join(', ')}.`;
}
