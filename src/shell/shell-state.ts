/**
 * The shell state that survives from one command line to the next. just-bash starts every `exec`
 * fresh, so after each line hidden trailing statements capture what bash would remember
 * (variables with their attributes, aliases, shell options, function names, cwd, `$?`) into
 * CAPTURE_DIR, and the next line starts with statements that put it back. Functions are carried as the AST nodes of
 * their last definition. All of it is plain JSON apart from those nodes, which are JSON too.
 */
import { parse, type StatementNode } from 'just-bash';
import { CAPTURE_DIR } from './devices.ts';
import type { FunctionDefNode } from './terminal-transform.ts';


export interface ShellState {
  cwd: string;
  oldPwd: string;
  /** `declare -p` output for the learner's variables (re-executable). */
  declarations: string;
  /** `alias` output, one `alias name='value'` a line. */
  aliases: string;
  /** `shopt -p` lines that differ from a fresh shell. */
  shopt: string;
  /** `set -o name` for the options that are on. */
  setOptions: string[];
  /** Function definitions by name, as just-bash AST nodes. */
  functions: Record<string, FunctionDefNode>;
  lastExit: number;
}

/** Variables the shell itself manages: never restored from a capture. */
const SHELL_MANAGED = new Set([
  '?', '_', 'PIPESTATUS', 'BASHOPTS', 'SHELLOPTS', 'PWD', 'OLDPWD', 'FUNCNAME', 'LINENO', 'RANDOM',
  'SECONDS', 'PPID', 'UID', 'EUID', 'BASHPID', 'OPTIND', 'OPTARG', 'BASH_LINENO', 'BASH_SOURCE',
  'BASH_ARGC', 'BASH_ARGV', 'BASH_REMATCH', 'BASH_COMMAND', 'BASH_SUBSHELL', 'GROUPS', 'HISTCMD',
]);

/** `set -o` options carried between lines; errexit and noexec would end an interactive shell. */
const CARRIED_SET_OPTIONS = new Set(['allexport', 'noclobber', 'noglob', 'nounset', 'pipefail', 'xtrace', 'verbose']);

/** The file the capture statement writes (TerminalFs keeps it). */
export const CAPTURE_FILE = `${CAPTURE_DIR}/state`;

/**
 * The capture statement, appended after the learner's line: one group, one redirection (far
 * cheaper than command substitutions or one file per part). `$?`, `$PWD` and `$OLDPWD` come first,
 * then the output of `declare -p`, `alias`, `shopt -p`, `set +o` and `declare -F`, in that order.
 * Its stderr goes nowhere, so `set -x` does not trace it.
 */
const CAPTURE_SCRIPT = `{ echo "$?
$PWD
$OLDPWD"; declare -p; alias; shopt -p; set +o; declare -F; } > ${CAPTURE_FILE} 2>/dev/null`;

let captureTemplate: StatementNode[] | undefined;

export function captureStatements(): StatementNode[] {
  captureTemplate ??= parse(CAPTURE_SCRIPT).statements;
  return structuredClone(captureTemplate);
}

export interface CaptureArgs {
  exit: number;
  declarations: string;
  aliases: string;
  shopt: string;
  setO: string;
  functionNames: string[];
  oldPwd: string;
  cwd: string;
}

type Section = 'declarations' | 'aliases' | 'shopt' | 'set' | 'functions';

/**
 * Reads the capture file; undefined when the line ended before the capture ran (`exit`, an
 * error under `set -e`, Ctrl-C). Sections are told apart by how their lines start, in order.
 */
export function readCapture(files: Map<string, string>): CaptureArgs | undefined {
  const text = files.get(CAPTURE_FILE);
  if (text === undefined) return undefined;
  const lines = text.replace(/\n$/, '').split('\n');
  const [status = '0', cwd = '/', oldPwd = ''] = lines;
  const parts: Record<Section, string[]> = { declarations: [], aliases: [], shopt: [], set: [], functions: [] };
  let section: Section = 'declarations';
  for (const line of lines.slice(3)) {
    if (section === 'declarations' && line.startsWith('alias ')) section = 'aliases';
    if ((section === 'declarations' || section === 'aliases') && /^shopt -[su] /.test(line)) section = 'shopt';
    if (section === 'shopt' && /^set [+-]o /.test(line)) section = 'set';
    if (section === 'set' && line.startsWith('declare -f')) section = 'functions';
    parts[section].push(line);
  }
  return {
    exit: Number(status) || 0,
    declarations: parts.declarations.join('\n'),
    aliases: parts.aliases.join('\n'),
    shopt: parts.shopt.join('\n'),
    setO: parts.set.join('\n'),
    functionNames: parts.functions.map((l) => l.replace(/^declare -f[a-z]* /, '').trim()).filter(Boolean),
    oldPwd,
    cwd,
  };
}

/** Builds the state to carry from a capture, the functions defined so far and the cwd. */
export function stateFromCapture(
  cap: CaptureArgs,
  known: Record<string, FunctionDefNode>,
  defined: FunctionDefNode[],
  /** Declarations a fresh shell already has: not worth restoring. */
  baseline: ReadonlySet<string> = new Set(),
): ShellState {
  const latest: Record<string, FunctionDefNode> = { ...known };
  for (const f of defined) latest[f.name] = f;
  const functions: Record<string, FunctionDefNode> = {};
  for (const name of cap.functionNames) if (latest[name]) functions[name] = latest[name]!;
  const cwd = cap.cwd || '/';
  return {
    cwd,
    oldPwd: cap.oldPwd || cwd,
    declarations: filterDeclarations(cap.declarations, baseline),
    aliases: cap.aliases,
    shopt: cap.shopt
      .split('\n')
      .filter((l) => l === 'shopt -s extglob' || l === 'shopt -s dotglob' || l === 'shopt -s nullglob' || l === 'shopt -s failglob' || l === 'shopt -s globstar' || l === 'shopt -s nocaseglob' || l === 'shopt -s nocasematch' || l === 'shopt -s lastpipe' || l === 'shopt -s xpg_echo' || l === 'shopt -u expand_aliases')
      .join('\n'),
    setOptions: cap.setO
      .split('\n')
      .map((l) => /^set -o (\S+)$/.exec(l)?.[1])
      .filter((o): o is string => o !== undefined && CARRIED_SET_OPTIONS.has(o)),
    functions,
    lastExit: cap.exit,
  };
}

function isLearnerVariable(name: string): boolean {
  return !SHELL_MANAGED.has(name) && !name.startsWith('BASH_') && !name.startsWith('COMP_');
}

/** The declarations `declare -p` prints, one entry each (see filterDeclarations). */
export function declarationSet(text: string): Set<string> {
  return new Set(filterDeclarations(text, new Set()).split('\n').filter(Boolean));
}

/**
 * Keeps only the `declare` statements of the learner's own variables. `declare -p` prints one
 * declaration a line; a value with a newline continues on the next lines, so a declaration runs
 * until the next line that starts with `declare -`.
 */
function filterDeclarations(text: string, baseline: ReadonlySet<string>): string {
  if (!text.trim()) return '';
  const chunks: string[] = [];
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const last = chunks.length - 1;
    if (last >= 0 && !/^declare -/.test(line)) chunks[last] += '\n' + line;
    else chunks.push(line);
  }
  return chunks
    .filter((chunk) => {
      if (baseline.has(chunk)) return false;
      const name = /^declare -[-a-zA-Z]* ([A-Za-z_][A-Za-z0-9_]*)/.exec(chunk)?.[1];
      return name !== undefined && isLearnerVariable(name);
    })
    .join('\n');
}



export function freshState(home: string): ShellState {
  return {
    cwd: home,
    oldPwd: home,
    declarations: '',
    aliases: "alias k='kubectl'",
    shopt: '',
    setOptions: [],
    functions: {},
    lastExit: 0,
  };
}

/** The statements that put a carried state back at the start of a fresh exec. */
export function restoreStatements(state: ShellState): StatementNode[] {
  const text = [
    'shopt -s expand_aliases',
    state.shopt,
    state.aliases,
    state.declarations,
    ...state.setOptions.map((o) => `set -o ${o}`),
  ]
    .filter(Boolean)
    .join('\n');
  const statements = [...parse(text).statements];
  for (const f of Object.values(state.functions)) {
    statements.push({
      type: 'Statement',
      pipelines: [{ type: 'Pipeline', commands: [structuredClone(f)], negated: false }],
      operators: [],
      background: false,
    } as StatementNode);
  }
  if (state.lastExit !== 0 && !state.setOptions.includes('xtrace')) {
    // `(exit N)` restores `$?` for the learner's first command.
    statements.push(...parse(`(exit ${state.lastExit})`).statements);
  }
  return statements;
}
