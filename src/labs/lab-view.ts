/**
 * What the lab panel in the page shows, as plain data computed from the lab and the learner's
 * progress: each task with its latest checks, the hints revealed so far and the cost of the next,
 * the score, and the reference solution once it may be shown (every task passed, or the learner
 * gave up). Hint texts not yet revealed and the solution before then never leave the worker.
 */
import { score, type LabProgress } from './progress.ts';
import type { Lab } from './schema.ts';

export interface LabCheckView {
  name: string;
  passed: boolean;
  message: string;
}

export interface LabTaskView {
  id: string;
  title: string;
  /** Markdown. */
  text: string;
  points: number;
  /** Passed at least once. */
  passed: boolean;
  /** The latest check of the task, if it was checked. */
  result?: { passed: boolean; checks: LabCheckView[] };
  /** The hints revealed so far, gentlest first (markdown). */
  hints: { text: string; cost: number }[];
  /** How many hints the task has in all. */
  hintCount: number;
  /** What revealing the next hint costs; undefined when none is left. */
  nextHintCost?: number;
}

export interface LabView {
  id: string;
  title: string;
  summary: string;
  tasks: LabTaskView[];
  score: { earned: number; total: number };
  /** Every task passed at least once. */
  done: boolean;
  /** The learner gave up and asked for the solution. */
  gaveUp: boolean;
  /** The reference solution, present only once it may be shown (done or gave up). */
  solution?: string;
}

export function labView(lab: Lab, progress: LabProgress, solution: string): LabView {
  const tasks = lab.tasks.map((t): LabTaskView => {
    const shown = Math.min(progress.hints[t.id] ?? 0, t.hints.length);
    const r = progress.results[t.id];
    return {
      id: t.id,
      title: t.title,
      text: t.text,
      points: t.points,
      passed: progress.passedOnce.includes(t.id),
      result: r ? { passed: r.passed, checks: r.checks.map((c) => ({ name: c.name, passed: c.passed, message: c.message })) } : undefined,
      hints: t.hints.slice(0, shown).map((h) => ({ text: h.text, cost: h.cost })),
      hintCount: t.hints.length,
      nextHintCost: t.hints[shown]?.cost,
    };
  });
  const done = tasks.every((t) => t.passed);
  const gaveUp = progress.solutionShown;
  return {
    id: lab.id,
    title: lab.title,
    summary: lab.summary,
    tasks,
    score: score(lab, progress),
    done,
    gaveUp,
    solution: done || gaveUp ? solution : undefined,
  };
}
