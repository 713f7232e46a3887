/**
 * Indexed Jobs (completion index per pod) and ttlSecondsAfterFinished.
 */
import { check, defineGrader, expectAbsent, expectField, getObject, type GradeContext } from './lib/index.ts';

function podsOfJob(ctx: GradeContext, job: string) {
  return ctx.timeline.entries.filter((e) => e.namespace === ctx.namespace && e.name.startsWith(`${job}-`));
}

export default defineGrader({
  tasks: {
    indexed: (ctx) => {
      const job = getObject(ctx, 'job/shards');
      let maxActive = 0;
      ctx.timeline.forEachMoment(
        (e) => e.namespace === ctx.namespace && e.name.startsWith('shards-'),
        (pods) => {
          maxActive = Math.max(maxActive, pods.filter((p) => !p.deleted && !p.terminating && p.phase !== 'Succeeded' && p.phase !== 'Failed').length);
        },
      );
      return [
        expectField(ctx, 'job/shards', 'spec.completionMode', 'Indexed', 'completionMode is Indexed'),
        expectField(ctx, 'job/shards', 'spec.completions', 5),
        expectField(ctx, 'job/shards', 'spec.parallelism', 3),
        check('all five shards done', job?.status?.completedIndexes === '0-4' && job?.status?.succeeded === 5, `expected completed indexes 0-4, found ${job?.status?.completedIndexes ?? 'none'}`, 'indexes 0-4 completed'),
        check('at most three at once', maxActive > 0 && maxActive <= 3, `expected at most 3 shard pods at once, found ${maxActive}`, `at most ${maxActive} pods ran at once`),
      ];
    },
    ttl: (ctx) => [
      check('cleanup ran', podsOfJob(ctx, 'cleanup').some((e) => e.phase === 'Succeeded'), 'expected a pod of Job cleanup to have succeeded, found none', 'a cleanup pod succeeded'),
      expectAbsent(ctx, 'job/cleanup', 'Job cleanup deleted itself'),
      check(
        'ttlSecondsAfterFinished is 60',
        wasTtl(ctx),
        'expected Job cleanup to carry ttlSecondsAfterFinished: 60 and be removed by the TTL controller, found it was deleted another way',
        'the TTL controller removed cleanup 60 s after it finished',
      ),
    ],
  },
});

/** The Job was removed by the TTL-after-finished controller: its pods vanished ≥ 60 s after finishing, without anyone else deleting it. */
function wasTtl(ctx: GradeContext): boolean {
  const pods = podsOfJob(ctx, 'cleanup');
  const finished = pods.find((e) => e.phase === 'Succeeded');
  const gone = pods.find((e) => e.deleted);
  return Boolean(finished && gone && gone.time - finished.time >= 59_000 && gone.time - finished.time <= 120_000);
}
