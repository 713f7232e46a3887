/**
 * Tab completion for the learner's shell, in the spirit of bash-completion plus kubectl's
 * `__start_kubectl`: command names first; for kubectl the verb, sub-command, flags of the verb,
 * resource types (and short names), object names from the cluster (`get pod <TAB>`, `pod/<TAB>`),
 * namespaces after `-n`, files after `-f`; file names everywhere else.
 */
import type { KubectlCommand } from '../kubectl/command.ts';
import { findVerb as findKubectlVerb, VERBS } from '../kubectl/commands/index.ts';
import { BASH_TOOLS } from './bash-tools.ts';
import { GLOBAL_FLAGS, type FlagSpec } from '../kubectl/flags.ts';
import { RESOURCE_TYPES, resolveResource } from '../sim/apiserver/resources.ts';
import type { ShellServices } from './services.ts';

export interface CompletionContext {
  aliases: Map<string, string>;
  cwd: string;
  functions: string[];
}

export interface Completion {
  replaceFrom: number;
  candidates: string[];
}

const SHELL_BUILTINS = [
  'alias', 'break', 'cd', 'continue', 'declare', 'echo', 'eval', 'exit', 'export', 'false', 'for', 'function',
  'if', 'local', 'printf', 'pwd', 'read', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'test',
  'true', 'type', 'unalias', 'unset', 'until', 'while',
];
const SESSION_COMMANDS = ['kubectl', 'k', 'cluster', 'vim', 'vi', 'nano', 'sleep', 'history', 'clear', 'curl', 'wget', 'watch', 'date'];

/** Verbs whose first argument is a resource type (or TYPE/NAME). */
const TYPED_VERBS = new Set([
  'get', 'describe', 'delete', 'edit', 'label', 'annotate', 'scale', 'patch', 'explain', 'wait', 'cordon',
  'uncordon', 'drain', 'taint', 'rollout history', 'rollout status', 'rollout restart', 'rollout undo',
  'rollout pause', 'rollout resume', 'set image', 'set env', 'set resources', 'autoscale', 'expose',
]);
/** Verbs whose argument is a pod. */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
/** Verbs whose argument is a node. */
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain', 'taint']);

interface Word {
  text: string;
  start: number;
}

/** Splits the text before the cursor into words, honouring quotes; the last may be empty. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let cur: Word | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur!.text += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      cur ??= { text: '', start: i };
      quote = ch;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      if (cur) words.push(cur);
      cur = undefined;
      continue;
    }
    if (ch === '|' || ch === ';' || ch === '&' || ch === '(' || ch === '`' || ch === '\n') {
      // A new command starts: forget the words before.
      if (cur) words.push(cur);
      cur = undefined;
      words.length = 0;
      continue;
    }
    cur ??= { text: '', start: i };
    cur.text += ch;
  }
  words.push(cur ?? { text: '', start: text.length });
  return words;
}

function uniqSorted(list: string[]): string[] {
  return [...new Set(list)].sort();
}

function byPrefix(list: string[], prefix: string): string[] {
  return uniqSorted(list.filter((c) => c.startsWith(prefix)));
}

async function completeFiles(s: ShellServices, cwd: string, word: string): Promise<string[]> {
  const slash = word.lastIndexOf('/');
  const dirPart = slash === -1 ? '' : word.slice(0, slash + 1);
  const prefix = word.slice(slash + 1);
  const shownDir = dirPart.startsWith('~/') ? s.home + dirPart.slice(1) : dirPart;
  const dir = s.fs.resolvePath(cwd, shownDir || '.');
  let names: string[];
  try {
    names = await s.fs.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    if (name.startsWith('.') && !prefix.startsWith('.')) continue;
    let isDir = false;
    try {
      isDir = (await s.fs.stat(s.fs.resolvePath(dir, name))).isDirectory;
    } catch {
      isDir = false;
    }
    out.push(dirPart + name + (isDir ? '/' : ''));
  }
  return out.sort();
}

function flagWords(specs: FlagSpec[]): string[] {
  const out: string[] = [];
  for (const f of [...specs, ...GLOBAL_FLAGS]) {
    if (f.hidden) continue;
    out.push(`--${f.name}`);
    if (f.short) out.push(`-${f.short}`);
  }
  return out;
}

function findSubcommand(list: KubectlCommand[], word: string): KubectlCommand | undefined {
  return list.find((c) => c.name === word || c.aliases?.includes(word));
}

function namesOf(s: ShellServices, kind: string, namespace: string | undefined): string[] {
  const type = RESOURCE_TYPES.find((t) => t.kind === kind);
  const ns = type?.namespaced ? namespace : undefined;
  return s
    .current()
    .api.list(kind, ns === undefined ? undefined : { namespace: ns })
    .map((o) => o.metadata.name!)
    .filter(Boolean);
}

function resourceWords(): string[] {
  const out: string[] = [];
  for (const t of RESOURCE_TYPES) out.push(t.plural, ...t.shortNames);
  return out;
}

async function kubectlComplete(s: ShellServices, ctx: CompletionContext, args: Word[], current: Word): Promise<string[]> {
  const words = args.map((w) => w.text);
  const cur = current.text;
  const prev = words[words.length - 1];
  const kcContext = s.kubeconfig.contexts.get(s.kubeconfig.current);
  let namespace = kcContext?.namespace ?? 'default';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((w === '-n' || w === '--namespace') && words[i + 1]) namespace = words[i + 1]!;
    else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
  }
  if (prev === '-n' || prev === '--namespace') return byPrefix(namesOf(s, 'Namespace', undefined), cur);
  if (prev === '--context') return byPrefix([...s.kubeconfig.contexts.keys()], cur);
  if (prev === '-f' || prev === '--filename') return completeFiles(s, ctx.cwd, cur);

  // Positional words, skipping flags and the values of flags that take one.
  let command: KubectlCommand | undefined;
  let verb = '';
  const positional: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-')) {
      const spec = [...(command?.flags ?? []), ...GLOBAL_FLAGS].find((f) => `--${f.name}` === w || (f.short && `-${f.short}` === w));
      if (spec && spec.type !== 'bool' && !w.includes('=')) i++;
      continue;
    }
    const sub = command ? (command.subcommands ? findSubcommand(command.subcommands, w) : undefined) : await findKubectlVerb(w)?.load();
    if (sub) {
      command = sub;
      verb = verb ? `${verb} ${sub.name}` : sub.name;
      continue;
    }
    positional.push(w);
  }

  if (cur.startsWith('-')) return byPrefix(flagWords(command?.flags ?? []), cur);
  if (!command) return byPrefix(VERBS.map((v) => v.name), cur);
  if (command.subcommands && positional.length === 0) {
    return byPrefix(command.subcommands.map((c) => c.name), cur);
  }
  if (verb === 'config use-context' || verb === 'config use') return byPrefix([...s.kubeconfig.contexts.keys()], cur);
  if (POD_VERBS.has(verb)) return byPrefix(namesOf(s, 'Pod', namespace), cur);
  if (NODE_VERBS.has(verb) && positional.length === 0) {
    return byPrefix(namesOf(s, 'Node', undefined), cur);
  }
  if (!TYPED_VERBS.has(verb) && verb !== 'top pod' && verb !== 'top node') return [];

  const slash = cur.indexOf('/');
  if (slash > 0) {
    const type = resolveResource(cur.slice(0, slash));
    if (!type) return [];
    const prefix = cur.slice(0, slash + 1);
    return byPrefix(
      namesOf(s, type.kind, namespace).map((n) => prefix + n),
      cur,
    );
  }
  if (positional.length === 0) return byPrefix(resourceWords(), cur);
  const first = positional[0]!;
  if (first.includes('/')) {
    // More TYPE/NAME forms may follow.
    return [];
  }
  const types = first.split(',').map((t) => resolveResource(t));
  if (types.length !== 1 || !types[0]) return [];
  return byPrefix(namesOf(s, types[0].kind, namespace), cur);
}

/** Completes the word before `cursor`. */
export async function completeLine(s: ShellServices, line: string, cursor: number, ctx: CompletionContext): Promise<Completion> {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const words = splitWords(before);
  const current = words[words.length - 1]!;
  const args = words.slice(0, -1);
  const replaceFrom = current.start;
  if (args.length === 0) {
    if (current.text.includes('/')) return { replaceFrom, candidates: await completeFiles(s, ctx.cwd, current.text) };
    const commands = [...BASH_TOOLS, ...SESSION_COMMANDS, ...SHELL_BUILTINS, ...ctx.aliases.keys(), ...ctx.functions];
    return { replaceFrom, candidates: byPrefix(commands, current.text) };
  }
  let name = args[0]!.text;
  const aliasWords: string[] = [];
  for (let depth = 0; depth < 5; depth++) {
    const value = ctx.aliases.get(name);
    if (value === undefined) break;
    const parts = value.trim().split(/\s+/);
    if (parts[0] === name) break;
    name = parts[0]!;
    aliasWords.unshift(...parts.slice(1));
  }
  if (name === 'kubectl' || name === 'k') {
    const expanded = [...aliasWords.map((text) => ({ text, start: 0 })), ...args.slice(1)];
    return { replaceFrom, candidates: await kubectlComplete(s, ctx, expanded, current) };
  }
  if (name === 'cluster' && args.length === 1) {
    return { replaceFrom, candidates: byPrefix(['nodes', 'node', 'volume', 'time', 'advance', 'explain', 'reset', 'help'], current.text) };
  }
  if (name === 'cluster' && args.length === 2 && args[1]!.text === 'node') {
    return { replaceFrom, candidates: byPrefix(['down', 'up', 'lose'], current.text) };
  }
  if (name === 'cluster' && args.length === 3 && args[1]!.text === 'node') {
    return { replaceFrom, candidates: byPrefix(namesOf(s, 'Node', undefined), current.text) };
  }
  return { replaceFrom, candidates: await completeFiles(s, ctx.cwd, current.text) };
}
