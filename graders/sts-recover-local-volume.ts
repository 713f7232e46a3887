/**
 * Recover a StatefulSet replica whose local volume died with its node: force delete, then a new
 * claim; the other replicas and their claims untouched.
 */
import { check, defineGrader, expectClaimsKept, expectNotRecreated, expectPods, getObject, initialKey } from './lib/index.ts';

export default defineGrader({
  tasks: {
    recover: (ctx) => {
      const lost = ctx.cluster.faults.downNodes();
      const claim = getObject(ctx, 'pvc/data-ledger-1');
      const before = ctx.initial.get(initialKey('PersistentVolumeClaim', ctx.namespace, 'data-ledger-1'));
      const pv = claim?.spec?.volumeName ? getObject(ctx, `pv/${claim.spec.volumeName}`) : undefined;
      const pvNodes: string[] = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms?.flatMap((t: { matchExpressions?: { values?: string[] }[] }) => (t.matchExpressions ?? []).flatMap((e) => e.values ?? [])) ?? [];
      return [
        expectPods(ctx, { selector: 'app=ledger' }).toBeRunningAndReady(3),
        expectPods(ctx, { selector: 'app=ledger' }).toAvoidNodes(lost),
        check(
          'ledger-1 has a new claim on a healthy node',
          Boolean(claim && before && claim.metadata.uid !== before.metadata.uid && claim.status?.phase === 'Bound' && pvNodes.length > 0 && !pvNodes.some((n) => lost.includes(n))),
          !claim ? 'expected claim data-ledger-1 to exist, found none' : claim.metadata.uid === before?.metadata.uid ? 'expected a new claim data-ledger-1, found the old one, whose volume lives on the lost node' : `expected data-ledger-1 Bound to a volume on a healthy node, found ${claim.status?.phase} on ${pvNodes.join(', ') || 'no node'}`,
          `data-ledger-1 is a new claim on ${pvNodes.join(', ')}`,
        ),
        expectNotRecreated(ctx, 'pod/ledger-0'),
        expectNotRecreated(ctx, 'pod/ledger-2'),
        ...expectClaimsKept(ctx, ['data-ledger-0', 'data-ledger-2']),
      ];
    },
  },
});
