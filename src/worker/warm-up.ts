/**
 * Once the prompt is up, the worker fetches the code it left out of its first download: every
 * kubectl verb, then every bash command (just-bash keeps each command in a chunk of its own). So
 * no command waits for its code the first time it runs, and a terminal keeps working after the
 * network goes away. Commands are loaded one at a time, by running `NAME --help` in a shell of
 * its own (just-bash offers no other way to load a command), and never while a command of the
 * learner's runs.
 */
import { Bash } from 'just-bash';
import { loadAllVerbs } from '../kubectl/commands/index.ts';
import { BASH_TOOLS } from '../shell/bash-tools.ts';

/** How long to wait before looking again while the learner's command runs (ms). */
const BUSY_RETRY_MS = 200;

let started = false;

/** Starts the warm-up (once per worker); `isBusy` says whether a learner's command is running. */
export function warmUp(isBusy: () => boolean): void {
  if (started) return;
  started = true;
  const pending = [...BASH_TOOLS];
  let shell: Bash | undefined;
  const next = async (): Promise<void> => {
    if (isBusy()) {
      setTimeout(() => void next(), BUSY_RETRY_MS);
      return;
    }
    const name = pending.shift();
    if (name === undefined) return;
    shell ??= new Bash({ commands: [...BASH_TOOLS] });
    await shell.exec(`${name} --help </dev/null >/dev/null 2>&1`).catch(() => undefined);
    setTimeout(() => void next());
  };
  setTimeout(() => {
    void loadAllVerbs()
      .catch(() => undefined)
      .then(() => next());
  });
}
