/**
 * The Session: one learner's shell. A bash (just-bash) with kubectl, `cluster`, editors and
 * `sleep` registered, over an in-memory filesystem, talking to one simulated cluster per
 * kubeconfig context. Everything a learner does goes through `run(line)`.
 *
 * just-bash starts every `exec` fresh, so the Session carries the shell state (cwd, variables,
 * aliases, functions, options, `$?`) from line to line (see shell-state.ts), and rewrites each
 * line before it runs so output reaches the terminal live and loops yield (terminal-transform.ts).
 * Every line and every editor save is logged with the clusters' virtual times, so `replaySession`
 * can rebuild the same state from the same seed.
 */
import { Bash, defineCommand, parse, type Command, type ScriptNode } from 'just-bash';
import { createCluster, type Cluster, type ClusterSnapshot } from '../sim/cluster.ts';
import type { Kubeconfig, KubeContext } from '../kubectl/host.ts';
import { BASH_TOOLS, notInstalledCommands } from './bash-tools.ts';
import { clusterCommand } from './commands/cluster.ts';
import { curlCommand, wgetCommand } from './commands/curl.ts';
import { dateCommand } from './commands/date.ts';
import { editorCommand } from './commands/editor.ts';
import { clearCommand, historyCommand } from './commands/history.ts';
import { kubectlCommand } from './commands/kubectl.ts';
import { sleepCommand } from './commands/sleep.ts';
import { watchCommand } from './commands/watch.ts';
import { completeLine } from './completion.ts';
import { learnerMessage } from './limits.ts';
import type { Editor, EditorMode, ShellServices } from './services.ts';
import {
  captureStatements,
  declarationSet,
  freshState,
  readCapture,
  restoreStatements,
  stateFromCapture,
  type ShellState,
} from './shell-state.ts';
import { TerminalFs, type TerminalSink } from './terminal-fs.ts';
import { TerminalTransform, topLevelFunctions, type FunctionDefNode } from './terminal-transform.ts';
import { virtualTime, type TimeDriver } from './time.ts';

export type { Editor, EditorMode } from './services.ts';

export const HOME = '/root';
export const HOSTNAME = 'controlplane';
/** The default context: what kubeadm writes into admin.conf. */
export const DEFAULT_CONTEXT = 'kubernetes-admin@kubernetes';

export interface SessionOptions {
  /** One cluster per kubeconfig context (named by `cluster.name`); default one createCluster(). */
  clusters?: Cluster[];
  /** Files placed in the home directory (relative paths) or at absolute paths. */
  files?: Record<string, string>;
  /** Extra exported environment variables. */
  env?: Record<string, string>;
  /** How `sleep`, `kubectl wait` and friends let time pass; default virtual time. */
  time?: TimeDriver;
  /** The editor pane (`vim`, `nano`, `kubectl edit`); absent headless, where stdin is read. */
  editor?: Editor;
  /** Seed of the default cluster. */
  seed?: number;
  /** Wall-clock budget of one command line in ms (Infinity for real-time terminals). */
  maxLineMs?: number;
  /** Extra commands, e.g. `lab` in a lab's terminal. */
  commands?: Command[];
}

export interface SessionIO {
  stdout(s: string): void;
  stderr(s: string): void;
  signal?: AbortSignal;
}

/** The virtual time of every cluster (in session order) when an entry happened. */
export type Clocks = number[];

export type SessionLogEntry =
  | { type: 'command'; line: string; clocks: Clocks }
  | { type: 'edit'; file: string; mode: EditorMode; content: string | null; clocks: Clocks };

export interface SessionSnapshot {
  version: 1;
  shell: ShellState;
  history: string[];
  files: Record<string, string>;
  /** Modification times of `files` (ms, virtual). */
  mtimes?: Record<string, number>;
  dirs: string[];
  kubeconfig: { current: string; namespaces: Record<string, string> };
  clusters: ClusterSnapshot[];
  log: SessionLogEntry[];
}

export interface Session {
  run(line: string, io: SessionIO): Promise<number>;
  complete(line: string, cursor: number): Promise<{ replaceFrom: number; candidates: string[] }>;
  readonly clusters: Cluster[];
  /** The current context's cluster. */
  current(): Cluster;
  history(): string[];
  prompt(): string;
  snapshot(): SessionSnapshot;
  restore(s: SessionSnapshot): void;
  log(): SessionLogEntry[];
}

/** Work between two yields to the event loop, so an abort message can be delivered. */
const YIELD_EVERY_MS = 40;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function splitContextName(name: string): { clusterName: string; user: string } {
  const at = name.indexOf('@');
  if (at > 0 && at < name.length - 1) return { user: name.slice(0, at), clusterName: name.slice(at + 1) };
  return { user: 'kubernetes-admin', clusterName: name };
}

class ShellSession implements Session, ShellServices {
  readonly clusters: Cluster[];
  readonly kubeconfig: Kubeconfig;
  readonly time: TimeDriver;
  readonly fs = new TerminalFs();
  readonly home = HOME;
  editor: Editor | undefined;

  private readonly bash: Bash;
  private readonly transform: TerminalTransform;
  private readonly initial = new Map<Cluster, ClusterSnapshot>();
  private readonly ready: Promise<void>;
  private state: ShellState = freshState(HOME);
  private lines: string[] = [];
  private entries: SessionLogEntry[] = [];
  private sink: TerminalSink = { stdout() {}, stderr() {} };
  private armed = false;
  private lastYield = now();
  /** What the running line's bash sees as its abort signal. */
  private lineAbort = new AbortController();
  /** Commands in `untilInterrupt`: Ctrl-C ends these instead of the line. */
  private readonly interruptible = new Set<AbortController>();
  /** Ctrl-C ended an `untilInterrupt` command; the line ends at its next kubectl or loop turn. */
  private interruptPending = false;
  /** `declare -p` of a fresh shell: the variables every line starts with anyway. */
  private baseline: ReadonlySet<string> = new Set();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(opts: SessionOptions) {
    this.clusters = opts.clusters?.length ? opts.clusters : [createCluster({ seed: opts.seed ?? 1 })];
    this.time = opts.time ?? virtualTime;
    for (const c of this.clusters) this.initial.set(c, c.snapshot());
    const contexts = new Map<string, KubeContext>();
    for (const cluster of this.clusters) {
      const { clusterName, user } = splitContextName(cluster.name);
      contexts.set(cluster.name, { name: cluster.name, cluster, namespace: 'default', clusterName, user });
    }
    this.kubeconfig = { current: this.clusters[0]!.name, contexts };
    const rawEditor = opts.editor;
    this.editor = rawEditor
      ? async (file, content, mode) => {
          const saved = await rawEditor(file, content, mode);
          this.entries.push({ type: 'edit', file, mode, content: saved, clocks: this.clocks() });
          return saved;
        }
      : undefined;

    this.transform = new TerminalTransform({ isStreamingCommand: (name) => this.isKubectl(name) });
    this.bash = new Bash({
      fs: this.fs,
      cwd: HOME,
      env: {
        HOME,
        USER: 'root',
        LOGNAME: 'root',
        SHELL: '/bin/bash',
        TERM: 'xterm-256color',
        HOSTNAME,
        KUBECONFIG: `${HOME}/.kube/config`,
        ...opts.env,
      },
      processInfo: { uid: 0, gid: 0 },
      // The shell runs no guest JavaScript (python and js-exec stay off), and the guard would
      // block the timers and clocks the session's own hooks use while a line runs.
      defenseInDepth: false,
      executionLimits: {
        maxExecutionTimeMs: opts.maxLineMs ?? (this.time === virtualTime ? 20_000 : Infinity),
        maxCommandCount: 50_000,
        maxLoopIterations: 10_000,
      },
      commands: [...BASH_TOOLS],
      customCommands: [...this.commands(), ...(opts.commands ?? [])],
    });
    this.bash.registerTransformPlugin({
      name: 'kubelab-terminal',
      transform: ({ ast }) => ({ ast: this.armed ? this.prepare(ast) : ast }),
    });
    this.fs.onYieldProbe = () => this.maybeYield();
    this.fs.clock = () => this.current().clock.now();
    this.ready = this.setupFiles(opts.files ?? {});
  }

  // ---- ShellServices ----

  async untilInterrupt<T>(base: AbortSignal | undefined, f: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const c = new AbortController();
    const follow = () => c.abort();
    if (base?.aborted) c.abort();
    base?.addEventListener('abort', follow);
    this.interruptible.add(c);
    try {
      return await f(c.signal);
    } finally {
      this.interruptible.delete(c);
      base?.removeEventListener('abort', follow);
    }
  }

  stopIfInterrupted(): void {
    if (this.interruptPending) this.lineAbort.abort();
  }

  current(): Cluster {
    return this.kubeconfig.contexts.get(this.kubeconfig.current)?.cluster ?? this.clusters[0]!;
  }

  terminal(): TerminalSink {
    return this.sink;
  }

  history(): string[] {
    return [...this.lines];
  }

  clearHistory(): void {
    this.lines = [];
  }

  initialSnapshot(cluster: Cluster): ClusterSnapshot {
    return this.initial.get(cluster)!;
  }

  // ---- Session ----

  prompt(): string {
    const cwd = this.state.cwd;
    const shown = cwd === HOME ? '~' : cwd.startsWith(HOME + '/') ? '~' + cwd.slice(HOME.length) : cwd;
    return `${HOSTNAME}:${shown}$ `;
  }

  log(): SessionLogEntry[] {
    return this.entries.map((e) => ({ ...e, clocks: [...e.clocks] }));
  }

  run(line: string, io: SessionIO): Promise<number> {
    // One line at a time, in the order they were typed.
    const next = this.queue.then(() => this.runNow(line, io));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async complete(line: string, cursor: number): Promise<{ replaceFrom: number; candidates: string[] }> {
    await this.ready;
    return completeLine(this, line, cursor, { aliases: this.aliasMap(), cwd: this.state.cwd, functions: Object.keys(this.state.functions) });
  }

  snapshot(): SessionSnapshot {
    const namespaces: Record<string, string> = {};
    for (const [name, ctx] of this.kubeconfig.contexts) namespaces[name] = ctx.namespace;
    return {
      version: 1,
      shell: structuredClone(this.state),
      history: [...this.lines],
      files: this.fs.userFilesSync(),
      mtimes: this.fs.userMtimesSync(),
      dirs: this.fs.userDirsSync(),
      kubeconfig: { current: this.kubeconfig.current, namespaces },
      clusters: this.clusters.map((c) => c.snapshot()),
      log: this.log(),
    };
  }

  restore(s: SessionSnapshot): void {
    if (s.clusters.length !== this.clusters.length) {
      throw new Error(`snapshot has ${s.clusters.length} clusters, the session has ${this.clusters.length}`);
    }
    this.state = structuredClone(s.shell);
    this.lines = [...s.history];
    this.entries = s.log.map((e) => ({ ...e, clocks: [...e.clocks] }));
    this.fs.replaceUserFiles(s.dirs, s.files, s.mtimes);
    s.clusters.forEach((snap, i) => this.clusters[i]!.restore(snap));
    if (this.kubeconfig.contexts.has(s.kubeconfig.current)) this.kubeconfig.current = s.kubeconfig.current;
    for (const [name, ns] of Object.entries(s.kubeconfig.namespaces)) {
      const ctx = this.kubeconfig.contexts.get(name);
      if (ctx) ctx.namespace = ns;
    }
  }

  // ---- internals ----

  private clocks(): Clocks {
    return this.clusters.map((c) => c.clock.now());
  }

  private async setupFiles(files: Record<string, string>): Promise<void> {
    await this.fs.mkdir(`${HOME}/.kube`, { recursive: true });
    await this.fs.mkdir('/dev', { recursive: true });
    await this.fs.mkdir('/tmp', { recursive: true });
    for (const [path, content] of Object.entries(files)) {
      const full = path.startsWith('/') ? path : `${HOME}/${path}`;
      await this.fs.mkdir(full.slice(0, full.lastIndexOf('/')) || '/', { recursive: true });
      await this.fs.writeFile(full, content);
    }
    const fresh = await this.bash.exec('declare -p', { cwd: HOME });
    this.baseline = declarationSet(fresh.stdout);
  }

  private commands(): Command[] {
    return [
      kubectlCommand('kubectl', this),
      kubectlCommand('k', this),
      clusterCommand(this),
      sleepCommand(this),
      editorCommand('vim', this),
      editorCommand('vi', this),
      editorCommand('nano', this),
      historyCommand(this),
      clearCommand(),
      curlCommand(this),
      dateCommand(this),
      watchCommand(this),
      wgetCommand(this),
      defineCommand('complete', async () => ({ stdout: '', stderr: '', exitCode: 0 })),
      ...notInstalledCommands(),
    ];
  }

  /** Lets the event loop run (timers, worker messages) if the line has been busy for a while. */
  private async maybeYield(): Promise<void> {
    this.stopIfInterrupted();
    if (now() - this.lastYield < YIELD_EVERY_MS) return;
    await new Promise<void>((r) => setTimeout(r, 0));
    this.lastYield = now();
  }

  private aliasMap(): Map<string, string> {
    const map = new Map<string, string>();
    for (const line of this.state.aliases.split('\n')) {
      const m = /^alias ([^=]+)='(.*)'$/.exec(line);
      if (m) map.set(m[1]!, m[2]!.replace(/'\\''/g, "'"));
    }
    return map;
  }

  /** True for `kubectl`, `k`, `watch`, and aliases whose first word is one of them: they stream. */
  private isKubectl(name: string, depth = 0): boolean {
    if (name === 'kubectl' || name === 'k' || name === 'watch') return true;
    if (depth > 5) return false;
    const value = this.aliasMap().get(name);
    const first = value?.trim().split(/\s+/)[0];
    return first !== undefined && first !== name && this.isKubectl(first, depth + 1);
  }

  /** The functions the line defined, in order, including those of the files it sourced. */
  private async definedFunctions(startCwd: string, endCwd: string): Promise<FunctionDefNode[]> {
    const out: FunctionDefNode[] = [];
    for (const f of this.transform.functions) {
      if (f.type === 'FunctionDef') {
        out.push(f);
        continue;
      }
      for (const cwd of [startCwd, endCwd]) {
        try {
          out.push(...topLevelFunctions(parse(await this.fs.readFile(this.fs.resolvePath(cwd, f.path)))));
          break;
        } catch {
          continue;
        }
      }
    }
    return out;
  }

  /** The line as it runs: restore the state, the learner's statements, capture the state. */
  private prepare(ast: ScriptNode): ScriptNode {
    this.armed = false;
    this.transform.apply(ast);
    ast.statements = [...restoreStatements(this.state), ...ast.statements, ...captureStatements()];
    return ast;
  }

  private async runNow(line: string, io: SessionIO): Promise<number> {
    await this.ready;
    if (line.trim() !== '') this.lines.push(line.replace(/\n+$/, ''));
    this.entries.push({ type: 'command', line, clocks: this.clocks() });
    if (line.trim() === '') return this.state.lastExit;

    let syntaxOk = true;
    try {
      parse(line);
    } catch {
      syntaxOk = false;
    }
    this.sink = { stdout: (t) => io.stdout(t), stderr: (t) => io.stderr(learnerMessage(t)) };
    this.fs.sink = this.sink;
    this.fs.captured.clear();
    const startCwd = this.state.cwd;
    this.armed = syntaxOk;
    this.lastYield = now();
    // Ctrl-C ends the line, unless a command that feeds a pipe waits for it (untilInterrupt).
    const lineAbort = new AbortController();
    this.lineAbort = lineAbort;
    this.interruptPending = false;
    const onInterrupt = () => {
      if (this.interruptible.size === 0) return lineAbort.abort();
      for (const c of this.interruptible) c.abort();
      this.interruptPending = true;
    };
    if (io.signal?.aborted) lineAbort.abort();
    io.signal?.addEventListener('abort', onInterrupt);
    let exit: number;
    try {
      const result = await this.bash.exec(line, {
        cwd: this.state.cwd,
        env: { OLDPWD: this.state.oldPwd },
        signal: lineAbort.signal,
        rawScript: true,
      });
      if (result.stdout) io.stdout(result.stdout);
      const stderr = io.signal?.aborted ? result.stderr.replace(/^bash: execution aborted\n?/m, '') : result.stderr;
      if (stderr) io.stderr(learnerMessage(stderr));
      exit = result.exitCode;
    } catch (e) {
      io.stderr(`bash: ${e instanceof Error ? e.message : String(e)}\n`);
      exit = 1;
    } finally {
      io.signal?.removeEventListener('abort', onInterrupt);
      this.interruptPending = false;
      this.armed = false;
      this.fs.sink = undefined;
      for (const c of this.clusters) c.settle();
    }
    if (io.signal?.aborted) {
      io.stdout('^C\n');
      exit = 130;
    }
    const captured = readCapture(this.fs.captured);
    if (captured && !io.signal?.aborted) {
      exit = captured.exit;
      const defined = await this.definedFunctions(startCwd, captured.cwd);
      this.state = stateFromCapture(captured, this.state.functions, defined, this.baseline);
    } else {
      this.state = { ...this.state, lastExit: exit };
    }
    return exit;
  }
}

export function createSession(opts: SessionOptions = {}): Session {
  return new ShellSession(opts);
}

/**
 * Rebuilds a session from its log: fresh clusters from the same options (same seeds), each line
 * run again at the virtual time it first ran, each editor save given back in order.
 */
export async function replaySession(log: SessionLogEntry[], opts: SessionOptions = {}): Promise<Session> {
  const edits = log.filter((e): e is Extract<SessionLogEntry, { type: 'edit' }> => e.type === 'edit');
  let nextEdit = 0;
  const editor: Editor | undefined = edits.length
    ? async (file, content) => {
        const e = edits[nextEdit++];
        return e ? e.content : content;
      }
    : opts.editor;
  const session = createSession({ ...opts, editor });
  const sink = { stdout() {}, stderr() {} };
  for (const entry of log) {
    if (entry.type !== 'command') continue;
    entry.clocks.forEach((t, i) => session.clusters[i]?.advanceTo(t));
    await session.run(entry.line, sink);
  }
  return session;
}
