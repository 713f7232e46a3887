/**
 * `kubectl --help` and `kubectl <verb> --help`.
 */
import type { KubectlCommand } from './command.ts';

export function rootHelp(commands: readonly { name: string; short: string }[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 3;
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}${c.short}`);
  return [
    'kubectl controls the Kubernetes cluster manager.',
    '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    '',
    'Commands:',
    ...lines,
    '',
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
    '',
  ].join('\n');
}

export function commandHelp(cmd: KubectlCommand, verb: string): string {
  const out: string[] = [cmd.short, ''];
  if (cmd.subcommands?.length) {
    const width = Math.max(...cmd.subcommands.map((c) => c.name.length)) + 3;
    out.push('Available Commands:');
    for (const s of cmd.subcommands) out.push(`  ${s.name.padEnd(width)}${s.short}`);
    out.push('');
  }
  const visible = cmd.flags.filter((f) => !f.hidden);
  if (visible.length) {
    out.push('Options:');
    for (const f of visible) {
      const name = f.short ? `-${f.short}, --${f.name}` : `    --${f.name}`;
      const def = f.default === undefined || f.default === '' ? '' : `=${Array.isArray(f.default) ? `[${f.default.join(',')}]` : f.default}`;
      out.push(`    ${name}${def}:`, `\t${f.help}`, '');
    }
  }
  out.push('Usage:', `  ${cmd.usage}`, '');
  out.push(`Use "kubectl options" for a list of global command-line options (applies to all commands).`, '');
  void verb;
  return out.join('\n');
}
