/// <reference types="vite/client" />
/**
 * Labs for the browser: every `labs/<id>/*` file (lab.yaml, manifests, solution.sh — not the
 * `wrong/` answers) and every `graders/<id>.ts`, bundled by Vite as lazy chunks, so a terminal only
 * downloads the lab it runs.
 */
import { load } from 'js-yaml';
import type { Grader } from '../../graders/lib/index.ts';
import type { LabBundle } from '../labs/runner.ts';
import { LabSchema } from '../labs/schema.ts';

const LAB_FILES = import.meta.glob('../../labs/*/*', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;
const GRADERS = import.meta.glob('../../graders/*.ts') as Record<string, () => Promise<{ default?: Grader }>>;

export interface LoadedLab {
  bundle: LabBundle;
  grader: Grader;
  /** labs/<id>/solution.sh, or '' without one. */
  solution: string;
}

/** The ids of the labs bundled into the site. */
export function bundledLabIds(): string[] {
  const ids = new Set<string>();
  for (const path of Object.keys(LAB_FILES)) {
    const m = /\/labs\/([^/]+)\/lab\.yaml$/.exec(path);
    if (m) ids.add(m[1]!);
  }
  return [...ids].sort();
}

export async function loadLab(id: string): Promise<LoadedLab> {
  const prefix = `../../labs/${id}/`;
  const entries = Object.entries(LAB_FILES).filter(([path]) => path.startsWith(prefix));
  const yaml = entries.find(([path]) => path === `${prefix}lab.yaml`);
  if (!yaml) {
    const ids = bundledLabIds();
    throw new Error(`unknown lab "${id}"${ids.length ? `; labs: ${ids.join(', ')}` : ''}`);
  }
  const files: Record<string, string> = {};
  for (const [path, read] of entries) files[path.slice(prefix.length)] = await read();
  const lab = LabSchema.parse(load(files['lab.yaml']!));
  const graderModule = await GRADERS[`../../graders/${id}.ts`]?.();
  if (!graderModule?.default) throw new Error(`lab "${id}" has no grader (graders/${id}.ts)`);
  return { bundle: { lab, files }, grader: graderModule.default, solution: files['solution.sh'] ?? '' };
}
