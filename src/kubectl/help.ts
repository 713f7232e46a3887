/**
 * `kubectl --help` and `kubectl <verb> --help`.
 */
import type { KubectlCommand } from './command.ts';
import { GLOBAL_FLAGS, type FlagSpec } from './flags.ts';

/**
 * The command groups of `kubectl --help`, in NewKubectlCommand's order
 * (staging/src/k8s.io/kubectl/pkg/cmd/cmd.go); commands in no group go under "Other Commands:".
 */
const ROOT_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ['Basic Commands (Beginner):', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate):', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands:', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands:', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  [
    'Troubleshooting and Debugging Commands:',
    ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
  ],
  ['Advanced Commands:', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands:', ['label', 'annotate', 'completion']],
];

/** Commands the root help leaves out: cmd.go passes `filters := []string{"options"}` to ActsAsRootCommand. */
const ROOT_FILTERED: readonly string[] = ['options'];

/**
 * `kubectl --help`: the root's Long as LongDesc renders it, the command groups (each name padded
 * to the longest command name, as cmdGroupsString does for the root), Usage and the two tips.
 */
export function rootHelp(commands: readonly { name: string; short: string }[]): string {
  const pad = Math.max(11, ...commands.map((c) => c.name.length));
  const line = (c: { name: string; short: string }) => `  ${c.name.padEnd(pad)}   ${c.short}`;
  const grouped = new Set([...ROOT_GROUPS.flatMap(([, names]) => names), ...ROOT_FILTERED]);
  const sections = ROOT_GROUPS.map(([title, names]) => {
    const members = names.flatMap((n) => commands.filter((c) => c.name === n));
    return [title, ...members.map(line)].join('\n');
  });
  const others = commands.filter((c) => !grouped.has(c.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  sections.push(['Other Commands:', ...others.map(line)].join('\n'));
  return [
    'kubectl controls the Kubernetes cluster manager.',
    '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    '',
    sections.join('\n\n'),
    '',
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
    'Use "kubectl options" for a list of global command-line options (applies to all commands).',
    '',
  ].join('\n');
}

/**
 * `kubectl <verb> --help`: the help template of staging/src/k8s.io/kubectl/pkg/util/templates
 * (templates.go MainHelpTemplate and MainUsageTemplate, templater.go): the long description (or
 * the short one), then Aliases, Examples, Available Commands, Options, Usage (with ` [options]` appended
 * unless the line has it), and the two tips.
 */
export function commandHelp(cmd: KubectlCommand, verb: string): string {
  let out = (cmd.long ?? cmd.short).trim() + '\n\n';
  if (cmd.aliases?.length) out += `Aliases:\n${[cmd.name, ...cmd.aliases].join(', ')}\n\n`;
  if (cmd.example) {
    // templates.Examples: every line trimmed and indented by two spaces.
    out += 'Examples:\n' + cmd.example.trim().split('\n').map((l) => `  ${l.trim()}`).join('\n').trimEnd() + '\n\n';
  }
  if (cmd.subcommands?.length) {
    out += 'Available Commands:\n' + subcommandLines(cmd.subcommands).join('\n') + '\n\n';
  }
  const visible = cmd.flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (visible.length) out += 'Options:\n' + visible.map(flagUsage).join('').trimEnd() + '\n\n';
  const usage = cmd.usage.includes('[options]') ? cmd.usage : `${cmd.usage} [options]`;
  out += `Usage:\n  ${usage}\n\n`;
  if (cmd.subcommands?.length) out += `Use "kubectl ${verb} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/**
 * cmdGroupsString: sorted by name (cobra sorts commands), each name padded to the longest
 * sibling name but at least 11 (cobra's minNamePadding), then three spaces and the summary.
 */
function subcommandLines(subs: readonly KubectlCommand[]): string[] {
  const pad = Math.max(11, ...subs.map((c) => c.name.length));
  return [...subs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((c) => `  ${c.name.padEnd(pad)}   ${c.short}`);
}

/** pflag's DefValue as the help shows it: strings in single quotes, lists as `[a,b]`. */
function defaultText(f: FlagSpec): string {
  const d = f.default;
  switch (f.type) {
    case 'bool':
      return String(d ?? false);
    case 'int':
      return String(d ?? 0);
    case 'duration':
      return String(d ?? '0s');
    case 'value':
      return String(d ?? '');
    case 'stringArray':
      return `[${(Array.isArray(d) ? d : []).join(',')}]`;
    case 'string':
      return `'${d ?? ''}'`;
  }
}

/**
 * One flag as templater.go's flagsUsages prints it when no terminal width applies: pflag's
 * name-sorted order, `    -o, --output='':` (or `    --name=value:`), then the usage on the next
 * line after a tab, and a blank line.
 */
function flagUsage(f: FlagSpec): string {
  const name = `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:`;
  return `${name}\n\t${f.help.replace(/\n/g, '\n\t')}\n\n`;
}

/**
 * `kubectl options`: the options command's usage template (templates.go OptionsUsageTemplate),
 * the heading and the root's persistent flags as flagsUsages prints them, name-sorted, every flag
 * followed by a blank line and nothing after the last one. `--help` is not among them: cobra adds
 * it to each command as a local flag.
 */
export function globalOptionsUsage(): string {
  const flags = GLOBAL_FLAGS.filter((f) => f.name !== 'help').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return 'The following options can be passed to any command:\n\n' + flags.map(flagUsage).join('');
}
