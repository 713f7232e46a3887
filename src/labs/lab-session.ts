/**
 * A lab's terminal: the lab's cluster and Session with the `lab` command registered, and the
 * controller that grades it. Used by the browser worker, `kubelab run --lab`, `kubelab grade` and
 * `kubelab labs check`.
 */
import { defineCommand } from 'just-bash';
import type { Grader } from '../../graders/lib/index.ts';
import type { SessionOptions } from '../shell/session.ts';
import { createLabController, type LabController } from './lab-command.ts';
import { newProgress, type LabProgress } from './progress.ts';
import { startLab, type LabBundle } from './runner.ts';

export interface LabSessionOptions extends Omit<SessionOptions, 'clusters' | 'files' | 'commands'> {
  grader: Grader;
  /** The reference solution (solution.sh), shown by `lab solution`. */
  solution: string;
  /** Progress to continue from (after a reload). */
  progress?: LabProgress;
  /** How `lab reset` starts over; absent, the command says it cannot. */
  reset?: () => Promise<void>;
}

export async function startLabSession(bundle: LabBundle, opts: LabSessionOptions): Promise<LabController> {
  let controller: LabController | undefined;
  const lab = defineCommand('lab', async (args) => {
    let stdout = '';
    let stderr = '';
    const code = controller
      ? await controller.command(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) })
      : ((stderr = 'lab: the lab is still starting\n'), 1);
    return { stdout, stderr, exitCode: code };
  });
  const { grader, solution, progress, reset, ...sessionOptions } = opts;
  const run = await startLab(bundle, { ...sessionOptions, commands: [lab] });
  controller = createLabController(run, {
    grader,
    solution,
    progress: progress ?? newProgress(bundle.lab, run.cluster.clock.now()),
    reset,
  });
  return controller;
}
