/**
 * kubectl options: the flags every command inherits (kubectl/pkg/cmd/options/options.go). Its Run
 * is cmd.Usage() with the options usage template, written to stdout; its help template is empty,
 * so `kubectl options --help` prints nothing.
 */
import type { KubectlCommand } from '../command.ts';
import { globalOptionsUsage } from '../help.ts';

export const options: KubectlCommand = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  long: 'Print the list of flags inherited by all commands',
  example: `
    # Print flags inherited by all commands
    kubectl options`,
  helpText: '',
  usage: 'kubectl options',
  flags: [],
  async run(inv) {
    inv.io.out(globalOptionsUsage());
    return 0;
  },
};
