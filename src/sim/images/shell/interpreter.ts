/**
 * Runs sh scripts against a simulated container in virtual time. `sleep` moves the script's own
 * clock; every line written to stdout/stderr is stamped with that clock, so the same run serves
 * as a container's log timeline (how `while true; do date; sleep 5; done` fills `kubectl logs`)
 * and as the output of `kubectl exec`. Deterministic: the same script, files and start time
 * always give the same run.
 *
 * The commands are BusyBox's (or coreutils', when `flavour` is 'bash'), with their error texts.
 */
import { parseScript, ShellSyntaxError, type Command, type List, type Redirect } from './parse.ts';
import { dateOutput } from '../time-format.ts';

export interface ShellFs {
  read(path: string): string | undefined;
  write(path: string, content: string, append: boolean): string | undefined;
  remove(path: string): boolean;
  list(dir: string): string[] | undefined;
  isDir(path: string): boolean;
  /** Whether the path lies on a read-only mount (configMap, secret, `readOnly: true`). */
  isReadOnly(path: string): boolean;
}

/** Why a file cannot be written: its directory does not exist, or it is on a read-only mount. */
export type WriteError = 'ENOENT' | 'EROFS';

/** strerror() of a write error, as perror prints it. */
export function strerror(e: WriteError): string {
  return e === 'EROFS' ? 'Read-only file system' : 'No such file or directory';
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Commands the caller adds (network tools in `kubectl exec`). */
export type ExternalCommand = (argv: string[], stdin: string) => CommandResult | undefined;

export interface ShellOptions {
  fs: ShellFs;
  env: Record<string, string>;
  /** Virtual time (ms since epoch) at the script's start. */
  startedAt: number;
  /** Stop simulating after this many ms of script time. */
  until: number;
  flavour: 'busybox' | 'bash';
  external?: ExternalCommand;
  /** Whether stdin stays open (`stdin: true` containers): `sh` with no script then waits. */
  interactive?: boolean;
  stdin?: string;
  /** Commands to run at most (a loop that never sleeps stops here); default 200,000. */
  maxSteps?: number;
}

export interface OutputChunk {
  at: number;
  stream: 1 | 2;
  text: string;
}

export interface WriteEvent {
  at: number;
  path: string;
  content: string;
  append: boolean;
  /** The file was deleted (`rm`). */
  remove?: boolean;
}

export interface ShellRun {
  output: OutputChunk[];
  writes: WriteEvent[];
  /** Undefined while the script is still running at `until` (or loops forever). */
  exit?: { at: number; code: number };
  /** Set when the step budget ran out first: the output is complete only up to this time. */
  stoppedAt?: number;
}

const MAX_STEPS = 200_000;

class ExitSignal {
  constructor(readonly code: number) {}
}
class StopSignal {
  constructor(readonly budget = false) {}
}
class BreakSignal {
  constructor(readonly levels: number) {}
}

interface Io {
  stdin: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

export class Shell {
  t = 0;
  private steps = 0;
  private vars: Record<string, string>;
  private status = 0;
  private cwd = '/';
  readonly output: OutputChunk[] = [];
  readonly writes: WriteEvent[] = [];
  private overlay = new Map<string, string | null>();

  constructor(private readonly o: ShellOptions) {
    this.vars = { ...o.env };
  }

  private prog(): string {
    return this.o.flavour === 'bash' ? 'bash' : 'sh';
  }

  // ---------------------------------------------------------------- files (overlay over the fs)

  read(path: string): string | undefined {
    const p = this.abs(path);
    if (this.overlay.has(p)) return this.overlay.get(p) ?? undefined;
    return this.o.fs.read(p);
  }

  write(path: string, content: string, append: boolean): WriteError | undefined {
    const p = this.abs(path);
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    if (!this.isDir(parent)) return 'ENOENT';
    if (this.o.fs.isReadOnly(p)) return 'EROFS';
    const next = append ? (this.read(p) ?? '') + content : content;
    this.overlay.set(p, next);
    this.writes.push({ at: this.t, path: p, content, append });
    return undefined;
  }

  isReadOnly(path: string): boolean {
    return this.o.fs.isReadOnly(this.abs(path));
  }

  isDir(path: string): boolean {
    const p = this.abs(path);
    if (this.o.fs.isDir(p)) return true;
    const prefix = p === '/' ? '/' : p + '/';
    for (const [k, v] of this.overlay) if (v !== null && k.startsWith(prefix)) return true;
    return false;
  }

  list(dir: string): string[] | undefined {
    const p = this.abs(dir);
    const base = this.o.fs.list(p);
    const names = new Set(base ?? []);
    const prefix = p === '/' ? '/' : p + '/';
    for (const [k, v] of this.overlay) {
      if (!k.startsWith(prefix)) continue;
      const name = k.slice(prefix.length).split('/')[0]!;
      if (v === null && !k.slice(prefix.length).includes('/')) names.delete(name);
      else if (v !== null) names.add(name);
    }
    if (!base && names.size === 0) return undefined;
    return [...names].sort();
  }

  abs(path: string): string {
    const parts = (path.startsWith('/') ? path : `${this.cwd}/${path}`).split('/');
    const out: string[] = [];
    for (const part of parts) {
      if (!part || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return '/' + out.join('/');
  }

  // ---------------------------------------------------------------- running

  run(script: string, io?: Io): number {
    let list: List;
    try {
      list = parseScript(script);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        (io?.err ?? ((s: string) => this.emit(2, s)))(`${this.prog()}: ${this.o.flavour === 'bash' ? '-c: line 1: ' : ''}${e.message}\n`);
        return 2;
      }
      throw e;
    }
    return this.runList(list, io ?? this.topIo());
  }

  /** Runs a whole program (script or argv) to completion or `until`; never throws. */
  static execute(o: ShellOptions, program: { script: string } | { argv: string[] }): ShellRun {
    const sh = new Shell(o);
    let code: number | undefined;
    let stoppedAt: number | undefined;
    try {
      code = 'script' in program ? sh.run(program.script) : sh.runArgv(program.argv, sh.topIo());
    } catch (e) {
      if (e instanceof ExitSignal) code = e.code;
      else if (e instanceof StopSignal) stoppedAt = e.budget ? sh.t : undefined;
      else throw e;
    }
    // Output at the stopping instant may be partial: only what came before it is final.
    if (stoppedAt !== undefined) return { output: sh.output.filter((x) => x.at < stoppedAt!), writes: sh.writes.filter((w) => w.at < stoppedAt!), stoppedAt };
    return { output: sh.output, writes: sh.writes, ...(code === undefined ? {} : { exit: { at: sh.t, code } }) };
  }

  topIo(): Io {
    return { stdin: this.o.stdin ?? '', out: (s) => this.emit(1, s), err: (s) => this.emit(2, s) };
  }

  private emit(stream: 1 | 2, text: string): void {
    if (text) this.output.push({ at: this.t, stream, text });
  }

  private tick(): void {
    if (++this.steps > (this.o.maxSteps ?? MAX_STEPS)) throw new StopSignal(true);
    if (this.t > this.o.until) throw new StopSignal();
  }

  private runList(list: List, io: Io): number {
    for (const andOr of list) {
      let code = this.runPipeline(andOr.first, io);
      for (const r of andOr.rest) {
        if ((r.op === '&&' && code === 0) || (r.op === '||' && code !== 0)) code = this.runPipeline(r.pipeline, io);
      }
      this.status = code;
    }
    return this.status;
  }

  private runPipeline(p: { negate: boolean; commands: Command[] }, io: Io): number {
    let input = io.stdin;
    let code = 0;
    p.commands.forEach((cmd, i) => {
      const last = i === p.commands.length - 1;
      if (last) {
        code = this.runCommand(cmd, { ...io, stdin: input });
      } else {
        let buf = '';
        code = this.runCommand(cmd, { stdin: input, out: (s) => (buf += s), err: io.err });
        input = buf;
      }
    });
    return p.negate ? (code === 0 ? 1 : 0) : code;
  }

  private withRedirects(redirects: Redirect[], io: Io, body: (io: Io) => number): number {
    let cur = { ...io };
    const files: { path: string; append: boolean; buf: string }[] = [];
    for (const r of redirects) {
      const target = this.expandWord(r.target).join(' ');
      if (r.op === '<') {
        const text = this.read(target);
        if (text === undefined) {
          io.err(`${this.prog()}: can't open '${target}': No such file or directory\n`);
          return 1;
        }
        cur.stdin = text;
      } else if (r.op === '>&') {
        if (target === '1') cur = { ...cur, err: cur.out };
        else if (target === '2') cur = { ...cur, out: cur.err };
      } else {
        const path = target;
        if (path === '/dev/null') {
          if (r.fd === 2) cur = { ...cur, err: () => {} };
          else cur = { ...cur, out: () => {} };
          continue;
        }
        if (path === '/dev/stdout' || path === '/proc/1/fd/1') continue;
        if (path === '/dev/stderr' || path === '/proc/1/fd/2') {
          cur = { ...cur, out: cur.err };
          continue;
        }
        const f = { path, append: r.op === '>>', buf: '' };
        const err = this.write(path, '', f.append);
        if (err) {
          // ash: "can't create" with its own word for a missing directory; bash: perror.
          if (this.o.flavour === 'bash') io.err(`bash: line 1: ${path}: ${strerror(err)}\n`);
          else io.err(`sh: can't create ${path}: ${err === 'EROFS' ? strerror(err) : 'nonexistent directory'}\n`);
          return 1;
        }
        files.push(f);
        const sink = (s: string) => {
          this.write(path, s, true);
        };
        if (r.fd === 2) cur = { ...cur, err: sink };
        else cur = { ...cur, out: sink };
      }
    }
    return body(cur);
  }

  private runCommand(cmd: Command, io: Io): number {
    this.tick();
    switch (cmd.type) {
      case 'simple':
        return this.withRedirects(cmd.redirects, io, (rio) => this.runSimple(cmd.assigns, cmd.words, rio));
      case 'while':
        return this.withRedirects(cmd.redirects, io, (rio) => {
          let code = 0;
          for (;;) {
            this.tick();
            const c = this.runList(cmd.cond, rio);
            if (cmd.until ? c === 0 : c !== 0) break;
            try {
              code = this.runList(cmd.body, rio);
            } catch (e) {
              if (e instanceof BreakSignal) break;
              throw e;
            }
          }
          return code;
        });
      case 'for':
        return this.withRedirects(cmd.redirects, io, (rio) => {
          const items = cmd.items ? cmd.items.flatMap((w) => this.expandWord(w)) : [];
          let code = 0;
          for (const item of items) {
            this.vars[cmd.name] = item;
            try {
              code = this.runList(cmd.body, rio);
            } catch (e) {
              if (e instanceof BreakSignal) break;
              throw e;
            }
          }
          return code;
        });
      case 'if':
        return this.withRedirects(cmd.redirects, io, (rio) => {
          for (const c of cmd.clauses) if (this.runList(c.cond, rio) === 0) return this.runList(c.body, rio);
          return cmd.otherwise ? this.runList(cmd.otherwise, rio) : 0;
        });
      case 'group':
        return this.withRedirects(cmd.redirects, io, (rio) => {
          if (!cmd.subshell) return this.runList(cmd.body, rio);
          const saved = { ...this.vars };
          const cwd = this.cwd;
          try {
            return this.runList(cmd.body, rio);
          } catch (e) {
            if (e instanceof ExitSignal) return e.code;
            throw e;
          } finally {
            this.vars = saved;
            this.cwd = cwd;
          }
        });
    }
  }

  private runSimple(assigns: string[], words: string[], io: Io): number {
    const argv = words.flatMap((w) => this.expandWord(w));
    for (const a of assigns) {
      const eq = a.indexOf('=');
      this.vars[a.slice(0, eq)] = this.expandWord(a.slice(eq + 1), false).join(' ');
    }
    if (argv.length === 0) return 0;
    return this.runArgv(argv, io);
  }

  // ---------------------------------------------------------------- expansion

  /** Expands one word: parameters, command substitution, arithmetic, quotes, globs. */
  expandWord(word: string, split = true): string[] {
    const fields: string[] = [];
    let cur = '';
    let quotedAny = false;
    let hasGlob = false;
    const pushSplit = (text: string) => {
      if (!split) {
        cur += text;
        return;
      }
      const parts = text.split(/[ \t\n]+/);
      parts.forEach((p, i) => {
        if (i > 0) {
          if (cur || quotedAny) fields.push(cur);
          cur = '';
          quotedAny = false;
        }
        cur += p;
      });
    };
    let i = 0;
    while (i < word.length) {
      const c = word[i]!;
      if (c === "'") {
        const end = word.indexOf("'", i + 1);
        cur += word.slice(i + 1, end);
        quotedAny = true;
        i = end + 1;
      } else if (c === '"') {
        quotedAny = true;
        i++;
        while (i < word.length && word[i] !== '"') {
          if (word[i] === '\\' && '"\\$`'.includes(word[i + 1] ?? '')) {
            cur += word[i + 1];
            i += 2;
          } else if (word[i] === '$') {
            const [text, next] = this.expandDollar(word, i);
            cur += text;
            i = next;
          } else if (word[i] === '`') {
            const end = word.indexOf('`', i + 1);
            cur += this.substitute(word.slice(i + 1, end));
            i = end + 1;
          } else cur += word[i++];
        }
        i++;
      } else if (c === '\\') {
        cur += word[i + 1] ?? '';
        i += 2;
      } else if (c === '$') {
        const [text, next] = this.expandDollar(word, i);
        pushSplit(text);
        i = next;
      } else if (c === '`') {
        const end = word.indexOf('`', i + 1);
        pushSplit(this.substitute(word.slice(i + 1, end)));
        i = end + 1;
      } else {
        if (c === '*' || c === '?') hasGlob = true;
        cur += c;
        i++;
      }
    }
    if (cur || quotedAny) fields.push(cur);
    if (hasGlob && split) return fields.flatMap((f) => this.glob(f));
    return fields;
  }

  private glob(pattern: string): string[] {
    if (!/[*?]/.test(pattern)) return [pattern];
    const slash = pattern.lastIndexOf('/');
    const dir = slash === -1 ? '.' : pattern.slice(0, slash) || '/';
    const base = pattern.slice(slash + 1);
    const re = new RegExp('^' + base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
    const names = (this.list(dir) ?? []).filter((n) => re.test(n) && !n.startsWith('.'));
    if (names.length === 0) return [pattern];
    return names.map((n) => (slash === -1 ? n : `${pattern.slice(0, slash)}/${n}`));
  }

  private expandDollar(word: string, i: number): [string, number] {
    const next = word[i + 1];
    if (next === '(' && word[i + 2] === '(') {
      const end = word.indexOf('))', i + 3);
      return [String(this.arith(word.slice(i + 3, end))), end + 2];
    }
    if (next === '(') {
      let depth = 1;
      let j = i + 2;
      for (; j < word.length && depth > 0; j++) {
        if (word[j] === '(') depth++;
        else if (word[j] === ')') depth--;
      }
      return [this.substitute(word.slice(i + 2, j - 1)), j];
    }
    if (next === '{') {
      const end = word.indexOf('}', i + 2);
      const inner = word.slice(i + 2, end);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?-)(.*)$/.exec(inner);
      if (m) {
        const v = this.vars[m[1]!];
        return [v === undefined || (m[2] === ':-' && v === '') ? this.expandWord(m[3]!, false).join(' ') : v, end + 1];
      }
      if (inner.startsWith('#')) return [String((this.vars[inner.slice(1)] ?? '').length), end + 1];
      return [this.param(inner), end + 1];
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#!@*])/.exec(word.slice(i + 1));
    if (!m) return ['$', i + 1];
    return [this.param(m[1]!), i + 1 + m[1]!.length];
  }

  private param(name: string): string {
    if (name === '?') return String(this.status);
    if (name === '$') return '1';
    if (name === '#') return '0';
    if (name === 'RANDOM') return String((this.steps * 7919 + this.t) % 32768);
    return this.vars[name] ?? '';
  }

  private substitute(script: string): string {
    let buf = '';
    const code = this.run(script, { stdin: '', out: (s) => (buf += s), err: (s) => this.emit(2, s) });
    this.status = code;
    return buf.replace(/\n+$/, '');
  }

  arith(expr: string): number {
    const src = expr.replace(/\$?([A-Za-z_][A-Za-z0-9_]*)/g, (_m, v: string) => String(Number(this.vars[v] ?? 0) || 0));
    if (!/^[\d\s+\-*/%()<>=!&|]*$/.test(src)) return 0;
    const tokens = src.match(/\d+|<=|>=|==|!=|&&|\|\||[+\-*/%()<>!]/g) ?? [];
    let pos = 0;
    const primary = (): number => {
      const t = tokens[pos++];
      if (t === '(') {
        const v = or();
        pos++;
        return v;
      }
      if (t === '-') return -primary();
      if (t === '!') return primary() ? 0 : 1;
      return Number(t ?? 0);
    };
    const mul = (): number => {
      let v = primary();
      while (['*', '/', '%'].includes(tokens[pos] ?? '')) {
        const op = tokens[pos++];
        const r = primary();
        v = op === '*' ? v * r : op === '/' ? Math.trunc(v / (r || 1)) : v % (r || 1);
      }
      return v;
    };
    const add = (): number => {
      let v = mul();
      while (['+', '-'].includes(tokens[pos] ?? '')) v = tokens[pos++] === '+' ? v + mul() : v - mul();
      return v;
    };
    const cmp = (): number => {
      let v = add();
      while (['<', '>', '<=', '>=', '==', '!='].includes(tokens[pos] ?? '')) {
        const op = tokens[pos++];
        const r = add();
        v = Number(op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : op === '>=' ? v >= r : op === '==' ? v === r : v !== r);
      }
      return v;
    };
    const or = (): number => {
      let v = cmp();
      while (tokens[pos] === '&&' || tokens[pos] === '||') {
        const op = tokens[pos++];
        const r = cmp();
        v = Number(op === '&&' ? v && r : v || r);
      }
      return v;
    };
    return or();
  }

  // ---------------------------------------------------------------- commands

  runArgv(argv: string[], io: Io): number {
    const [name, ...args] = argv;
    const cmd = name!.includes('/') && !BUILTIN_PATHS.has(name!) ? name! : name!.replace(/^\/(usr\/)?(local\/)?s?bin\//, '');
    const builtin = COMMANDS[cmd];
    if (builtin) return builtin(this, args, io);
    const ext = this.o.external?.([cmd, ...args], io.stdin);
    if (ext) {
      io.out(ext.stdout);
      io.err(ext.stderr);
      return ext.code;
    }
    if (this.o.flavour === 'bash') io.err(`bash: line 1: ${name}: command not found\n`);
    else io.err(`sh: ${name}: not found\n`);
    return 127;
  }

  sleep(ms: number): void {
    this.t += ms;
    if (this.t > this.o.until) throw new StopSignal();
  }

  exit(code: number): never {
    throw new ExitSignal(code);
  }

  breakLoop(): never {
    throw new BreakSignal(1);
  }

  now(): number {
    return this.o.startedAt + this.t;
  }

  get flavour(): 'busybox' | 'bash' {
    return this.o.flavour;
  }

  get interactive(): boolean {
    return Boolean(this.o.interactive);
  }

  env(): Record<string, string> {
    return this.vars;
  }

  setVar(name: string, value: string | undefined): void {
    if (value === undefined) delete this.vars[name];
    else this.vars[name] = value;
  }

  getCwd(): string {
    return this.cwd;
  }

  setCwd(dir: string): void {
    this.cwd = this.abs(dir);
  }

  /** Deletes a file: false when there is none, EROFS when it is on a read-only mount. */
  removeFile(path: string): boolean | 'EROFS' {
    const p = this.abs(path);
    const existed = this.read(p) !== undefined;
    if (existed && this.o.fs.isReadOnly(p)) return 'EROFS';
    if (existed) {
      this.overlay.set(p, null);
      this.writes.push({ at: this.t, path: p, content: '', append: false, remove: true });
    }
    return existed;
  }
}

const BUILTIN_PATHS = new Set<string>();

/** Whether the interpreter implements a command (BusyBox applet or coreutils program). */
export function isBuiltinCommand(name: string): boolean {
  return Object.hasOwn(COMMANDS, name.replace(/^\/(usr\/)?(local\/)?s?bin\//, ''));
}

type Builtin = (sh: Shell, args: string[], io: Io) => number;

function parseSleep(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * mult;
}

function echoText(args: string[], interpretEscapes: boolean): string {
  let newline = true;
  let escapes = interpretEscapes;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    const flag = args.shift()!;
    if (flag.includes('n')) newline = false;
    if (flag.includes('e')) escapes = true;
    if (flag.includes('E')) escapes = false;
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  return newline ? text + '\n' : text;
}

function fileNotFound(sh: Shell, cmd: string, path: string): string {
  return sh.flavour === 'bash' ? `${cmd}: ${path}: No such file or directory\n` : `${cmd}: can't open '${path}': No such file or directory\n`;
}

function testExpr(sh: Shell, a: string[]): boolean {
  if (a.length === 0) return false;
  if (a[0] === '!') return !testExpr(sh, a.slice(1));
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) {
    const [op, v] = a as [string, string];
    switch (op) {
      case '-z':
        return v === '';
      case '-n':
        return v !== '';
      case '-f':
        return sh.read(v) !== undefined;
      case '-d':
        return sh.isDir(v);
      case '-e':
      case '-s':
        return op === '-s' ? (sh.read(v) ?? '').length > 0 : sh.read(v) !== undefined || sh.isDir(v);
      case '-r':
      case '-w':
      case '-x':
        return sh.read(v) !== undefined || sh.isDir(v);
    }
  }
  const [l, op, r] = a as [string, string, string];
  switch (op) {
    case '=':
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '-eq':
      return Number(l) === Number(r);
    case '-ne':
      return Number(l) !== Number(r);
    case '-lt':
      return Number(l) < Number(r);
    case '-le':
      return Number(l) <= Number(r);
    case '-gt':
      return Number(l) > Number(r);
    case '-ge':
      return Number(l) >= Number(r);
  }
  if (a.length > 3) {
    const i = a.indexOf('-a') !== -1 ? a.indexOf('-a') : a.indexOf('-o');
    if (i > 0) return a[i] === '-a' ? testExpr(sh, a.slice(0, i)) && testExpr(sh, a.slice(i + 1)) : testExpr(sh, a.slice(0, i)) || testExpr(sh, a.slice(i + 1));
  }
  return false;
}

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function readInputs(sh: Shell, cmd: string, files: string[], io: Io): { text: string; ok: boolean } {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) return { text: io.stdin, ok: true };
  let text = '';
  let ok = true;
  for (const f of files) {
    const content = sh.read(f);
    if (content === undefined) {
      io.err(sh.isDir(f) ? `${cmd}: read error: Is a directory\n` : fileNotFound(sh, cmd, f));
      ok = false;
    } else text += content;
  }
  return { text, ok };
}

const COMMANDS: Record<string, Builtin> = {
  echo: (_sh, args, io) => {
    io.out(echoText([...args], false));
    return 0;
  },
  printf: (_sh, args, io) => {
    const [fmt = '', ...rest] = args;
    let k = 0;
    const out = fmt
      .replace(/%([-0-9.]*)([sdif%])/g, (_m, _w, conv: string) => (conv === '%' ? '%' : conv === 's' ? (rest[k++] ?? '') : String(Math.trunc(Number(rest[k++] ?? 0)))))
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t');
    io.out(out);
    return 0;
  },
  sleep: (sh, args, io) => {
    if (args.length === 0) {
      io.err(sh.flavour === 'bash' ? 'sleep: missing operand\nTry \'sleep --help\' for more information.\n' : 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n');
      return 1;
    }
    let total = 0;
    for (const a of args) {
      const ms = parseSleep(a);
      if (ms === undefined) {
        io.err(`sleep: invalid number '${a}'\n`);
        return 1;
      }
      total += ms;
    }
    sh.sleep(total);
    return 0;
  },
  exit: (sh, args) => sh.exit(args[0] === undefined ? 0 : Number(args[0]) & 255),
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  break: (sh) => sh.breakLoop(),
  trap: () => 0,
  set: () => 0,
  wait: () => 0,
  date: (sh, args, io) => {
    const fmt = args.find((a) => a.startsWith('+'));
    const now = sh.now();
    if (fmt) {
      const d = new Date(now);
      const pad = (n: number) => String(n).padStart(2, '0');
      io.out(
        fmt
          .slice(1)
          .replace(/%Y/g, String(d.getUTCFullYear()))
          .replace(/%m/g, pad(d.getUTCMonth() + 1))
          .replace(/%d/g, pad(d.getUTCDate()))
          .replace(/%H/g, pad(d.getUTCHours()))
          .replace(/%M/g, pad(d.getUTCMinutes()))
          .replace(/%S/g, pad(d.getUTCSeconds()))
          .replace(/%s/g, String(Math.floor(now / 1000)))
          .replace(/%T/g, `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`) + '\n',
      );
    } else io.out(dateOutput(now) + '\n');
    return 0;
  },
  hostname: (sh, _args, io) => {
    io.out((sh.env().HOSTNAME ?? '') + '\n');
    return 0;
  },
  cat: (sh, args, io) => {
    const { text, ok } = readInputs(sh, 'cat', args.filter((a) => !a.startsWith('-') || a === '-'), io);
    io.out(text);
    return ok ? 0 : 1;
  },
  ls: (sh, args, io) => {
    const flags = args.filter((a) => a.startsWith('-')).join('');
    const paths = args.filter((a) => !a.startsWith('-'));
    const targets = paths.length ? paths : ['.'];
    let code = 0;
    const outs: string[] = [];
    for (const p of targets) {
      if (sh.read(p) !== undefined && !sh.isDir(p)) {
        outs.push(flags.includes('l') ? `-rw-r--r--    1 root     root     ${String((sh.read(p) ?? '').length).padStart(8)} Jan  5 09:00 ${p}` : p);
        continue;
      }
      const entries = sh.list(p);
      if (!entries) {
        io.err(sh.flavour === 'bash' ? `ls: cannot access '${p}': No such file or directory\n` : `ls: ${p}: No such file or directory\n`);
        code = sh.flavour === 'bash' ? 2 : 1;
        continue;
      }
      const shown = entries.filter((e) => flags.includes('a') || !e.startsWith('.'));
      if (targets.length > 1) outs.push(`${p}:`);
      if (flags.includes('l')) {
        outs.push(`total ${shown.length * 4}`);
        for (const e of shown) {
          const full = p === '.' ? e : `${p.replace(/\/$/, '')}/${e}`;
          const dir = sh.isDir(full);
          outs.push(`${dir ? 'drwxr-xr-x' : '-rw-r--r--'}    ${dir ? 2 : 1} root     root     ${String(dir ? 4096 : (sh.read(full) ?? '').length).padStart(8)} Jan  5 09:00 ${e}`);
        }
      } else outs.push(...shown);
    }
    if (outs.length) io.out(outs.join('\n') + '\n');
    return code;
  },
  env: (sh, _args, io) => {
    io.out(Object.entries(sh.env()).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
    return 0;
  },
  printenv: (sh, args, io) => {
    if (args.length === 0) return COMMANDS.env!(sh, args, io);
    const v = sh.env()[args[0]!];
    if (v === undefined) return 1;
    io.out(v + '\n');
    return 0;
  },
  export: (sh, args) => {
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) sh.setVar(a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },
  unset: (sh, args) => {
    for (const a of args) sh.setVar(a, undefined);
    return 0;
  },
  pwd: (sh, _a, io) => {
    io.out(sh.getCwd() + '\n');
    return 0;
  },
  cd: (sh, args, io) => {
    const dir = args[0] ?? '/root';
    if (!sh.isDir(dir)) {
      io.err(`${sh.flavour === 'bash' ? 'bash: line 1: ' : 'sh: '}cd: can't cd to ${dir}: No such file or directory\n`);
      return sh.flavour === 'bash' ? 1 : 2;
    }
    sh.setCwd(dir);
    return 0;
  },
  // BusyBox touch reports each file it cannot create and goes on (coreutils: "cannot touch").
  touch: (sh, args, io) => {
    let code = 0;
    for (const f of args.filter((a) => !a.startsWith('-'))) {
      const err = sh.write(f, '', true);
      if (!err) continue;
      io.err(sh.flavour === 'bash' ? `touch: cannot touch '${f}': ${strerror(err)}\n` : `touch: ${f}: ${strerror(err)}\n`);
      code = 1;
    }
    return code;
  },
  mkdir: (sh, args, io) => {
    let code = 0;
    for (const d of args.filter((a) => !a.startsWith('-'))) {
      const dir = d.replace(/\/$/, '');
      if (sh.isDir(dir)) continue;
      if (sh.isReadOnly(dir)) {
        io.err(`mkdir: ${sh.flavour === 'bash' ? 'cannot' : "can't"} create directory '${d}': Read-only file system\n`);
        code = 1;
        continue;
      }
      sh.write(`${dir}/.keep`, '', true);
    }
    return code;
  },
  rm: (sh, args, io) => {
    const force = args.some((a) => /^-\w*f/.test(a));
    const cannot = sh.flavour === 'bash' ? 'cannot' : "can't";
    let code = 0;
    for (const f of args.filter((a) => !a.startsWith('-'))) {
      const removed = sh.removeFile(f);
      if (removed === 'EROFS') {
        io.err(`rm: ${cannot} remove '${f}': Read-only file system\n`);
        code = 1;
      } else if (!removed && !force) {
        io.err(`rm: ${cannot} remove '${f}': No such file or directory\n`);
        code = 1;
      }
    }
    return code;
  },
  test: (sh, args) => (testExpr(sh, args) ? 0 : 1),
  '[': (sh, args, io) => {
    if (args[args.length - 1] !== ']') {
      io.err('sh: missing ]\n');
      return 2;
    }
    return testExpr(sh, args.slice(0, -1)) ? 0 : 1;
  },
  seq: (_sh, args, io) => {
    const n = args.map(Number);
    const [first, step, last] = n.length === 1 ? [1, 1, n[0]!] : n.length === 2 ? [n[0]!, 1, n[1]!] : [n[0]!, n[1]!, n[2]!];
    const out: string[] = [];
    for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
      out.push(String(v));
      if (out.length > 100_000) break;
    }
    if (out.length) io.out(out.join('\n') + '\n');
    return 0;
  },
  wc: (sh, args, io) => {
    const { text } = readInputs(sh, 'wc', args.filter((a) => !a.startsWith('-')), io);
    if (args.includes('-l')) io.out(`${lines(text).length}\n`);
    else if (args.includes('-c')) io.out(`${text.length}\n`);
    else if (args.includes('-w')) io.out(`${text.split(/\s+/).filter(Boolean).length}\n`);
    else io.out(`${String(lines(text).length).padStart(7)} ${String(text.split(/\s+/).filter(Boolean).length).padStart(7)} ${String(text.length).padStart(7)}\n`);
    return 0;
  },
  head: (sh, args, io) => {
    const nIdx = args.indexOf('-n');
    const n = nIdx !== -1 ? Number(args[nIdx + 1]) : Number(args.find((a) => /^-\d+$/.test(a))?.slice(1) ?? 10);
    const files = args.filter((a, i) => !a.startsWith('-') && (nIdx === -1 || i !== nIdx + 1));
    const { text } = readInputs(sh, 'head', files, io);
    const l = lines(text).slice(0, n);
    if (l.length) io.out(l.join('\n') + '\n');
    return 0;
  },
  tail: (sh, args, io) => {
    const nIdx = args.indexOf('-n');
    const n = nIdx !== -1 ? Number(args[nIdx + 1]) : Number(args.find((a) => /^-\d+$/.test(a))?.slice(1) ?? 10);
    const files = args.filter((a, i) => !a.startsWith('-') && (nIdx === -1 || i !== nIdx + 1));
    const { text } = readInputs(sh, 'tail', files, io);
    const l = lines(text).slice(-n);
    if (l.length) io.out(l.join('\n') + '\n');
    return 0;
  },
  grep: (sh, args, io) => {
    const flags = args.filter((a) => a.startsWith('-')).join('');
    const [pattern = '', ...files] = args.filter((a) => !a.startsWith('-'));
    const { text } = readInputs(sh, 'grep', files, io);
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
    } catch {
      re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
    const matched = lines(text).filter((l) => re.test(l) !== flags.includes('v'));
    if (flags.includes('c')) io.out(`${matched.length}\n`);
    else if (!flags.includes('q') && matched.length) io.out(matched.join('\n') + '\n');
    return matched.length ? 0 : 1;
  },
  tee: (sh, args, io) => {
    const append = args.includes('-a');
    let code = 0;
    for (const f of args.filter((a) => !a.startsWith('-'))) {
      const err = sh.write(f, io.stdin, append);
      if (!err) continue;
      io.err(`tee: ${f}: ${strerror(err)}\n`);
      code = 1;
    }
    io.out(io.stdin);
    return code;
  },
  id: (_sh, _a, io) => {
    io.out('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    return 0;
  },
  whoami: (_sh, _a, io) => {
    io.out('root\n');
    return 0;
  },
  uname: (_sh, args, io) => {
    io.out(args.includes('-a') ? 'Linux ' + 'host 6.8.0-79-generic #79-Ubuntu SMP x86_64 GNU/Linux\n' : args.includes('-r') ? '6.8.0-79-generic\n' : 'Linux\n');
    return 0;
  },
  expr: (sh, args, io) => {
    const v = sh.arith(args.join(' '));
    io.out(`${v}\n`);
    return v === 0 ? 1 : 0;
  },
  sh: (sh, args, io) => runShell(sh, args, io),
  bash: (sh, args, io) => runShell(sh, args, io),
  ash: (sh, args, io) => runShell(sh, args, io),
};

function runShell(sh: Shell, args: string[], io: Io): number {
  const c = args.indexOf('-c');
  if (c !== -1) return sh.run(args[c + 1] ?? '', io);
  if (args.length > 0 && !args[0]!.startsWith('-')) {
    const script = sh.read(args[0]!);
    if (script === undefined) {
      io.err(`sh: can't open '${args[0]}': No such file or directory\n`);
      return 2;
    }
    return sh.run(script, io);
  }
  // No script: reads commands from stdin; with stdin kept open it waits for input forever.
  if (sh.interactive) sh.sleep(Infinity);
  return sh.run(io.stdin, io);
}
