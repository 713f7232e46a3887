/**
 * JSONPath templates as kubectl evaluates them (k8s.io/client-go/util/jsonpath: parser.go and
 * jsonpath.go): text outside `{}` is printed as is; inside, `.field`, `['key']`, `[i]`, `[a:b:c]`,
 * `[*]`, unions `[0,2]`, filters `[?(@.type=="Ready")]`, recursive descent `..`, `range`/`end`, and
 * quoted strings (`{"\t"}`). Results of one action are joined by spaces; strings print raw, maps and
 * lists as compact JSON. Error texts are upstream's.
 */
import { toJson, toJsonCompact } from './json.ts';
import { goSprint } from './go-value.ts';

export class JsonPathError extends Error {}

interface Param {
  known: boolean;
  value: number;
  /** The end of `[i]`, derived as i+1 (so `[-1]` ends at the length). */
  derived?: boolean;
}

type PathNode =
  | { type: 'list'; nodes: PathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [Param, Param, Param] }
  | { type: 'filter'; left: PathNode & { type: 'list' }; right: PathNode & { type: 'list' }; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: (PathNode & { type: 'list' })[] }
  | { type: 'identifier'; name: string };

type ListNode = PathNode & { type: 'list' };

const EOF = '';

class Parser {
  root: ListNode = { type: 'list', nodes: [] };
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText(this.root);
    return this.root;
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    this.width = ch.length;
    this.pos += this.width;
    return ch;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const node: ListNode = { type: 'list', nodes: [] };
        cur.nodes.push(node);
        this.parseInsideAction(node);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        this.parseText(this.root);
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        const last = cur.nodes[cur.nodes.length - 1];
        if (last?.type === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
        this.pos += 2;
        this.consumeText();
        cur.nodes.push({ type: 'recursive' });
        if (isAlphaNumeric(this.peek())) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || r === '\r' || r === '\n') throw new JsonPathError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        this.consumeText();
      } else if (r === '[') {
        this.parseArray(cur);
      } else if (r === '"' || r === "'") {
        this.parseQuote(cur, r);
      } else if (r === '.') {
        this.parseField(cur);
      } else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathError(`unrecognized character in action: ${goRune(r)}`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseNumber(cur: ListNode): void {
    let r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      const union: ListNode[] = [];
      for (const part of parts) union.push(parseAction(`[${part.trim()}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      for (const n of parseAction(`.${dict[1]}`).nodes) cur.nodes.push(n);
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const raw = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: [Param, Param, Param] = [
      { known: false, value: 0 },
      { known: false, value: 0 },
      { known: false, value: 0 },
    ];
    for (let i = 0; i < 3; i++) {
      let v = raw[i]!;
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params[i] = { known: false, value: 0 };
        else {
          if (!/^-?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          params[i] = { known: true, value: Number(v) };
        }
      } else if (i === 1) params[i] = { known: true, value: params[0].value + 1, derived: true };
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, op: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), op: m[2]! });
    }
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replace(/\\/g, '') });
  }
}

function parseAction(text: string): ListNode {
  const p = new Parser(`{${text}}`);
  const root = p.parse();
  return root.nodes[0] as ListNode;
}

function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}

function isTerminator(r: string): boolean {
  return r === EOF || ' \t\r\n.,[]$@{}'.includes(r);
}

/** Go's `%#U`: `U+0021 '!'`. */
function goRune(r: string): string {
  const cp = r.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** strconv.Unquote, also accepting single-quoted strings. */
function unquoteExtend(s: string): string {
  const q = s[0];
  if (s.length < 2 || q !== s[s.length - 1] || (q !== '"' && q !== "'")) {
    throw new JsonPathError(`unquote string ${s} error invalid syntax`);
  }
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      if (ch === q) throw new JsonPathError(`unquote string ${s} error invalid syntax`);
      out += ch;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (e !== undefined && simple[e] !== undefined) {
      if ((e === "'" && q === '"') || (e === '"' && q === "'")) throw new JsonPathError(`unquote string ${s} error invalid syntax`);
      out += simple[e];
    } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (e === 'U' && /^[0-9a-fA-F]{8}$/.test(body.slice(i + 1, i + 9))) {
      const cp = parseInt(body.slice(i + 1, i + 9), 16);
      if (cp > 0x10ffff) throw new JsonPathError(`unquote string ${s} error invalid syntax`);
      out += String.fromCodePoint(cp);
      i += 8;
    } else if (e !== undefined && /^[0-7]{3}$/.test(body.slice(i, i + 3)) && parseInt(body.slice(i, i + 3), 8) < 256) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else throw new JsonPathError(`unquote string ${s} error invalid syntax`);
  }
  return out;
}

/** A parsed template; `execute` may be called many times. */
export class JsonPath {
  private readonly root: ListNode;
  allowMissingKeys = true;
  outputJson = false;
  private stack: unknown[][] = [];
  private cur: unknown[] = [];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;

  /** Throws JsonPathError with upstream's parser message. */
  constructor(readonly template: string) {
    this.root = new Parser(template).parse();
  }

  /** The text the template produces for `data`; throws JsonPathError on evaluation errors. */
  execute(data: unknown): string {
    this.stack = [];
    this.beginRange = this.inRange = this.endRange = 0;
    const full = this.findResults(data, this.root.nodes);
    return full.map((r) => this.printResults(r)).join('');
  }

  /** The values each top-level action yields (custom-columns and --sort-by use this). */
  findResults(data: unknown, nodes: PathNode[] = this.root.nodes): unknown[][] {
    this.cur = [data];
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(this.cur, nodes[i]!);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        results.forEach((value, k) => {
          if (k === results.length - 1) this.inRange--;
          full.push(...this.findResults(value, nodes.slice(i + 1)));
        });
        break;
      }
      full.push(results);
    }
    return full;
  }

  private printResults(results: unknown[]): string {
    let values = results;
    if (this.outputJson) values = [results];
    return values
      .map((r, i) => {
        let text: string;
        const structured = r !== null && typeof r === 'object';
        if (this.outputJson) text = toJson(r);
        else if (structured) text = toJsonCompact(r);
        else text = valueText(r);
        return i !== values.length - 1 ? text + ' ' : text;
      })
      .join('');
  }

  private walk(value: unknown[], node: PathNode): unknown[] {
    switch (node.type) {
      case 'list': {
        let cur = value;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(value, node.name);
      case 'array':
        return this.evalArray(value, node.params);
      case 'filter':
        return this.evalFilter(value, node);
      case 'int':
      case 'float':
      case 'bool':
        return value.map(() => node.value);
      case 'wildcard':
        return value.flatMap((v) => children(v));
      case 'recursive':
        return this.evalRecursive(value);
      case 'union':
        return node.nodes.flatMap((n) => this.walk(value, n));
      case 'identifier':
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.stack.push(this.cur);
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.endRange < this.inRange) {
        this.endRange++;
        return [];
      }
      const top = this.stack.pop();
      if (top === undefined) throw new JsonPathError('not in range, nothing to end');
      this.cur = top;
      return [];
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  private evalField(input: unknown[], name: string): unknown[] {
    const results: unknown[] = [];
    if (input.length === 0) return results;
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, name)) {
        const r = (v as Record<string, unknown>)[name];
        if (r !== undefined) results.push(r);
      }
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
    return results;
  }

  private evalArray(input: unknown[], params: [Param, Param, Param]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
      const len = v.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += len;
      let end = params[1].known ? params[1].value : len;
      if (end < 0 || (end === 0 && params[1].derived)) end += len;
      if (end !== start) {
        if (start >= len) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
        if (end > len) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
      }
      if (start < 0 || end < start) throw new JsonPathError(`slice bounds out of range [${start}:${end}]`);
      if (!params[2].known) result.push(...v.slice(start, end));
      else {
        const step = params[2].value;
        // reflect.Slice3's third index is the capacity, not a step: the elements are start..end.
        if (step < end || step > len) throw new JsonPathError(`slice bounds out of range [::${step}] with capacity ${len}`);
        result.push(...v.slice(start, end));
      }
    }
    return result;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length !== 0) {
        result.push(v);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: unknown[], node: PathNode & { type: 'filter' }): unknown[] {
    const results: unknown[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathError(`${goSprint(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        const temp = [item];
        let lefts: unknown[];
        let leftErr: unknown;
        try {
          lefts = this.walk(temp, node.left);
        } catch (e) {
          lefts = [];
          leftErr = e;
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (leftErr) throw leftErr;
        if (lefts.length !== 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.walk(temp, node.right);
        if (rights.length !== 1) throw new JsonPathError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.op)) results.push(item);
      }
    }
    return results;
  }
}

/** Values of a map (keys sorted), elements of a list, characters of a string. */
function children(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.keys(o)
      .sort()
      .map((k) => o[k]);
  }
  if (typeof v === 'string') return [...v].map((c) => c.codePointAt(0)!);
  return [];
}

function goTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other';

function kindOf(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}

/** text/template's eq/ne/lt/le/gt/ge (the forked copy client-go uses). */
function compare(a: unknown, b: unknown, op: string): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  const numeric = (k: Kind) => k === 'int' || k === 'float';
  if (op === '==' || op === '!=') {
    if (ka === 'other' || kb === 'other') throw new JsonPathError('invalid type for comparison');
    let eq: boolean;
    if (ka === kb || (numeric(ka) && numeric(kb) && ka === kb)) eq = a === b;
    else if (numeric(ka) && numeric(kb)) throw new JsonPathError('incompatible types for comparison');
    else throw new JsonPathError('incompatible types for comparison');
    return op === '==' ? eq : !eq;
  }
  if (!['<', '>', '<=', '>='].includes(op)) throw new JsonPathError(`unrecognized filter operator ${op}`);
  if (ka === 'bool' || kb === 'bool' || ka === 'other' || kb === 'other') throw new JsonPathError('invalid type for comparison');
  if (ka !== kb) throw new JsonPathError('incompatible types for comparison');
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

/** fmt.Fprint of a scalar; `<nil>` for null. */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return goSprint(v);
}

/**
 * kubectl's RelaxedJSONPathExpression (for custom-columns and --sort-by): `.a.b`, `a.b`, `{a.b}` and
 * `{.a.b}` all become `{.a.b}`.
 */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) {
    throw new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] || m[2]}}`;
}
