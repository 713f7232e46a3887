/**
 * A parser for the part of POSIX sh that container commands and `kubectl exec … sh -c` use:
 * lists with `;`, `&&`, `||`, `&`, pipelines, redirections, assignments, `while`/`until`/`for`/
 * `if`/`case`-free control flow, `{ … }` groups and `( … )` subshells. Words keep their quoting
 * so expansion (expand.ts) can tell quoted from unquoted text.
 */

export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: string;
}

export type Command =
  | { type: 'simple'; assigns: string[]; words: string[]; redirects: Redirect[] }
  | { type: 'while'; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { type: 'for'; name: string; items: string[] | undefined; body: List; redirects: Redirect[] }
  | { type: 'if'; clauses: { cond: List; body: List }[]; otherwise?: List; redirects: Redirect[] }
  | { type: 'group'; body: List; subshell: boolean; redirects: Redirect[] };

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
}

export type List = AndOr[];

export class ShellSyntaxError extends Error {}

type Token = { kind: 'word'; text: string } | { kind: 'op'; text: string };

const OPS = ['&&', '||', ';;', '>>', '>&', '&>', ';', '&', '|', '(', ')', '<', '>', '\n'];

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    // An fd number directly before a redirection: `2>`, `2>&1`.
    const fdMatch = /^(\d)(>>|>&|>|<)/.exec(src.slice(i));
    if (fdMatch && (out.length === 0 || !isGlued(src, i))) {
      out.push({ kind: 'op', text: fdMatch[1]! + fdMatch[2]! });
      i += fdMatch[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    let word = '';
    while (i < src.length) {
      const c = src[i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === ')' || (c === '(' && word === '')) break;
      if (c === '(' ) break;
      if (c === '\\') {
        word += c + (src[i + 1] ?? '');
        i += 2;
        continue;
      }
      if (c === "'") {
        const end = src.indexOf("'", i + 1);
        if (end === -1) throw new ShellSyntaxError('unterminated quoted string');
        word += src.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      if (c === '"') {
        const end = findDoubleQuoteEnd(src, i + 1);
        word += src.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      if (c === '$' && src[i + 1] === '(') {
        const end = findParenEnd(src, i + 2);
        word += src.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      if (c === '`') {
        const end = src.indexOf('`', i + 1);
        if (end === -1) throw new ShellSyntaxError('unterminated backquote');
        word += src.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      word += c;
      i++;
    }
    if (word) out.push({ kind: 'word', text: word });
    else if (i < src.length) {
      out.push({ kind: 'op', text: src[i]! });
      i++;
    }
  }
  return out;
}

function isGlued(src: string, i: number): boolean {
  const prev = src[i - 1];
  return prev !== undefined && prev !== ' ' && prev !== '\t' && prev !== '\n' && prev !== ';';
}

function findDoubleQuoteEnd(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '$' && src[i + 1] === '(') i = findParenEnd(src, i + 2);
    else if (src[i] === '"') return i;
  }
  throw new ShellSyntaxError('unterminated quoted string');
}

function findParenEnd(src: string, from: number): number {
  let depth = 1;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === "'") {
      i = src.indexOf("'", i + 1);
      if (i === -1) break;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new ShellSyntaxError("unexpected end of file (expecting \")\")");
}

const RESERVED = new Set(['do', 'done', 'then', 'elif', 'else', 'fi', '}', 'in']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parseProgram(): List {
    const list = this.parseList([]);
    this.skipNewlines();
    if (this.i < this.tokens.length) throw new ShellSyntaxError(`syntax error: unexpected "${this.tokens[this.i]!.text}"`);
    return list;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text === text;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.text === text;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  private expectWord(text: string): void {
    this.skipNewlines();
    if (!this.isWord(text)) throw new ShellSyntaxError(`syntax error: unexpected ${this.peek() ? `"${this.peek()!.text}"` : 'end of file'} (expecting "${text}")`);
    this.i++;
  }

  /** Parses and-or lists until one of `stops` (reserved words) or `)` or the end. */
  private parseList(stops: string[]): List {
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t) break;
      if (t.kind === 'word' && stops.includes(t.text)) break;
      if (t.kind === 'op' && (t.text === ')' || t.text === ';;')) break;
      if (t.kind === 'op' && t.text === ';') throw new ShellSyntaxError('syntax error: unexpected ";"');
      const andOr = this.parseAndOr();
      list.push(andOr);
      if (this.isOp(';') || this.isOp('\n')) this.i++;
      else if (this.isOp('&')) {
        andOr.background = true;
        this.i++;
      }
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = this.peek()!.text as '&&' | '||';
      this.i++;
      this.skipNewlines();
      rest.push({ op, pipeline: this.parsePipeline() });
    }
    return { first, rest, background: false };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (this.isWord('!')) {
      negate = true;
      this.i++;
    }
    const commands = [this.parseCommand()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { negate, commands };
  }

  private parseRedirects(into: Redirect[]): void {
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'op') return;
      const m = /^(\d?)(>>|>&|>|<|&>)$/.exec(t.text);
      if (!m) return;
      this.i++;
      const target = this.peek();
      if (target?.kind !== 'word') throw new ShellSyntaxError('syntax error: unexpected newline');
      this.i++;
      if (m[2] === '&>') {
        into.push({ fd: 1, op: '>', target: target.text }, { fd: 2, op: '>&', target: '1' });
        continue;
      }
      const op = m[2] as Redirect['op'];
      into.push({ fd: m[1] ? Number(m[1]) : op === '<' ? 0 : 1, op, target: target.text });
    }
  }

  private parseCommand(): Command {
    this.skipNewlines();
    const t = this.peek();
    if (!t) throw new ShellSyntaxError('syntax error: unexpected end of file');
    if (t.kind === 'word' && (t.text === 'while' || t.text === 'until')) {
      this.i++;
      const cond = this.parseList(['do']);
      this.expectWord('do');
      const body = this.parseList(['done']);
      this.expectWord('done');
      const redirects: Redirect[] = [];
      this.parseRedirects(redirects);
      return { type: 'while', until: t.text === 'until', cond, body, redirects };
    }
    if (t.kind === 'word' && t.text === 'for') {
      this.i++;
      const name = this.peek();
      if (name?.kind !== 'word') throw new ShellSyntaxError('syntax error: bad for loop variable');
      this.i++;
      let items: string[] | undefined;
      this.skipNewlines();
      if (this.isWord('in')) {
        this.i++;
        items = [];
        while (this.peek()?.kind === 'word') items.push(this.tokens[this.i++]!.text);
      }
      if (this.isOp(';') || this.isOp('\n')) this.i++;
      this.expectWord('do');
      const body = this.parseList(['done']);
      this.expectWord('done');
      const redirects: Redirect[] = [];
      this.parseRedirects(redirects);
      return { type: 'for', name: name.text, items, body, redirects };
    }
    if (t.kind === 'word' && t.text === 'if') {
      this.i++;
      const clauses: { cond: List; body: List }[] = [];
      let otherwise: List | undefined;
      const cond = this.parseList(['then']);
      this.expectWord('then');
      clauses.push({ cond, body: this.parseList(['elif', 'else', 'fi']) });
      for (;;) {
        this.skipNewlines();
        if (this.isWord('elif')) {
          this.i++;
          const c = this.parseList(['then']);
          this.expectWord('then');
          clauses.push({ cond: c, body: this.parseList(['elif', 'else', 'fi']) });
        } else if (this.isWord('else')) {
          this.i++;
          otherwise = this.parseList(['fi']);
        } else break;
      }
      this.expectWord('fi');
      const redirects: Redirect[] = [];
      this.parseRedirects(redirects);
      return { type: 'if', clauses, otherwise, redirects };
    }
    if (t.kind === 'word' && t.text === '{') {
      this.i++;
      const body = this.parseList(['}']);
      this.expectWord('}');
      const redirects: Redirect[] = [];
      this.parseRedirects(redirects);
      return { type: 'group', body, subshell: false, redirects };
    }
    if (t.kind === 'op' && t.text === '(') {
      this.i++;
      const body = this.parseList([]);
      if (!this.isOp(')')) throw new ShellSyntaxError('syntax error: unexpected end of file (expecting ")")');
      this.i++;
      const redirects: Redirect[] = [];
      this.parseRedirects(redirects);
      return { type: 'group', body, subshell: true, redirects };
    }
    if (t.kind === 'word' && RESERVED.has(t.text)) throw new ShellSyntaxError(`syntax error: unexpected "${t.text}"`);
    const assigns: string[] = [];
    const words: string[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.parseRedirects(redirects);
      const w = this.peek();
      if (w?.kind !== 'word') break;
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text)) assigns.push(w.text);
      else words.push(w.text);
      this.i++;
    }
    if (assigns.length === 0 && words.length === 0 && redirects.length === 0) {
      throw new ShellSyntaxError(`syntax error: unexpected "${t.text === '\n' ? 'newline' : t.text}"`);
    }
    return { type: 'simple', assigns, words, redirects };
  }
}

export function parseScript(src: string): List {
  return new Parser(tokenize(src)).parseProgram();
}
