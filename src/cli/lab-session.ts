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
import { startLab, type LabBundle } from '../labs/runner.ts';
import type { Session } from '../shell/session.ts';
import type { TimeDriver } from '../shell/time.ts';

export const LABS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../labs');

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

/** Starts lab `id` and returns its session (the lab's cluster, set up, in virtual time). */
export async function labSession(id: string, time?: TimeDriver): Promise<Session> {
  const run = await startLab(loadLabBundle(id), time ? { time } : {});
  return run.session;
}
