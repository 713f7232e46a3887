/**
 * A learner's progress in one lab: the latest result of every task's checks, the hints revealed,
 * whether the solution was shown. Plain data, saved with the session.
 */
import type { TaskResult } from '../../graders/lib/index.ts';
import type { Lab } from './schema.ts';

export interface LabProgress {
  labId: string;
  /** Latest check of each task. */
  results: Record<string, TaskResult>;
  /** Tasks that passed at least once (a later regression does not take the pass away). */
  passedOnce: string[];
  /** Hints revealed per task (how many, from the gentlest). */
  hints: Record<string, number>;
  /** True once the learner gave up and looked at the solution. */
  solutionShown: boolean;
  /** Virtual time the lab started at. */
  startedAt: number;
}

export function newProgress(lab: Lab, startedAt: number): LabProgress {
  return { labId: lab.id, results: {}, passedOnce: [], hints: {}, solutionShown: false, startedAt };
}

export function recordResults(progress: LabProgress, results: TaskResult[]): void {
  for (const r of results) {
    progress.results[r.task] = r;
    if (r.passed && !progress.passedOnce.includes(r.task)) progress.passedOnce.push(r.task);
  }
}

/** The first task that has not passed yet, or undefined when the lab is done. */
export function currentTask(lab: Lab, progress: LabProgress): string | undefined {
  return lab.tasks.find((t) => !progress.passedOnce.includes(t.id))?.id;
}

/**
 * Score: a passed task earns its points less the cost of the hints revealed for it; a task not
 * passed earns its share of passing checks from its latest result, less hint costs. Never negative.
 */
export function score(lab: Lab, progress: LabProgress): { earned: number; total: number } {
  let earned = 0;
  let total = 0;
  for (const task of lab.tasks) {
    total += task.points;
    const hintCost = task.hints.slice(0, progress.hints[task.id] ?? 0).reduce((s, h) => s + h.cost, 0);
    let got = 0;
    if (progress.passedOnce.includes(task.id)) got = task.points;
    else {
      const r = progress.results[task.id];
      if (r && r.checks.length) got = (task.points * r.checks.filter((c) => c.passed).length) / r.checks.length;
    }
    earned += Math.max(0, Math.round(got - hintCost));
  }
  return { earned, total };
}
