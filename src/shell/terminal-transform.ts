/**
 * Rewrites the learner's command line (as a just-bash AST, before it runs) so that the shell
 * behaves like one attached to a terminal:
 *
 * - every command whose stdout or stderr would reach the terminal gets `>/dev/tty` and
 *   `2>TERMINAL_STDERR` placed before its own redirections, so its output is written live, in
 *   order (the learner's redirections come after and still win, as in bash);
 * - `kubectl`/`k` at such a place is told its stdout is a terminal (`KUBELAB_TTY=1`), so
 *   `kubectl get -w` can stream while it runs;
 * - every loop body starts with a probe of YIELD_PATH, so a runaway loop lets the event loop
 *   breathe and Ctrl-C can arrive;
 * - function definitions are collected, so the Session can carry them to the next command line.
 */
import { parse, type CommandNode, type PipelineNode, type ScriptNode, type SimpleCommandNode, type StatementNode, type WordNode } from 'just-bash';
import { TERMINAL_STDERR, TERMINAL_STDOUT, YIELD_PATH } from './devices.ts';

export type RedirectionNode = SimpleCommandNode['redirections'][number];
export type FunctionDefNode = Extract<CommandNode, { type: 'FunctionDef' }>;
type CompoundNode = Exclude<CommandNode, SimpleCommandNode | FunctionDefNode>;

/** A `source FILE` seen in a line: the functions it defines count as defined there. */
export interface SourcedFile {
  type: 'SourcedFile';
  path: string;
}

/** The functions a script defines at its top level (for a sourced file). */
export function topLevelFunctions(script: ScriptNode): FunctionDefNode[] {
  const out: FunctionDefNode[] = [];
  for (const st of script.statements) for (const p of st.pipelines) for (const c of p.commands) if (c.type === 'FunctionDef') out.push(c);
  return out;
}

/** The environment variable that tells kubectl its stdout is the terminal. */
export const TTY_ENV = 'KUBELAB_TTY';
/** The environment variable that tells kubectl its stderr is the terminal as well. */
export const TTY_STDERR_ENV = 'KUBELAB_TTY_STDERR';

function assignment(name: string): SimpleCommandNode['assignments'][number] {
  return { type: 'Assignment', name, value: literalWord('1'), append: false, array: null } as SimpleCommandNode['assignments'][number];
}

/** True when a redirection changes where fd 2 goes (`2>`, `2>&1`, `&>`…). */
function touchesStderr(r: RedirectionNode): boolean {
  if (r.operator === '&>' || r.operator === '&>>') return true;
  return r.fd === 2 && isOutputRedirect(r);
}

export interface TransformOptions {
  /** True for command names that stream to a terminal (kubectl and its aliases). */
  isStreamingCommand(name: string): boolean;
}

export function literalWord(value: string): WordNode {
  return { type: 'Word', parts: [{ type: 'Literal', value }] } as WordNode;
}

/** The text of a word made only of literal or quoted parts; undefined if it needs expansion. */
export function staticWordText(word: WordNode | null | undefined): string | undefined {
  if (!word) return undefined;
  let out = '';
  for (const part of word.parts) {
    if (part.type === 'Literal' || part.type === 'SingleQuoted' || part.type === 'Escaped') out += part.value;
    else return undefined;
  }
  return out;
}

function redirect(fd: number | null, path: string): RedirectionNode {
  return { type: 'Redirection', fd, operator: '>', target: literalWord(path) } as RedirectionNode;
}

/** True when a redirection sends fd 1 (stdout) somewhere other than where it was going. */
export function isStdoutRedirect(r: RedirectionNode): boolean {
  if (r.operator === '&>' || r.operator === '&>>') return true;
  if (r.operator === '>' || r.operator === '>>' || r.operator === '>|' || r.operator === '>&' || r.operator === '<>') {
    return r.fd === null || r.fd === 1;
  }
  return false;
}

function isOutputRedirect(r: RedirectionNode): boolean {
  return r.operator !== '<' && r.operator !== '<<' && r.operator !== '<<-' && r.operator !== '<<<' && r.operator !== '<&';
}

interface Reach {
  stdout: boolean;
  stderr: boolean;
}

export class TerminalTransform {
  /**
   * Function definitions seen in the last transformed script, in order, with the files it
   * sources (`source FILE`, `. FILE`) in their place: their functions are defined there too.
   */
  functions: (FunctionDefNode | SourcedFile)[] = [];

  constructor(private readonly opts: TransformOptions) {}

  /** Transforms the user's statements in place. */
  apply(script: ScriptNode): ScriptNode {
    this.functions = [];
    const only = script.statements.length === 1 ? script.statements[0]! : undefined;
    const single = only && only.pipelines.length === 1 && only.pipelines[0]!.commands.length === 1 ? only.pipelines[0]!.commands[0]! : undefined;
    if (single?.type === 'SimpleCommand') {
      this.noteSource(single);
      // A line of one simple command: its output is the line's output, printed when it ends in
      // the same order, so it needs no redirections (only the tty hint for kubectl).
      this.simple(single, { stdout: true, stderr: true }, false);
      return script;
    }
    this.statements(script.statements, { stdout: true, stderr: true });
    return script;
  }

  private statements(list: StatementNode[], reach: Reach | undefined): void {
    for (const st of list) {
      for (const p of st.pipelines) this.pipeline(p, reach);
    }
  }

  private pipeline(p: PipelineNode, reach: Reach | undefined): void {
    const last = p.commands.length - 1;
    p.commands.forEach((cmd, i) => {
      const r: Reach | undefined = reach && {
        stdout: reach.stdout && i === last,
        stderr: reach.stderr && !(p.pipeStderr?.[i] ?? false),
      };
      this.command(cmd, r);
    });
  }

  private command(cmd: CommandNode, reach: Reach | undefined): void {
    switch (cmd.type) {
      case 'SimpleCommand':
        this.noteSource(cmd);
        if (reach) this.simple(cmd, reach);
        return;
      case 'FunctionDef':
        this.functions.push(cmd);
        this.loops(cmd.body);
        return;
      default:
        this.compound(cmd, reach);
    }
  }

  private noteSource(cmd: SimpleCommandNode): void {
    const name = staticWordText(cmd.name);
    const file = staticWordText(cmd.args[0]);
    if ((name === 'source' || name === '.') && file !== undefined) this.functions.push({ type: 'SourcedFile', path: file });
  }

  private simple(cmd: SimpleCommandNode, reach: Reach, redirectToTerminal = true): void {
    if (!cmd.name) return;
    const own = cmd.redirections;
    const added: RedirectionNode[] = [];
    if (redirectToTerminal && reach.stdout) added.push(redirect(null, TERMINAL_STDOUT));
    if (redirectToTerminal && reach.stderr) added.push(redirect(2, TERMINAL_STDERR));
    cmd.redirections = [...added, ...own];
    const name = staticWordText(cmd.name);
    // The hint is an environment variable, and a command substitution in the arguments runs with
    // it too (`kubectl delete pod $(kubectl get pods -o name)`): an inner kubectl would then
    // write to the terminal instead of into the substitution. Such a command gets no hint.
    if (
      reach.stdout &&
      name !== undefined &&
      this.opts.isStreamingCommand(name) &&
      !own.some(isStdoutRedirect) &&
      !hasCommandSubstitution(cmd)
    ) {
      cmd.assignments = [...cmd.assignments, assignment(TTY_ENV)];
      // Its stderr goes to the terminal too, unless the command redirects fd 2 itself: then
      // kubectl writes both streams live, in the order it produces them (a warning before the
      // line it precedes), as on a real terminal.
      if (reach.stderr && !own.some(touchesStderr)) cmd.assignments.push(assignment(TTY_STDERR_ENV));
    }
  }

  private compound(cmd: CompoundNode, reach: Reach | undefined): void {
    // A compound with output redirections of its own is written as a whole.
    const redirected = cmd.redirections.some(isOutputRedirect);
    if (reach && redirected) {
      const added: RedirectionNode[] = [];
      if (reach.stdout) added.push(redirect(null, TERMINAL_STDOUT));
      if (reach.stderr) added.push(redirect(2, TERMINAL_STDERR));
      cmd.redirections = [...added, ...cmd.redirections];
    }
    const inner = redirected ? undefined : reach;
    switch (cmd.type) {
      case 'If':
        for (const c of cmd.clauses) {
          this.statements(c.condition, inner);
          this.statements(c.body, inner);
        }
        if (cmd.elseBody) this.statements(cmd.elseBody, inner);
        return;
      case 'For':
      case 'CStyleFor':
        this.statements(cmd.body, inner);
        cmd.body.unshift(yieldStatement());
        return;
      case 'While':
      case 'Until':
        this.statements(cmd.condition, inner);
        this.statements(cmd.body, inner);
        cmd.body.unshift(yieldStatement());
        return;
      case 'Case':
        for (const item of cmd.items) this.statements(item.body, inner);
        return;
      case 'Subshell':
      case 'Group':
        this.statements(cmd.body, inner);
        return;
      default:
        return;
    }
  }

  /** Adds the yield call to loops inside a function body (its output stays untouched). */
  private loops(cmd: CommandNode): void {
    const walk = (list: StatementNode[]) => {
      for (const st of list) for (const p of st.pipelines) for (const c of p.commands) this.loops(c);
    };
    switch (cmd.type) {
      case 'SimpleCommand':
        return;
      case 'FunctionDef':
        this.loops(cmd.body);
        return;
      case 'If':
        for (const c of cmd.clauses) {
          walk(c.condition);
          walk(c.body);
        }
        if (cmd.elseBody) walk(cmd.elseBody);
        return;
      case 'For':
      case 'CStyleFor':
        walk(cmd.body);
        if (!isYield(cmd.body[0])) cmd.body.unshift(yieldStatement());
        return;
      case 'While':
      case 'Until':
        walk(cmd.condition);
        walk(cmd.body);
        if (!isYield(cmd.body[0])) cmd.body.unshift(yieldStatement());
        return;
      case 'Case':
        for (const item of cmd.items) walk(item.body);
        return;
      case 'Subshell':
      case 'Group':
        walk(cmd.body);
        return;
      default:
        return;
    }
  }
}

/** True when a word of the command (name, arguments, assignments, redirections) runs a command. */
function hasCommandSubstitution(cmd: SimpleCommandNode): boolean {
  return JSON.stringify([cmd.name, cmd.args, cmd.assignments, cmd.redirections]).includes('"type":"CommandSubstitution"');
}

let yieldTemplate: StatementNode | undefined;

function yieldStatement(): StatementNode {
  yieldTemplate ??= parse(`[[ -e ${YIELD_PATH} ]]`).statements[0]!;
  return structuredClone(yieldTemplate);
}

function isYield(st: StatementNode | undefined): boolean {
  const c = st?.pipelines[0]?.commands[0];
  return c?.type === 'ConditionalCommand' && JSON.stringify(c).includes(YIELD_PATH);
}
