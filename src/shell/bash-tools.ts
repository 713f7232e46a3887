/**
 * The bash commands of just-bash the shell offers — the same set in Node (the CLI, the tests) and
 * in the browser's worker, so a command that works in a test works in the terminal. Left out:
 * what just-bash's browser build does not have (tar, yq, xan, sqlite3) and gzip, gunzip and
 * zcat, whose compression the worker does not carry.
 */
import { defineCommand, getCommandNames, type Command, type CommandName } from 'just-bash';

const NOT_OFFERED = ['tar', 'yq', 'xan', 'sqlite3', 'gzip', 'gunzip', 'zcat'];

export const BASH_TOOLS: readonly CommandName[] = getCommandNames().filter((n) => !NOT_OFFERED.includes(n)) as CommandName[];

/**
 * The left-out commands answer as bash does for a program that is not installed (just-bash
 * would otherwise explain that its browser build lacks them).
 */
export function notInstalledCommands(): Command[] {
  return NOT_OFFERED.map((name) =>
    defineCommand(name, async () => ({ stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 })),
  );
}
