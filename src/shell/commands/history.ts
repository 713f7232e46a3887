/**
 * `history` (`history N`, `history -c`) and `clear`, which need the session rather than the
 * per-line shell just-bash runs.
 */
import { defineCommand, type Command } from 'just-bash';
import type { ShellServices } from '../services.ts';

export function historyCommand(s: ShellServices): Command {
  return defineCommand('history', async (args) => {
    if (args[0] === '-c') {
      s.clearHistory();
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    const all = s.history();
    let shown = all.map((line, i) => ({ n: i + 1, line }));
    if (args[0] !== undefined) {
      const n = Number(args[0]);
      if (!Number.isInteger(n) || n < 0) {
        return { stdout: '', stderr: `bash: history: ${args[0]}: numeric argument required\n`, exitCode: 1 };
      }
      shown = n === 0 ? [] : shown.slice(-n);
    }
    return { stdout: shown.map((h) => `${String(h.n).padStart(5)}  ${h.line}\n`).join(''), stderr: '', exitCode: 0 };
  });
}

/** Clears the screen and the scrollback, as `clear` does in xterm. */
export const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J';

export function clearCommand(): Command {
  return defineCommand('clear', async () => ({ stdout: CLEAR_SEQUENCE, stderr: '', exitCode: 0 }));
}
