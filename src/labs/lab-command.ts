/**
 * The `lab` command a learner types in a lab's terminal: `lab`, `lab tasks`, `lab check [TASK]`,
 * `lab hint [TASK]`, `lab solution`, `lab reset`. The lab panel in the page calls the same
 * functions, so the terminal and the panel always agree.
 */
import type { Grader, TaskResult } from '../../graders/lib/index.ts';
import { currentTask, recordResults, score, type LabProgress } from './progress.ts';
import { labView, type LabView } from './lab-view.ts';
import { gradeLab, type LabRun } from './runner.ts';

export interface LabCommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface LabController {
  readonly run: LabRun;
  readonly progress: LabProgress;
  /** Grades one task (default: the current one) and records the result. */
  check(taskId?: string): TaskResult[];
  /** Reveals the next hint of a task; undefined when none is left. */
  hint(taskId?: string): { text: string; cost: number; index: number; of: number } | undefined;
  /** Marks the solution as shown (the learner gave up) and returns it. */
  solution(): string;
  /** What the lab panel shows. */
  view(): LabView;
  /** The command's entry point; returns the exit code. */
  command(args: string[], io: LabCommandIO): Promise<number>;
}

export interface LabControllerOptions {
  grader: Grader;
  /** The reference solution, shown by `lab solution`. */
  solution: string;
  progress: LabProgress;
  /** Starts the lab over (the host rebuilds the cluster and session). */
  reset?: () => Promise<void>;
}

const USAGE = `Usage:
  lab                 show the lab's tasks and your score
  lab tasks           show every task's instructions
  lab check [TASK]    check a task (default: the first one not passed yet)
  lab hint [TASK]     reveal the next hint (hints cost points)
  lab solution        show the reference solution
  lab reset           start the lab over
`;

export function createLabController(run: LabRun, opts: LabControllerOptions): LabController {
  const lab = run.lab;
  const progress = opts.progress;

  const taskOrCurrent = (taskId?: string) => {
    const id = taskId ?? currentTask(lab, progress) ?? lab.tasks[lab.tasks.length - 1]!.id;
    const task = lab.tasks.find((t) => t.id === id);
    if (!task) throw new LabCommandError(`no task "${id}" in this lab; tasks: ${lab.tasks.map((t) => t.id).join(', ')}`);
    return task;
  };

  const controller: LabController = {
    run,
    progress,
    check(taskId) {
      const task = taskOrCurrent(taskId);
      const results = gradeLab(run, opts.grader, [task.id]);
      recordResults(progress, results);
      return results;
    },
    hint(taskId) {
      const task = taskOrCurrent(taskId);
      const shown = progress.hints[task.id] ?? 0;
      const h = task.hints[shown];
      if (!h) return undefined;
      progress.hints[task.id] = shown + 1;
      return { text: h.text, cost: h.cost, index: shown + 1, of: task.hints.length };
    },
    solution() {
      progress.solutionShown = true;
      return opts.solution;
    },
    view() {
      return labView(lab, progress, opts.solution);
    },
    async command(args, io) {
      try {
        const [sub, ...rest] = args;
        switch (sub) {
          case undefined:
          case 'status':
            io.stdout(statusText());
            return 0;
          case 'tasks':
            io.stdout(lab.tasks.map((t, i) => `${i + 1}. ${t.title} (${t.points} points, task "${t.id}")\n\n${indent(t.text.trim())}\n`).join('\n'));
            return 0;
          case 'check': {
            const results = controller.check(rest[0]);
            io.stdout(results.map(resultText).join('\n'));
            const s = score(lab, progress);
            io.stdout(`Score: ${s.earned}/${s.total}\n`);
            return results.every((r) => r.passed) ? 0 : 1;
          }
          case 'hint': {
            const task = taskOrCurrent(rest[0]);
            const h = controller.hint(task.id);
            if (!h) {
              io.stdout(`No more hints for "${task.title}".\n`);
              return 0;
            }
            io.stdout(`Hint ${h.index} of ${h.of} for "${task.title}"${h.cost ? ` (costs ${h.cost} points)` : ''}:\n${indent(h.text.trim())}\n`);
            return 0;
          }
          case 'solution': {
            const text = controller.solution();
            io.stdout(text.endsWith('\n') ? text : text + '\n');
            return 0;
          }
          case 'reset':
            if (!opts.reset) throw new LabCommandError('this terminal cannot reset its lab');
            await opts.reset();
            io.stdout(`Lab "${lab.title}" started over.\n`);
            return 0;
          case 'help':
          case '--help':
          case '-h':
            io.stdout(USAGE);
            return 0;
          default:
            throw new LabCommandError(`unknown subcommand "${sub}"\n${USAGE}`);
        }
      } catch (e) {
        if (e instanceof LabCommandError) {
          io.stderr(`lab: ${e.message}\n`);
          return 2;
        }
        throw e;
      }
    },
  };

  function statusText(): string {
    const s = score(lab, progress);
    const lines = [`${lab.title}`, ''];
    for (const t of lab.tasks) {
      const r = progress.results[t.id];
      const mark = progress.passedOnce.includes(t.id) ? '✓' : r ? '✗' : '·';
      lines.push(`  ${mark} ${t.title} (${t.points} points)`);
    }
    lines.push('', `Score: ${s.earned}/${s.total}`, `Type "lab tasks" for the instructions, "lab check" when a task is done.`, '');
    return lines.join('\n');
  }

  return controller;

  function resultText(r: TaskResult): string {
    const task = lab.tasks.find((t) => t.id === r.task)!;
    const lines = [`Task "${task.title}": ${r.passed ? 'passed' : 'not yet'}`];
    for (const c of r.checks) lines.push(`  ${c.passed ? '✓' : '✗'} ${c.name}${c.passed ? '' : ` — ${c.message}`}`);
    return lines.join('\n') + '\n';
  }
}

export class LabCommandError extends Error {}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `   ${l}` : l))
    .join('\n');
}
