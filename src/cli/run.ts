/**
 * `kubelab run [--lab ID] [--seed N] [--json] [FILE|-]`: runs a bash script in a fresh session,
 * top-level command by top-level command, in virtual time. Output is printed as a terminal would
 * show it, or with --json as one object per top-level command:
 * `{"cmd","stdout","stderr","exit","clock"}`.
 */
import { readFileSync } from 'node:fs';
import { createSession, type Session } from '../shell/session.ts';
import { splitScript } from '../shell/split-script.ts';
import { labSession } from './lab-session.ts';
import type { CliIO } from './main.ts';

export interface RunOptions {
  lab?: string;
  seed?: number;
  json: boolean;
  /** A file name, or `-`/undefined for stdin. */
  file?: string;
}

export function parseRunArgs(args: string[]): RunOptions | string {
  const opts: RunOptions = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string): string | undefined => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      const v = args[++i];
      if (v === undefined) return undefined;
      return v;
    };
    if (a === '--json') opts.json = true;
    else if (a === '--lab' || a.startsWith('--lab=')) {
      const v = value('lab');
      if (!v) return 'flag needs an argument: --lab';
      opts.lab = v;
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = value('seed');
      if (v === undefined || !/^\d+$/.test(v)) return `invalid --seed ${JSON.stringify(v ?? '')}: want a non-negative integer`;
      opts.seed = Number(v);
    } else if (a === '-' || !a.startsWith('-')) {
      if (opts.file !== undefined) return `more than one script given: ${opts.file}, ${a}`;
      opts.file = a;
    } else return `unknown flag: ${a}`;
  }
  return opts;
}

export async function runScript(session: Session, script: string, json: boolean, io: CliIO): Promise<number> {
  let exit = 0;
  for (const { text } of splitScript(script)) {
    if (json) {
      let stdout = '';
      let stderr = '';
      exit = await session.run(text, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
      const clock = new Date(session.current().clock.now()).toISOString();
      io.stdout(JSON.stringify({ cmd: text, stdout, stderr, exit, clock }) + '\n');
    } else {
      exit = await session.run(text, { stdout: io.stdout, stderr: io.stderr });
    }
  }
  return exit;
}

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const opts = parseRunArgs(args);
  if (typeof opts === 'string') {
    io.stderr(`error: ${opts}\nUsage: kubelab run [--lab ID] [--seed N] [--json] [FILE|-]\n`);
    return 2;
  }
  const session = opts.lab ? await labSession(opts.lab) : createSession({ seed: opts.seed ?? 1 });
  let script: string;
  try {
    script = opts.file === undefined || opts.file === '-' ? await io.readStdin() : readFileSync(opts.file, 'utf8');
  } catch (e) {
    io.stderr(`error: cannot read ${opts.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return runScript(session, script, opts.json, io);
}
