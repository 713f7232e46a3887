/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): deletes a finished Job
 * (and, through the garbage collector, its pods) `ttlSecondsAfterFinished` after it finished.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { parseTime } from '../clock.ts';
import { metaKey, splitMetaKey, type K8s, type Stored, type WatchEvent } from '../apiserver/types.ts';
import type { Controller, ControllerContext } from './controller.ts';

/** The time the job finished: completionTime, else the Complete/Failed condition's transition. */
export function finishTime(job: Stored<K8s<Job>>): number | undefined {
  const cond = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  if (!cond) return undefined;
  return parseTime(job.status?.completionTime) ?? parseTime(cond.lastTransitionTime);
}

export class TtlAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished';
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    if (ev.object.kind === 'Job' && ev.type !== 'DELETED' && ev.object.spec?.ttlSecondsAfterFinished != null) {
      this.ctx.enqueue(metaKey(ev.object));
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const job = this.ctx.api.tryGet('Job', namespace, name) as Stored<K8s<Job>> | undefined;
    if (!job || job.metadata.deletionTimestamp) return;
    const ttl = job.spec?.ttlSecondsAfterFinished;
    const done = finishTime(job);
    if (ttl === undefined || ttl === null || done === undefined) return;
    const expire = done + ttl * 1000;
    const now = this.ctx.clock.now();
    if (now < expire) {
      this.ctx.enqueueAfter(key, expire - now);
      this.ctx.explain.add(this.name, { kind: 'Job', namespace, name }, `deleting in ${Math.ceil((expire - now) / 1000)}s (ttlSecondsAfterFinished ${ttl})`);
      return;
    }
    this.ctx.api.delete('Job', namespace, name, { propagationPolicy: 'Foreground', uid: job.metadata.uid });
    this.ctx.explain.add(this.name, { kind: 'Job', namespace, name }, `deleted: finished ${ttl}s ago (ttlSecondsAfterFinished)`);
  }
}
