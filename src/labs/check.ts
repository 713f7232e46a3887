/**
 * Labs that check themselves (`kubelab labs check`): for each lab, the starting state fails every
 * task, the reference solution passes every task, and every near-miss answer in `wrong/` fails the
 * check its first line names (`# fails: <task>/<check name>`). A lab whose grader cannot fail is
 * a defect, and so is a solution that does not pass.
 */
import type { Grader, TaskResult } from '../../graders/lib/index.ts';
import { splitScript } from '../shell/split-script.ts';
import type { LabController } from './lab-command.ts';
import { startLabSession } from './lab-session.ts';
import type { LabBundle } from './runner.ts';

export interface WrongAnswer {
  file: string;
  script: string;
}

export interface LabCheckInput {
  bundle: LabBundle;
  /** Folder name, which must equal the lab's id. */
  folder: string;
  grader: Grader;
  solution: string;
  wrong: WrongAnswer[];
}

export interface Finding {
  ok: boolean;
  what: string;
  detail?: string;
}

/** `# fails: canary/partition is 2` → { task: 'canary', check: 'partition is 2' }. */
export function expectedFailure(script: string): { task: string; check: string } | undefined {
  const first = script.split('\n').find((l) => l.trim() !== '');
  const m = /^#\s*fails:\s*([a-z][a-z0-9-]*)\/(.+?)\s*$/.exec(first ?? '');
  return m ? { task: m[1]!, check: m[2]! } : undefined;
}

/** Runs a script command by command, then grades every task the script did not check itself. */
export async function replay(controller: LabController, script: string): Promise<{ results: Record<string, TaskResult>; transcript: string }> {
  let transcript = '';
  for (const { text } of splitScript(script)) {
    transcript += `$ ${text}\n`;
    const code = await controller.run.session.run(text, {
      stdout: (s) => (transcript += s),
      stderr: (s) => (transcript += s),
    });
    if (code !== 0) transcript += `[exit ${code}]\n`;
  }
  const lab = controller.run.lab;
  const unchecked = lab.tasks.map((t) => t.id).filter((id) => !controller.progress.results[id]);
  for (const id of unchecked) controller.check(id);
  return { results: controller.progress.results, transcript };
}

export async function checkLab(input: LabCheckInput): Promise<Finding[]> {
  const { bundle, grader, solution } = input;
  const lab = bundle.lab;
  const findings: Finding[] = [];
  const note = (ok: boolean, what: string, detail?: string) => findings.push({ ok, what, detail });

  note(lab.id === input.folder, 'id matches its folder', lab.id === input.folder ? undefined : `lab.yaml says "${lab.id}", folder is "${input.folder}"`);
  const missing = lab.tasks.filter((t) => !grader.tasks[t.id]).map((t) => t.id);
  const extra = Object.keys(grader.tasks).filter((id) => !lab.tasks.some((t) => t.id === id));
  note(missing.length === 0 && extra.length === 0, 'grader covers exactly the tasks', [
    missing.length ? `no checks for: ${missing.join(', ')}` : '',
    extra.length ? `checks for unknown tasks: ${extra.join(', ')}` : '',
  ].filter(Boolean).join('; ') || undefined);

  const start = () => startLabSession(bundle, { grader, solution });

  // The starting state must fail every task.
  {
    const c = await start();
    const results = lab.tasks.map((t) => c.check(t.id)[0]!);
    const passing = results.filter((r) => r.passed).map((r) => r.task);
    note(passing.length === 0, 'starting state fails every task', passing.length ? `already passing: ${passing.join(', ')}` : undefined);
    c.run.stop();
  }

  // The solution must pass every task.
  {
    const c = await start();
    const { results, transcript } = await replay(c, solution);
    const failing = lab.tasks.filter((t) => !c.progress.passedOnce.includes(t.id) || !results[t.id]?.passed);
    note(
      failing.length === 0,
      'solution.sh passes every task',
      failing.length
        ? failing.map((t) => `${t.id}: ${(results[t.id]?.checks ?? []).filter((x) => !x.passed).map((x) => `${x.name} — ${x.message}`).join('; ')}`).join('\n') + `\n--- transcript ---\n${transcript}`
        : undefined,
    );
    const failures = c.run.cluster.failures;
    note(failures.length === 0, 'no controller failed during the solution', failures.map((f) => `${f.controller} ${f.key}: ${f.message}`).join('\n') || undefined);
    c.run.stop();
  }

  // Every wrong answer must fail the check it names.
  note(input.wrong.length >= 2, 'at least two near-miss answers', input.wrong.length >= 2 ? undefined : `found ${input.wrong.length}`);
  for (const w of input.wrong) {
    const expected = expectedFailure(w.script);
    if (!expected) {
      note(false, `wrong/${w.file} names the check it must fail`, 'its first line must be "# fails: <task>/<check name>"');
      continue;
    }
    const c = await start();
    const { results, transcript } = await replay(c, w.script);
    const r = results[expected.task];
    const target = r?.checks.find((x) => x.name === expected.check);
    const ok = Boolean(target && !target.passed);
    note(
      ok,
      `wrong/${w.file} fails "${expected.task}/${expected.check}"`,
      ok
        ? undefined
        : !r
          ? `task "${expected.task}" does not exist`
          : !target
            ? `no check named "${expected.check}" in task "${expected.task}"; checks: ${r.checks.map((x) => x.name).join(', ')}`
            : `the check passed: ${target.message}\n--- transcript ---\n${transcript}`,
    );
    c.run.stop();
  }
  return findings;
}
