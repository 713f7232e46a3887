/**
 * The grader API. A lab's grader (`graders/<lab-id>.ts`) is:
 *
 *   export default defineGrader({
 *     tasks: {
 *       canary: (ctx) => [expectStatefulSet(ctx, 'quiz').toHavePartition(2), …],
 *     },
 *   });
 *
 * Graders read the cluster through its API only, never through kubectl output.
 */
import type { Check } from './check.ts';
import type { GradeContext } from './context.ts';

export * from './check.ts';
export * from './context.ts';
export * from './expect.ts';
export * from './volume.ts';

export type TaskGrader = (ctx: GradeContext) => (Check | Check[])[];

export interface Grader {
  tasks: Record<string, TaskGrader>;
}

export function defineGrader(grader: Grader): Grader {
  return grader;
}

export interface TaskResult {
  task: string;
  checks: Check[];
  passed: boolean;
}

/** Runs every task's checks. A check that throws counts as failed, with the error as its message. */
export function runGrader(grader: Grader, ctx: GradeContext, taskIds: string[]): TaskResult[] {
  return taskIds.map((task) => {
    const fn = grader.tasks[task];
    let checks: Check[];
    if (!fn) {
      checks = [{ name: 'grader', passed: false, message: `the grader has no checks for task "${task}"` }];
    } else {
      try {
        checks = fn(ctx).flat();
      } catch (e) {
        checks = [{ name: 'grader', passed: false, message: `the grader failed: ${e instanceof Error ? e.message : String(e)}` }];
      }
    }
    if (checks.length === 0) checks = [{ name: 'grader', passed: false, message: `task "${task}" has no checks` }];
    return { task, checks, passed: checks.every((c) => c.passed) };
  });
}
