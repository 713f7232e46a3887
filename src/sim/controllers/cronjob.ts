/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob, utils.go):
 * tracks its Jobs in status.active, notices finished ones, creates `<cronjob>-<minutes since
 * epoch>` Jobs at each schedule time (Allow/Forbid/Replace), honours suspend and
 * startingDeadlineSeconds, warns about too many missed start times, trims history, and sleeps on
 * a background timer until the next schedule time.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { parseTime, toRFC3339 } from '../clock.ts';
import { sameContent } from '../apiserver/store.ts';
import { clone, controllerOf, metaKey, splitMetaKey, type K8s, type KubeObject, type Stored, type WatchEvent } from '../apiserver/types.ts';
import { isKnownTimeZone, parseSchedule, type Schedule } from '../apiserver/validation/cron-schedule.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { controllerRef, isControlledBy, isSpecOrMetaChange } from './ownership.ts';

type StoredCronJob = Stored<K8s<CronJob>>;
type StoredJob = Stored<K8s<Job>>;

const SOURCE = { component: 'cronjob-controller' };
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** Upstream wakes 100 ms after the schedule time. */
const NEXT_SCHEDULE_DELTA_MS = 100;

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function jobNameFor(cj: { metadata: { name?: string } }, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
}

function finishedType(job: StoredJob): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

/** A timestamp in a zone, RFC 3339 with its offset (`2026-01-05T10:00:00+01:00`). */
function inZone(ms: number, tz: string | undefined): string {
  if (!tz || tz === 'UTC') return toRFC3339(ms);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offset = Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const off = offset === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${off}`;
}

export class CronJobController implements Controller {
  readonly name = 'cronjob';
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'CronJob') {
      if (isSpecOrMetaChange(ev)) this.ctx.enqueue(metaKey(obj));
    }
    else if (obj.kind === 'Job') {
      const ref = controllerOf(obj) ?? (ev.old ? controllerOf(ev.old) : undefined);
      if (ref?.kind === 'CronJob') this.ctx.enqueue(`${obj.metadata.namespace}/${ref.name}`);
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const cj = this.ctx.api.tryGet('CronJob', namespace, name) as StoredCronJob | undefined;
    if (!cj) return;
    const ctx = this.ctx;
    const now = ctx.clock.now();
    const say = (m: string) => ctx.explain.add('cronjob', { kind: 'CronJob', namespace, name }, m);
    const status = clone(cj.status ?? {}) as KubeObject;
    const jobs = (ctx.api.list('Job', { namespace }) as StoredJob[]).filter((j) => isControlledBy(j, cj));

    // Reconcile status.active with the jobs that exist and are not finished.
    const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]));
    let active: ObjectReference[] = (status.active ?? []).filter((ref: ObjectReference) => {
      const j = byUid.get(ref.uid);
      return j && !finishedType(j);
    });
    for (const j of jobs) {
      const done = finishedType(j);
      const listed = (status.active ?? []).some((r: ObjectReference) => r.uid === j.metadata.uid);
      if (!done && !listed) {
        // A job it did not create (e.g. `kubectl create job --from=cronjob/…`) is noted, not adopted into status.active.
        ctx.events.warning(cj, 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`, SOURCE);
      }
      if (done && listed) {
        ctx.events.normal(cj, 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${done}`, SOURCE);
        if (done === 'Complete' && j.status?.completionTime) {
          const t = parseTime(j.status.completionTime) ?? 0;
          if (!status.lastSuccessfulTime || (parseTime(status.lastSuccessfulTime) ?? 0) < t) status.lastSuccessfulTime = j.status.completionTime;
        }
      }
    }

    const finish = () => {
      status.active = active.length ? active : undefined;
      if (!status.active) delete status.active;
      const latest = ctx.api.tryGet('CronJob', namespace, name);
      if (latest && latest.metadata.uid === cj.metadata.uid && !sameContent(latest.status ?? {}, status)) {
        ctx.api.mutate('CronJob', namespace, name, (c) => void (c.status = status), { subresource: 'status' });
      }
      this.cleanupHistory(cj, jobs);
    };

    if (cj.metadata.deletionTimestamp) return finish();
    const tz = cj.spec?.timeZone ?? undefined;
    if (tz && !isKnownTimeZone(tz)) {
      ctx.events.warning(cj, 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`, SOURCE);
      return finish();
    }
    if (cj.spec?.suspend) {
      say('suspended: no jobs are started');
      return finish();
    }
    const sched = parseSchedule(cj.spec!.schedule, tz);
    if (typeof sched === 'string') {
      ctx.events.warning(cj, 'UnparseableSchedule', `unparseable schedule: "${cj.spec!.schedule}" : ${sched}`, SOURCE);
      return finish();
    }

    const scheduled = this.mostRecentScheduleTime(cj, sched, now);
    if (typeof scheduled === 'string') {
      // A schedule that never fires: upstream reports it and waits for the spec to change.
      ctx.events.warning(cj, 'InvalidSchedule', `invalid schedule: ${cj.spec!.schedule} : ${scheduled}`, SOURCE);
      return finish();
    }
    const requeue = () => {
      // Nothing within five years (robfig's zero time): no wake-up is queued.
      const next = sched.next(now);
      if (next !== undefined) ctx.enqueueAfter(key, next - now + NEXT_SCHEDULE_DELTA_MS, { background: true });
    };
    if (scheduled === undefined) {
      requeue();
      return finish();
    }
    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds !== undefined && sds !== null && scheduled + sds * 1000 < now) {
      ctx.events.warning(cj, 'MissSchedule', `Missed scheduled time to start a job: ${inZone(scheduled, tz)}`, SOURCE);
      requeue();
      return finish();
    }
    const jobName = jobNameFor(cj, scheduled);
    if (active.some((r) => r.name === jobName) || jobs.some((j) => j.metadata.name === jobName)) {
      requeue();
      return finish();
    }
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && active.length > 0) {
      ctx.events.normal(cj, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', SOURCE);
      say(`not starting ${jobName}: ${active.map((r) => r.name).join(', ')} still running (Forbid)`);
      requeue();
      return finish();
    }
    if (policy === 'Replace') {
      for (const ref of active) {
        if (!ctx.api.tryGet('Job', namespace, ref.name!)) continue;
        ctx.api.delete('Job', namespace, ref.name!, { propagationPolicy: 'Background' });
        ctx.events.normal(cj, 'SuccessfulDelete', `Deleted job ${ref.name}`, SOURCE);
      }
      active = [];
    }
    const job = ctx.api.create(this.jobFromTemplate(cj, jobName, scheduled, tz)) as StoredJob;
    ctx.events.normal(cj, 'SuccessfulCreate', `Created job ${job.metadata.name}`, SOURCE);
    say(`created ${job.metadata.name} for ${toRFC3339(scheduled)}`);
    active.push(jobRef(job));
    status.lastScheduleTime = toRFC3339(scheduled);
    jobs.push(job);
    requeue();
    finish();
  }

  /**
   * nextScheduleTime: the latest schedule time in (earliest, now] as mostRecentScheduleTime finds
   * it, where earliest is the last schedule time (or creation) bounded by
   * startingDeadlineSeconds; warns when it estimates more than 100 missed start times. A string
   * is the error of a schedule that never fires.
   */
  private mostRecentScheduleTime(cj: StoredCronJob, sched: Schedule, now: number): number | undefined | string {
    let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds !== undefined && sds !== null) earliest = Math.max(earliest, now - sds * 1000);
    const found = sched.mostRecent(earliest, now);
    if (typeof found === 'string') return found;
    if (found.time === undefined || found.time > now) return undefined;
    if (found.missed > 100) {
      this.ctx.events.warning(cj, 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', SOURCE);
    }
    return found.time;
  }

  /** getJobFromTemplate2: labels and annotations of the template, the scheduled-timestamp annotation, the controller ref. */
  private jobFromTemplate(cj: StoredCronJob, name: string, scheduled: number, tz: string | undefined): KubeObject {
    const t = clone(cj.spec!.jobTemplate);
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata.namespace,
        ...(t.metadata?.labels ? { labels: { ...t.metadata.labels } } : {}),
        annotations: { ...(t.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: inZone(scheduled, tz) },
        ownerReferences: [controllerRef(cj)],
      },
      spec: t.spec ?? {},
    };
  }

  /** cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit / failedJobsHistoryLimit. */
  private cleanupHistory(cj: StoredCronJob, jobs: StoredJob[]): void {
    const byStart = (a: StoredJob, b: StoredJob) => (parseTime(a.status?.startTime ?? a.metadata.creationTimestamp) ?? 0) - (parseTime(b.status?.startTime ?? b.metadata.creationTimestamp) ?? 0);
    const trim = (list: StoredJob[], limit: number | undefined | null) => {
      if (limit === undefined || limit === null) return;
      const sorted = list.filter((j) => !j.metadata.deletionTimestamp).sort(byStart);
      for (const j of sorted.slice(0, Math.max(0, sorted.length - limit))) {
        if (!this.ctx.api.tryGet('Job', j.metadata.namespace, j.metadata.name!)) continue;
        this.ctx.api.delete('Job', j.metadata.namespace, j.metadata.name!, { propagationPolicy: 'Background' });
        this.ctx.events.normal(cj, 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, SOURCE);
      }
    };
    trim(jobs.filter((j) => finishedType(j) === 'Complete'), cj.spec?.successfulJobsHistoryLimit);
    trim(jobs.filter((j) => finishedType(j) === 'Failed'), cj.spec?.failedJobsHistoryLimit);
  }
}

function jobRef(j: StoredJob): ObjectReference {
  return { kind: 'Job', namespace: j.metadata.namespace, name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata.resourceVersion };
}
