/**
 * Scaling a StatefulSet keeps claims (and data) by default; the retention policy makes scale-down
 * delete them.
 */
import { check, defineGrader, expectAbsent, expectClaimFile, expectClaimsKept, expectField, expectPods, expectStatefulSet } from './lib/index.ts';

export default defineGrader({
  tasks: {
    'down-up': (ctx) => [
      expectStatefulSet(ctx, 'ledger').toHaveReplicas(3),
      expectPods(ctx, { selector: 'app=ledger' }).toBeRunningAndReady(3),
      check(
        'ledger-2 was removed and came back',
        ctx.timeline.uidsOf(ctx.namespace, 'ledger-2').length >= 2,
        'expected ledger-2 to be removed by a scale-down and created again, found the same pod all along',
        'ledger-2 was removed and created again',
      ),
      ...expectClaimsKept(ctx, ['data-ledger-0', 'data-ledger-1', 'data-ledger-2']),
      expectClaimFile(ctx, 'data-ledger-1', '/ledger.txt', 'entries of ledger-1'),
      expectClaimFile(ctx, 'data-ledger-2', '/ledger.txt', 'entries of ledger-2'),
    ],
    retention: (ctx) => [
      expectField(ctx, 'statefulset/ledger', 'spec.persistentVolumeClaimRetentionPolicy.whenScaled', 'Delete', 'whenScaled is Delete'),
      expectField(ctx, 'statefulset/ledger', 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted', 'Retain', 'whenDeleted is Retain'),
      expectStatefulSet(ctx, 'ledger').toHaveReplicas(2),
      expectAbsent(ctx, 'pvc/data-ledger-2', 'claim data-ledger-2 deleted'),
      ...expectClaimsKept(ctx, ['data-ledger-0', 'data-ledger-1']),
    ],
  },
});
