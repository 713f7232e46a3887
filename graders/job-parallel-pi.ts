/**
 * A parallel Job with completions, parallelism, backoffLimit and a deadline; a failing Job that
 * stops at its backoff limit.
 */
import { check, defineGrader, expectField, getObject, trueCondition, type GradeContext } from './lib/index.ts';

/** The most pods of a Job that were active (not finished, not deleted) at the same moment. */
function maxActive(ctx: GradeContext, job: string): number {
  let max = 0;
  ctx.timeline.forEachMoment(
    (e) => e.namespace === ctx.namespace && e.name.startsWith(`${job}-`),
    (pods) => {
      const active = pods.filter((p) => !p.deleted && !p.terminating && p.phase !== 'Succeeded' && p.phase !== 'Failed').length;
      max = Math.max(max, active);
    },
  );
  return max;
}

export default defineGrader({
  tasks: {
    pi: (ctx) => {
      const job = getObject(ctx, 'job/pi');
      const container = job?.spec?.template?.spec?.containers?.[0];
      const active = maxActive(ctx, 'pi');
      return [
        expectField(ctx, 'job/pi', 'spec.completions', 4),
        expectField(ctx, 'job/pi', 'spec.parallelism', 2, 'parallelism is 2'),
        expectField(ctx, 'job/pi', 'spec.backoffLimit', 4),
        expectField(ctx, 'job/pi', 'spec.activeDeadlineSeconds', 300, 'activeDeadlineSeconds is 300'),
        expectField(ctx, 'job/pi', 'spec.template.spec.restartPolicy', 'Never'),
        check('computes pi with perl', container?.image === 'perl:5.34.0' && JSON.stringify([...(container?.command ?? []), ...(container?.args ?? [])]).includes('bpi(2000)'), `expected perl:5.34.0 running bpi(2000), found ${container?.image ?? 'no container'}`, 'perl:5.34.0 computes bpi(2000)'),
        check('Job complete', Boolean(trueCondition(job, 'Complete')) && job?.status?.succeeded === 4, `expected the Job Complete with 4 succeeded pods, found ${job?.status?.succeeded ?? 0} succeeded`, 'the Job completed 4 times'),
        check('never more than 2 pods at once', active > 0 && active <= 2, active === 0 ? 'expected pods of job pi, found none' : `expected at most 2 pi pods active at once, found ${active}`, `at most ${active} pods ran at once`),
      ];
    },
    flaky: (ctx) => {
      const job = getObject(ctx, 'job/flaky');
      const failed = trueCondition(job, 'Failed');
      const failedPods = ctx.cluster.api.list('Pod', { namespace: ctx.namespace }).filter((p) => p.metadata.labels?.['job-name'] === 'flaky' && p.status?.phase === 'Failed');
      return [
        expectField(ctx, 'job/flaky', 'spec.backoffLimit', 2),
        check('Job failed at its backoff limit', failed?.reason === 'BackoffLimitExceeded', `expected condition Failed with reason BackoffLimitExceeded, found ${failed ? `reason ${failed.reason}` : 'no Failed condition'}`, 'the Job failed with BackoffLimitExceeded'),
        check('failed pods kept', failedPods.length === 3, `expected 3 failed pods left to inspect (restartPolicy Never, backoffLimit 2), found ${failedPods.length}`, '3 failed pods are left to inspect'),
      ];
    },
  },
});
