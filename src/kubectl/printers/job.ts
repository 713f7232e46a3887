/** `kubectl get jobs`: printers.go printJob (STATUS, COMPLETIONS and DURATION). */
import type { Job } from 'kubernetes-types/batch/v1';
import { formatLabelSelector } from '../../sim/apiserver/selectors.ts';
import { parseTime } from '../../sim/clock.ts';
import { age, humanDuration } from '../format/duration.ts';
import { containerCells } from './pod-template.ts';
import type { KindPrinter } from './types.ts';

export const jobPrinter: KindPrinter = {
  kind: 'Job',
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Completions' },
    { name: 'Duration' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { now }) {
    const job = obj as Job;
    return [
      job.metadata!.name!,
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      age(job.metadata?.creationTimestamp, now),
      ...containerCells(job.spec?.template),
      formatLabelSelector(job.spec?.selector),
    ];
  },
};

function hasCondition(job: Job, type: string): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

export function jobStatus(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

export function jobDuration(job: Job, now: number): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}
