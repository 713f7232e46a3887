/**
 * Marking nodes (un)schedulable, shared by cordon, uncordon and drain
 * (staging/src/k8s.io/kubectl/pkg/drain/cordon.go).
 */
import type { Stored, KubeObject } from '../sim/apiserver/types.ts';
import type { Invocation } from './command.ts';
import type { DryRun } from './change-output.ts';
import { listTargets } from './targets.ts';

/** Sets spec.unschedulable; prints `node/x cordoned`, `node/x already cordoned`, … */
export function setUnschedulable(inv: Invocation, node: Stored<KubeObject>, desired: boolean, dryRun: DryRun): void {
  const word = desired ? 'cordoned' : 'uncordoned';
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  if (Boolean(node.spec?.unschedulable) === desired) {
    inv.io.out(`node/${node.metadata.name} already ${word}${suffix}\n`);
    return;
  }
  if (dryRun !== 'client') {
    inv.cluster.api.mutate('Node', undefined, node.metadata.name!, (n) => {
      n.spec = { ...n.spec };
      if (desired) n.spec.unschedulable = true;
      else delete n.spec.unschedulable;
    });
  }
  inv.io.out(`node/${node.metadata.name} ${word}${suffix}\n`);
}

/** The nodes named on the command line (`node01`, `node/node01`) or matched by -l. */
export function nodesFromArgs(inv: Invocation, args: string[], selector: string | undefined): Stored<KubeObject>[] {
  if (selector) return listTargets(inv, [inv.cluster.api.type('Node')], selector);
  return args.map((a) => inv.cluster.api.get('Node', undefined, a.replace(/^(nodes?|no)\//, '')));
}
