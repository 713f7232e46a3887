/**
 * `kubelab labs [list|check [ID…]]` and `kubelab grade --lab ID [--json] FILE…`. Node only: reads
 * labs/ and graders/ from disk and hands them to src/labs.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkLab, replay, type Finding } from '../labs/check.ts';
import { startLabSession } from '../labs/lab-session.ts';
import { score } from '../labs/progress.ts';
import { LABS_DIR, labIds, loadGrader, loadLabBundle, solutionOf } from './lab-session.ts';
import type { CliIO } from './main.ts';

export async function labsCommand(args: string[], io: CliIO): Promise<number> {
  const [sub = 'list', ...ids] = args;
  if (sub === 'list') {
    for (const id of labIds()) {
      const { lab } = loadLabBundle(id);
      io.stdout(`${id.padEnd(28)} ${lab.difficulty.padEnd(13)} ${String(lab.minutes).padStart(3)} min  ${lab.title}\n`);
    }
    return 0;
  }
  if (sub !== 'check') {
    io.stderr(`error: unknown labs subcommand "${sub}"\nUsage: kubelab labs [list|check [ID...]]\n`);
    return 2;
  }
  const targets = ids.length ? ids : labIds();
  let bad = 0;
  let good = 0;
  for (const id of targets) {
    const started = Date.now();
    let findings: Finding[];
    try {
      const bundle = loadLabBundle(id);
      const folder = join(LABS_DIR, id);
      const wrongDir = join(folder, 'wrong');
      const wrong = existsSync(wrongDir)
        ? readdirSync(wrongDir)
            .filter((f) => f.endsWith('.sh'))
            .sort()
            .map((f) => ({ file: f, script: readFileSync(join(wrongDir, f), 'utf8') }))
        : [];
      findings = await checkLab({ bundle, folder: basename(folder), grader: await loadGrader(id), solution: solutionOf(bundle), wrong });
      if (!bundle.files['solution.sh']) findings.push({ ok: false, what: 'has solution.sh' });
    } catch (e) {
      findings = [{ ok: false, what: 'lab loads and starts', detail: e instanceof Error ? e.message : String(e) }];
    }
    const failed = findings.filter((f) => !f.ok);
    io.stdout(`${failed.length ? '✗' : '✓'} ${id} (${((Date.now() - started) / 1000).toFixed(1)}s)\n`);
    for (const f of findings) {
      if (f.ok) continue;
      io.stdout(`    ✗ ${f.what}\n`);
      if (f.detail) io.stdout(f.detail.replace(/^/gm, '        ') + '\n');
    }
    if (failed.length) bad++;
    else good++;
  }
  io.stdout(`labs: ${good} passed, ${bad} failed\n`);
  return bad ? 1 : 0;
}

export async function gradeCommand(args: string[], io: CliIO): Promise<number> {
  let lab: string | undefined;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lab') lab = args[++i];
    else if (a.startsWith('--lab=')) lab = a.slice(6);
    else if (a === '--json') json = true;
    else if (a.startsWith('-') && a !== '-') {
      io.stderr(`error: unknown flag: ${a}\nUsage: kubelab grade --lab ID [--json] FILE...\n`);
      return 2;
    } else files.push(a);
  }
  if (!lab || files.length === 0) {
    io.stderr('error: kubelab grade needs --lab ID and at least one FILE\nUsage: kubelab grade --lab ID [--json] FILE...\n');
    return 2;
  }
  const bundle = loadLabBundle(lab);
  const grader = await loadGrader(lab);
  let allPassed = true;
  const book: { file: string; earned: number; total: number; tasks: unknown[] }[] = [];
  for (const file of files) {
    const script = file === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
    const controller = await startLabSession(bundle, { grader, solution: solutionOf(bundle) });
    const { results } = await replay(controller, script);
    const s = score(bundle.lab, controller.progress);
    const tasks = bundle.lab.tasks.map((t) => ({ task: t.id, title: t.title, points: t.points, passed: controller.progress.passedOnce.includes(t.id), checks: results[t.id]?.checks ?? [] }));
    if (tasks.some((t) => !t.passed)) allPassed = false;
    book.push({ file, earned: s.earned, total: s.total, tasks });
    if (!json) {
      io.stdout(`${file}: ${s.earned}/${s.total}\n`);
      for (const t of tasks) {
        io.stdout(`  ${t.passed ? '✓' : '✗'} ${t.title} (${t.points} points)\n`);
        for (const c of t.checks) io.stdout(`      ${c.passed ? '✓' : '✗'} ${c.name}${c.passed ? '' : ` — ${c.message}`}\n`);
      }
    }
    controller.run.stop();
  }
  if (json) io.stdout(JSON.stringify({ lab, submissions: book }, null, 2) + '\n');
  return allPassed ? 0 : 1;
}
