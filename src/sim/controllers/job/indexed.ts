/**
 * Indexed Jobs (pkg/controller/job/indexed_job_utils.go): the completion index of a pod, the
 * `completedIndexes` interval string, and which indexes still need a pod.
 */
import type { StoredPod } from '../pod-status.ts';

export const INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';

/** getCompletionIndex: the pod's index annotation, or -1. */
export function completionIndexOf(pod: StoredPod): number {
  const v = pod.metadata.annotations?.[INDEX_ANNOTATION] ?? pod.metadata.labels?.[INDEX_ANNOTATION];
  if (v === undefined || !/^[0-9]+$/.test(v)) return -1;
  return Number(v);
}

/** Parses `1,3-5,7` into a sorted set of indexes. */
export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-');
    const lo = Number(a);
    const hi = b === undefined ? lo : Number(b);
    for (let i = lo; i <= hi; i++) out.add(i);
  }
  return out;
}

/** Formats indexes as upstream's orderedIntervals String(): `1,3-5,7`. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** firstPendingIndexes: the lowest `count` indexes below `completions` with no success and no active pod. */
export function pendingIndexes(completions: number, succeeded: ReadonlySet<number>, active: ReadonlySet<number>, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) {
    if (!succeeded.has(i) && !active.has(i)) out.push(i);
  }
  return out;
}
