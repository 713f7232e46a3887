/**
 * `watch [-n SECS] [-t] COMMAND…`: runs the command again and again, clearing the screen before
 * each round, as procps' watch does (the command runs through `sh -c`, so aliases do not apply,
 * as with the real one). In real time it runs until Ctrl-C; in virtual time (headless) it stops
 * once the cluster is quiet, as `kubectl get -w` does.
 */
import { defineCommand, type Command } from 'just-bash';
import { virtualTime } from '../time.ts';
import type { ShellServices } from '../services.ts';
import { TTY_ENV } from '../terminal-transform.ts';
import { CLEAR_SEQUENCE } from './history.ts';
import { strftime } from './date.ts';

/** Rounds a headless watch may take at most. */
const HEADLESS_ROUNDS = 60;
const WIDTH = 80;

function header(interval: number, command: string, now: number): string {
  const left = `Every ${interval.toFixed(1)}s: ${command}`;
  const right = `controlplane: ${strftime(now, '%a %b %e %H:%M:%S %Y')}`;
  const gap = Math.max(1, WIDTH - left.length - right.length);
  return `${left}${' '.repeat(gap)}${right}\n\n`;
}

export function watchCommand(s: ShellServices): Command {
  return defineCommand('watch', async (args, ctx) => {
    let interval = 2;
    let title = true;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-n' || a === '--interval') interval = Number(args[++i]);
      else if (a.startsWith('--interval=')) interval = Number(a.slice(11));
      else if (/^-n\d/.test(a)) interval = Number(a.slice(2));
      else if (a === '-t' || a === '--no-title') title = false;
      else if (a === '-d' || a === '--differences' || a === '-c' || a === '--color') continue;
      else if (a === '--') {
        i++;
        break;
      } else if (a.startsWith('-')) return { stdout: '', stderr: `watch: invalid option -- '${a.replace(/^-+/, '')}'\n`, exitCode: 1 };
      else break;
    }
    const words = args.slice(i);
    if (words.length === 0) return { stdout: '', stderr: 'Usage:\n watch [options] command\n', exitCode: 1 };
    if (!Number.isFinite(interval) || interval <= 0) return { stdout: '', stderr: `watch: failed to parse argument: '${args[i - 1]}'\n`, exitCode: 1 };
    interval = Math.max(0.1, interval);
    const command = words.join(' ');
    const tty = ctx.env.get(TTY_ENV) === '1';
    let stdout = '';
    const write = (t: string) => {
      if (tty) s.terminal().stdout(t);
      else stdout += t;
    };
    const headless = s.time === virtualTime;
    for (let round = 0; ; round++) {
      const cluster = s.current();
      const r = ctx.exec ? await ctx.exec(command, { cwd: ctx.cwd, signal: ctx.signal }) : { stdout: '', stderr: 'watch: cannot run commands here\n' };
      write(CLEAR_SEQUENCE + (title ? header(interval, command, cluster.clock.now()) : '') + r.stdout + r.stderr);
      if (ctx.signal?.aborted) return { stdout, stderr: '', exitCode: 130 };
      if (headless && (round + 1 >= HEADLESS_ROUNDS || !cluster.clock.busy())) break;
      await s.time.sleep(cluster, Math.round(interval * 1000), ctx.signal);
      if (ctx.signal?.aborted) return { stdout, stderr: '', exitCode: 130 };
    }
    return { stdout, stderr: '', exitCode: 0 };
  });
}
