/**
 * The Job controller (pkg/controller/job/job_controller.go syncJob, manageJob,
 * trackJobStatusAndRemoveFinalizers): counts finished pods through the job-tracking finalizer,
 * decides success or failure (backoffLimit, activeDeadlineSeconds, podFailurePolicy) with the
 * interim SuccessCriteriaMet/FailureTarget conditions of v1.31+, keeps `parallelism` pods active
 * with exponential back-off after failures, and handles suspend and Indexed completion.
 */
import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import { parseTime, toRFC3339 } from '../../clock.ts';
import { sameContent } from '../../apiserver/store.ts';
import { controllerOf, metaKey, splitMetaKey, type WatchEvent } from '../../apiserver/types.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { claimObjects, isRelevantPodChange, OwnerIndex, isSpecOrMetaChange } from '../ownership.ts';
import { isPodActive, isPodFailed, isPodReady, isPodSucceeded, isPodTerminating, type StoredPod } from '../pod-status.ts';
import { burstPausedFor, errorText, pauseBurst, slowStartBatch, SLOW_START_INITIAL_BATCH } from '../slow-start.ts';
import { completionIndexOf, formatIndexes, parseIndexes, pendingIndexes } from './indexed.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';
import { newJobPod, TRACKING_FINALIZER, type StoredJob } from './pod-template.ts';

const SOURCE = { component: 'job-controller' };
/** Pods created per sync at most (upstream's burst of 500, in slow-start batches). */
export const JOB_BURST = 500;

type Finish = { type: 'SuccessCriteriaMet' | 'FailureTarget'; reason: string; message: string };

export function conditionOf(job: StoredJob, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type && c.status === 'True');
}

/** IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: StoredJob): boolean {
  return Boolean(conditionOf(job, 'Complete') || conditionOf(job, 'Failed'));
}

function hasFinalizer(pod: StoredPod): boolean {
  return (pod.metadata.finalizers ?? []).includes(TRACKING_FINALIZER);
}

/** When a failed pod finished: its last container termination, else its last condition change. */
function finishedAt(pod: StoredPod): number {
  let t = 0;
  for (const cs of pod.status?.containerStatuses ?? []) {
    t = Math.max(t, parseTime(cs.state?.terminated?.finishedAt) ?? 0);
  }
  if (t) return t;
  for (const c of pod.status?.conditions ?? []) t = Math.max(t, parseTime(c.lastTransitionTime) ?? 0);
  return t || (parseTime(pod.metadata.creationTimestamp) ?? 0);
}

function restartCount(pod: StoredPod): number {
  let n = 0;
  for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) n += cs.restartCount ?? 0;
  return n;
}

export class JobController implements Controller {
  readonly name = 'job';
  private ctx!: ControllerContext;
  private readonly pods = new OwnerIndex('Pod');

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Job') {
      if (isSpecOrMetaChange(ev)) this.ctx.enqueue(metaKey(obj));
    }
    else if (obj.kind === 'Pod') {
      this.pods.observe(ev);
      if (!isRelevantPodChange(ev)) return;
      const ref = controllerOf(obj) ?? (ev.old ? controllerOf(ev.old) : undefined);
      if (ref?.kind === 'Job') this.ctx.enqueue(`${obj.metadata.namespace}/${ref.name}`);
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const job = this.ctx.api.tryGet('Job', namespace, name) as StoredJob | undefined;
    const ctx = this.ctx;
    if (!job) return;
    const pods = claimObjects(ctx.api, 'Pod', job, job.spec?.selector, undefined, this.pods) as StoredPod[];
    if (isJobFinished(job)) {
      this.removeFinalizers(pods.filter(hasFinalizer));
      return;
    }
    const now = ctx.clock.now();
    const nowISO = toRFC3339(now);
    const say = (m: string) => ctx.explain.add('job', { kind: 'Job', namespace, name }, m);
    const spec = job.spec!;
    const indexed = spec.completionMode === 'Indexed';
    const suspended = spec.suspend === true;
    const parallelism = spec.parallelism ?? 1;
    const completions = spec.completions;
    const backoffLimit = spec.backoffLimit ?? 6;
    const status: { -readonly [K in keyof JobStatus]: JobStatus[K] } = structuredClone(job.status ?? {}) as JobStatus;
    let conditions: JobCondition[] = [...(status.conditions ?? [])];
    const events: [type: 'Normal' | 'Warning', reason: string, message: string][] = [];

    // Count finished pods still holding the tracking finalizer.
    const toUnfinalize: StoredPod[] = [];
    let succeeded = status.succeeded ?? 0;
    let failed = status.failed ?? 0;
    const completed = parseIndexes(status.completedIndexes);
    let policyFinish: Finish | undefined;
    for (const pod of pods) {
      if (!hasFinalizer(pod)) continue;
      if (isPodSucceeded(pod)) {
        toUnfinalize.push(pod);
        if (indexed) {
          const ix = completionIndexOf(pod);
          if (ix >= 0 && ix < (completions ?? 0)) completed.add(ix);
        } else succeeded++;
      } else if (isPodFailed(pod) || (isPodTerminating(pod) && !suspended)) {
        toUnfinalize.push(pod);
        const match = matchPodFailurePolicy(spec.podFailurePolicy, pod);
        if (match?.action === 'Ignore') continue;
        if (match?.action === 'FailJob' && !policyFinish) policyFinish = { type: 'FailureTarget', reason: 'PodFailurePolicy', message: match.message };
        failed++;
      } else if (isPodTerminating(pod) && suspended) {
        toUnfinalize.push(pod);
      }
    }
    if (indexed) {
      succeeded = completed.size;
      status.completedIndexes = formatIndexes(completed);
    }

    const live = (p: StoredPod) => ctx.api.tryGet('Pod', p.metadata.namespace, p.metadata.name!) as StoredPod | undefined;
    let active = pods.filter(isPodActive);

    // Suspend and resume.
    const suspendedCond = status.conditions?.find((c) => c.type === 'Suspended');
    if (suspended) {
      if (suspendedCond?.status !== 'True') {
        conditions = setCondition(conditions, { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: nowISO, lastTransitionTime: nowISO });
        events.push(['Normal', 'Suspended', 'Job suspended']);
      }
      for (const p of active) this.deletePod(job, p);
      if (active.length) say(`suspended: deleted ${active.length} active pods`);
      active = [];
    } else {
      if (suspendedCond?.status === 'True') {
        conditions = setCondition(conditions, { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed', lastProbeTime: nowISO, lastTransitionTime: nowISO });
        events.push(['Normal', 'Resumed', 'Job resumed']);
        status.startTime = nowISO;
      }
      if (!status.startTime) status.startTime = nowISO;
    }

    // Decide whether the job is finishing.
    let finish: Finish | undefined = (['FailureTarget', 'SuccessCriteriaMet'] as const)
      .map((t) => conditions.find((c) => c.type === t && c.status === 'True'))
      .filter(Boolean)
      .map((c) => ({ type: c!.type as Finish['type'], reason: c!.reason ?? '', message: c!.message ?? '' }))[0];
    if (!finish && !suspended) {
      const onFailureRestarts = spec.template.spec?.restartPolicy === 'OnFailure' ? active.reduce((n, p) => n + restartCount(p), 0) : 0;
      const pastOnFailure = spec.template.spec?.restartPolicy === 'OnFailure' && (backoffLimit === 0 ? onFailureRestarts > 0 : onFailureRestarts >= backoffLimit) && onFailureRestarts > 0;
      const started = parseTime(status.startTime) ?? now;
      const deadline = spec.activeDeadlineSeconds;
      if (policyFinish) finish = policyFinish;
      else if (failed > backoffLimit || pastOnFailure) finish = { type: 'FailureTarget', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
      else if (deadline !== undefined && now - started >= deadline * 1000) finish = { type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
      else if (indexed ? succeeded >= (completions ?? 0) : completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0) {
        finish = { type: 'SuccessCriteriaMet', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
      } else if (deadline !== undefined) {
        ctx.enqueueAfter(key, started + deadline * 1000 - now);
      }
      if (finish) {
        conditions = setCondition(conditions, { type: finish.type, status: 'True', reason: finish.reason, message: finish.message, lastProbeTime: nowISO, lastTransitionTime: nowISO });
        say(`${finish.type}: ${finish.message}`);
      }
    }

    if (finish) {
      for (const p of active) this.deletePod(job, p);
      active = [];
      const stillTerminating = pods.filter((p) => live(p) && isPodTerminating(live(p)!) && !isPodSucceeded(p) && !isPodFailed(p));
      if (stillTerminating.length === 0 && pods.every((p) => !live(p) || !isPodActive(live(p)!))) {
        const final = finish.type === 'SuccessCriteriaMet' ? 'Complete' : 'Failed';
        conditions = setCondition(conditions, { type: final, status: 'True', reason: finish.reason, message: finish.message, lastProbeTime: nowISO, lastTransitionTime: nowISO });
        if (final === 'Complete') {
          status.completionTime = nowISO;
          events.push(['Normal', 'Completed', 'Job completed']);
        } else {
          events.push(['Warning', finish.reason, finish.message]);
        }
      } else {
        say(`waiting for ${stillTerminating.length} pods to terminate before marking the job ${finish.type === 'SuccessCriteriaMet' ? 'Complete' : 'Failed'}`);
      }
    } else if (!suspended) {
      this.manage(job, pods, active, succeeded, completed, failed, key);
    }

    // Status.
    const fresh = claimObjects(ctx.api, 'Pod', job, spec.selector, undefined, this.pods) as StoredPod[];
    const freshActive = fresh.filter(isPodActive);
    status.active = freshActive.length || undefined;
    status.ready = freshActive.filter(isPodReady).length;
    status.terminating = fresh.filter((p) => isPodTerminating(p) && !isPodSucceeded(p) && !isPodFailed(p)).length;
    status.succeeded = succeeded || undefined;
    status.failed = failed || undefined;
    status.uncountedTerminatedPods = {};
    status.conditions = conditions.length ? conditions : undefined;
    if (!indexed || !status.completedIndexes) delete status.completedIndexes;
    for (const k of Object.keys(status) as (keyof typeof status)[]) if (status[k] === undefined) delete status[k];
    const latest = ctx.api.tryGet('Job', namespace, name);
    if (latest && latest.metadata.uid === job.metadata.uid && !sameContent(latest.status ?? {}, status)) {
      ctx.api.mutate('Job', namespace, name, (j) => void (j.status = status), { subresource: 'status' });
    }
    for (const [type, reason, message] of events) ctx.events.record(job, type, reason, message, SOURCE);
    this.removeFinalizers(toUnfinalize);
  }

  /** manageJob: create or delete pods so `wantActive` are active, honouring the failure back-off. */
  private manage(job: StoredJob, pods: StoredPod[], active: StoredPod[], succeeded: number, completed: Set<number>, failed: number, key: string): void {
    const ctx = this.ctx;
    const spec = job.spec!;
    const parallelism = spec.parallelism ?? 1;
    const completions = spec.completions;
    const indexed = spec.completionMode === 'Indexed';
    const say = (m: string) => ctx.explain.add('job', { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name! }, m);
    let wantActive: number;
    if (completions === undefined || completions === null) wantActive = succeeded > 0 ? active.length : parallelism;
    else wantActive = Math.max(0, Math.min(parallelism, completions - succeeded));
    if (active.length > wantActive) {
      const ranked = [...active].sort(rankForDeletion);
      for (const p of ranked.slice(0, active.length - wantActive)) this.deletePod(job, p);
      say(`deleted ${active.length - wantActive} active pods: ${wantActive} wanted (parallelism ${parallelism})`);
      return;
    }
    let diff = wantActive - active.length;
    if ((spec.podReplacementPolicy ?? 'TerminatingOrFailed') === 'Failed') {
      diff -= pods.filter((p) => isPodTerminating(p) && !isPodSucceeded(p) && !isPodFailed(p)).length;
    }
    if (diff <= 0) return;
    // Back-off after failures: 10 s doubling, capped (backoff_utils.go).
    if (failed > 0) {
      const lastFailure = Math.max(0, ...pods.filter((p) => isPodFailed(p) || isPodTerminating(p)).map(finishedAt));
      if (lastFailure > 0) {
        const delay = Math.min(ctx.timings.jobBackoffInitialMs * 2 ** (failed - 1), ctx.timings.jobBackoffMaxMs);
        const wait = lastFailure + delay - ctx.clock.now();
        if (wait > 0) {
          ctx.enqueueAfter(key, wait);
          say(`back-off ${Math.round(wait / 1000)}s before creating pods after ${failed} failure${failed === 1 ? '' : 's'}`);
          return;
        }
      }
    }
    const paused = burstPausedFor(ctx, this.name, key);
    if (paused > 0) {
      say(`${diff} pods left to create after a burst of ${JOB_BURST}; next burst in ${paused}ms`);
      return;
    }
    diff = Math.min(diff, JOB_BURST);
    let indexes: (number | undefined)[] = new Array(diff).fill(undefined);
    if (indexed) {
      const activeIx = new Set(active.map(completionIndexOf));
      indexes = pendingIndexes(completions ?? 0, completed, activeIx, diff);
    }
    let next = 0;
    const result = slowStartBatch(indexes.length, SLOW_START_INITIAL_BATCH, () => {
      const pod = ctx.api.create(newJobPod(job, indexes[next++]));
      ctx.events.normal(job, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
    });
    if (result.error !== undefined) {
      ctx.events.warning(job, 'FailedCreate', `Error creating: ${errorText(result.error)}`, SOURCE);
      say(`stopped creating after ${result.done} of ${indexes.length} pods: ${errorText(result.error)}`);
    }
    if (result.error !== undefined || wantActive - active.length > JOB_BURST) pauseBurst(ctx, this.name, key);
  }

  private deletePod(job: StoredJob, pod: StoredPod): void {
    if (!this.ctx.api.tryGet('Pod', pod.metadata.namespace, pod.metadata.name!)) return;
    this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name!, { uid: pod.metadata.uid });
    this.ctx.events.normal(job, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
  }

  private removeFinalizers(pods: StoredPod[]): void {
    for (const p of pods) {
      const cur = this.ctx.api.tryGet('Pod', p.metadata.namespace, p.metadata.name!);
      if (!cur || cur.metadata.uid !== p.metadata.uid || !(cur.metadata.finalizers ?? []).includes(TRACKING_FINALIZER)) continue;
      this.ctx.api.mutate('Pod', p.metadata.namespace, p.metadata.name!, (o) => {
        o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
        if (o.metadata.finalizers.length === 0) delete o.metadata.finalizers;
      });
    }
  }
}

/** controller.ActivePods order, most deletable first: unassigned, pending, not ready, newest. */
function rankForDeletion(a: StoredPod, b: StoredPod): number {
  const score = (p: StoredPod) => [p.spec?.nodeName ? 1 : 0, p.status?.phase === 'Pending' ? 0 : 1, isPodReady(p) ? 1 : 0];
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i]! - sb[i]!;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta === tb ? 0 : ta > tb ? -1 : 1;
}

function setCondition(conditions: JobCondition[], c: JobCondition): JobCondition[] {
  const i = conditions.findIndex((x) => x.type === c.type);
  if (i === -1) return [...conditions, c];
  const prev = conditions[i]!;
  if (prev.status === c.status && prev.reason === c.reason && prev.message === c.message) return conditions;
  const out = [...conditions];
  out[i] = c;
  return out;
}

