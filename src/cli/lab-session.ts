/**
 * `--lab ID` for `kubelab run` and `kubelab shell`: loads labs/<id>/ from disk (lab.yaml and the
 * files beside it) and starts it with the labs runner, so the script runs against the lab's
 * starting cluster. Node only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { LabSchema } from '../labs/schema.ts';
import { pathToFileURL } from 'node:url';
import type { Grader } from '../../graders/lib/index.ts';
import type { LabController } from '../labs/lab-command.ts';
import { startLabSession } from '../labs/lab-session.ts';
import type { LabBundle } from '../labs/runner.ts';
import type { Session } from '../shell/session.ts';
import type { TimeDriver } from '../shell/time.ts';

export const LABS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../labs');
export const GRADERS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../graders');

export class UnknownLabError extends Error {}

/** The ids of the labs on disk (folders with a lab.yaml), sorted. */
export function labIds(dir = LABS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'lab.yaml')))
    .sort();
}

export function loadLabBundle(id: string, dir = LABS_DIR): LabBundle {
  const folder = join(dir, id);
  if (!/^[a-z][a-z0-9-]*$/.test(id) || !existsSync(join(folder, 'lab.yaml'))) {
    const ids = labIds(dir);
    throw new UnknownLabError(`unknown lab "${id}"${ids.length ? `; available labs: ${ids.join(', ')}` : '; there are no labs'}`);
  }
  const lab = LabSchema.parse(load(readFileSync(join(folder, 'lab.yaml'), 'utf8')));
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    const full = join(folder, name);
    if (statSync(full).isFile()) files[name] = readFileSync(full, 'utf8');
  }
  return { lab, files };
}

/** The default export of graders/<id>.ts. */
export async function loadGrader(id: string, dir = GRADERS_DIR): Promise<Grader> {
  const file = join(dir, `${id}.ts`);
  if (!existsSync(file)) throw new UnknownLabError(`lab "${id}" has no grader (graders/${id}.ts)`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: Grader };
  if (!mod.default?.tasks) throw new UnknownLabError(`graders/${id}.ts has no default export made with defineGrader`);
  return mod.default;
}

/** The lab's reference solution (labs/<id>/solution.sh), or '' when there is none. */
export function solutionOf(bundle: LabBundle): string {
  return bundle.files['solution.sh'] ?? '';
}

/** Starts lab `id` with its grader: the session has the `lab` command. */
export async function labController(id: string, time?: TimeDriver): Promise<LabController> {
  const bundle = loadLabBundle(id);
  const grader = await loadGrader(id);
  return startLabSession(bundle, { grader, solution: solutionOf(bundle), ...(time ? { time } : {}) });
}

/** Starts lab `id` and returns its session (the lab's cluster, set up, in virtual time). */
export async function labSession(id: string, time?: TimeDriver): Promise<Session> {
  return (await labController(id, time)).run.session;
}
