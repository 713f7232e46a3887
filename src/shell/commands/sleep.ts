/**
 * `sleep N[smhd]…`: lets cluster time pass through the session's TimeDriver (virtual time jumps
 * headless, real time in the browser). Texts follow GNU coreutils' sleep.
 */
import { defineCommand, type Command } from 'just-bash';
import type { ShellServices } from '../services.ts';
import { virtualTime } from '../time.ts';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds of one `sleep` operand, or undefined when it is not a valid interval. */
export function parseSleepOperand(word: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(word);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNIT_MS[m[2]!]!);
}

export function sleepCommand(s: ShellServices): Command {
  return defineCommand('sleep', async (args, ctx) => {
    const operands = args.filter((a) => a !== '--');
    if (operands.length === 0) {
      return { stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 };
    }
    let total = 0;
    for (const a of operands) {
      const ms = parseSleepOperand(a);
      if (ms === undefined) {
        return { stdout: '', stderr: `sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`, exitCode: 1 };
      }
      total += ms;
    }
    const current = s.current();
    const before = current.clock.now();
    await s.time.sleep(current, total, ctx.signal);
    if (s.time === virtualTime) {
      // Time passes everywhere: the other contexts' clusters move on by as much.
      const passed = current.clock.now() - before;
      for (const c of s.clusters) if (c !== current) c.advance(passed);
    }
    if (ctx.signal?.aborted) return { stdout: '', stderr: '', exitCode: 130 };
    return { stdout: '', stderr: '', exitCode: 0 };
  });
}
