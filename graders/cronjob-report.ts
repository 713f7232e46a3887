/**
 * A CronJob with Forbid concurrency and history limits, run through virtual time; a Job started
 * from its template.
 */
import type { Stored } from '../src/sim/apiserver/types.ts';
import { check, defineGrader, expectField, getObject, trueCondition, type GradeContext } from './lib/index.ts';

function jobsOf(ctx: GradeContext, cronjob: string) {
  return ctx.cluster.api
    .list('Job', { namespace: ctx.namespace })
    .filter((j) => j.metadata.ownerReferences?.some((o: { kind: string; name: string }) => o.kind === 'CronJob' && o.name === cronjob));
}

function isComplete(job: Stored | undefined): boolean {
  return trueCondition(job, 'Complete') !== undefined;
}

export default defineGrader({
  tasks: {
    schedule: (ctx) => {
      const cj = getObject(ctx, 'cronjob/report');
      const jobs = jobsOf(ctx, 'report');
      const done = jobs.filter(isComplete);
      const pod = cj?.spec?.jobTemplate?.spec?.template?.spec;
      const schedule = String(cj?.spec?.schedule ?? '').trim();
      return [
        check('runs every five minutes', ['*/5 * * * *', '0/5 * * * *', '0,5,10,15,20,25,30,35,40,45,50,55 * * * *'].includes(schedule), cj ? `expected a schedule of every five minutes (*/5 * * * *), found "${schedule}"` : 'expected a CronJob named report, found none', `schedule "${schedule}"`),
        expectField(ctx, 'cronjob/report', 'spec.concurrencyPolicy', 'Forbid', 'concurrencyPolicy is Forbid'),
        expectField(ctx, 'cronjob/report', 'spec.successfulJobsHistoryLimit', 2),
        expectField(ctx, 'cronjob/report', 'spec.failedJobsHistoryLimit', 1),
        check('pods not restarted in place', pod?.restartPolicy === 'Never', `expected restartPolicy Never in the job template, found ${pod?.restartPolicy ?? 'none'}`, 'restartPolicy is Never'),
        check('runs the report', pod?.containers?.[0]?.image === 'busybox:1.36' && JSON.stringify(pod?.containers?.[0]?.command ?? []).concat(JSON.stringify(pod?.containers?.[0]?.args ?? [])).includes('report done'), 'expected busybox:1.36 running the report command', 'busybox:1.36 runs the report'),
        check('ran on schedule', Boolean(cj?.status?.lastSuccessfulTime) && done.length >= 2, `expected at least 2 completed runs after 20 minutes, found ${done.length}`, `${done.length} completed runs kept`),
        check('history limited to 2', done.length <= 2, `expected at most 2 successful Jobs kept, found ${done.length}`, `${done.length} successful Jobs kept`),
      ];
    },
    manual: (ctx) => {
      const job = getObject(ctx, 'job/report-now');
      return [
        check('report-now made from the CronJob', job?.metadata.annotations?.['cronjob.kubernetes.io/instantiate'] === 'manual' && Boolean(job?.metadata.ownerReferences?.some((o: { kind: string; name: string }) => o.kind === 'CronJob' && o.name === 'report')), job ? 'expected report-now to be created from cronjob/report (owned by it, annotated cronjob.kubernetes.io/instantiate: manual), found a Job of its own' : 'expected a Job named report-now, found none', 'report-now was created from cronjob/report'),
        check('report-now complete', isComplete(job), `expected report-now Complete, found ${job ? 'it has not completed' : 'no Job'}`, 'report-now completed'),
      ];
    },
  },
});
