/**
 * `kubelab shell [--lab ID]`: the learner's shell on a real terminal. Real time (the cluster's
 * clock follows the wall clock), readline for line editing, history and tab completion, Ctrl-C
 * to stop a running command, Ctrl-D or `exit` to leave.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createSession, type Session } from '../shell/session.ts';
import { isIncomplete } from '../shell/split-script.ts';
import { RealTimeDriver } from '../worker/real-time.ts';
import { labSession } from './lab-session.ts';
import type { CliIO } from './main.ts';

export async function shellCommand(args: string[], io: CliIO): Promise<number> {
  let lab: string | undefined;
  let seed = 1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lab') lab = args[++i];
    else if (a.startsWith('--lab=')) lab = a.slice(6);
    else if (a === '--seed' && /^\d+$/.test(args[i + 1] ?? '')) seed = Number(args[++i]);
    else {
      io.stderr(`error: unknown argument ${a}\nUsage: kubelab shell [--lab ID] [--seed N]\n`);
      return 2;
    }
  }
  const time = new RealTimeDriver();
  const session: Session = lab ? await labSession(lab, time) : createSession({ seed, time, editor: terminalEditor });
  for (const c of session.clusters) time.attach(c);
  time.start();
  try {
    return await interact(session, time);
  } finally {
    time.stop();
  }
}

/**
 * `vim`, `nano` and `kubectl edit` open the learner's own editor ($VISUAL, $EDITOR, else vi) on a
 * temporary copy; the saved copy becomes the new content. Null when the editor cannot start.
 */
async function terminalEditor(file: string, content: string, mode: 'vim' | 'nano' | 'edit'): Promise<string | null> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-'));
  const path = join(dir, basename(file) || 'file');
  try {
    writeFileSync(path, content);
    const editor = process.env.VISUAL || process.env.EDITOR || (mode === 'nano' ? 'nano' : 'vi');
    // $EDITOR may carry arguments ("code --wait"), so it goes through the shell; the path is quoted.
    const r = spawnSync(`${editor} '${path.replace(/'/g, `'\\''`)}'`, { stdio: 'inherit', shell: true });
    if (r.error || r.status !== 0) return null;
    return readFileSync(path, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function interact(session: Session, time: RealTimeDriver): Promise<number> {
  return new Promise((resolve) => {
    const rl = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY === true,
      historySize: 1000,
      completer: (line: string, callback: (err: null, result: [string[], string]) => void) => {
        const cursor = (rl as unknown as { cursor?: number }).cursor ?? line.length;
        session.complete(line, cursor).then(
          (c) => callback(null, [c.candidates, line.slice(c.replaceFrom, cursor)]),
          () => callback(null, [[], '']),
        );
      },
    });
    let running: AbortController | undefined;
    let pending = '';
    let lastExit = 0;
    const prompt = () => {
      rl.setPrompt(pending ? '> ' : session.prompt());
      rl.prompt();
    };
    rl.on('SIGINT', () => {
      if (running) {
        running.abort();
        return;
      }
      pending = '';
      process.stdout.write('^C\n');
      prompt();
    });
    // Lines are handled one after the other, even when pasted or piped in faster than they run.
    let chain: Promise<void> = Promise.resolve();
    let closed = false;
    let exited = false;
    rl.on('close', () => {
      closed = true;
      void chain.then(() => {
        process.stdout.write('\n');
        resolve(lastExit);
      });
    });
    rl.on('line', (line) => {
      chain = chain.then(() => handle(line));
    });
    const handle = async (line: string): Promise<void> => {
      if (closed && exited) return;
      const text = pending ? `${pending}\n${line}` : line;
      const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(text);
      if (exit) {
        lastExit = exit[1] ? Number(exit[1]) : lastExit;
        exited = true;
        rl.close();
        return;
      }
      if (isIncomplete(text)) {
        pending = text;
        prompt();
        return;
      }
      pending = '';
      rl.pause();
      running = new AbortController();
      time.tick();
      lastExit = await session.run(text, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        signal: running.signal,
      });
      running = undefined;
      if (!closed) {
        rl.resume();
        prompt();
      }
    };
    prompt();
  });
}
