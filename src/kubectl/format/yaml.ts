/**
 * YAML as kubectl's YAML printer writes it: sigs.k8s.io/yaml marshals to JSON (map keys sorted)
 * and re-emits through go-yaml v2. So sequences under a key are not indented, scalars are quoted
 * exactly when go-yaml v2 would (a string that would read back as another type — `"true"`,
 * `"8080"`, `"2026-01-05T09:00:00Z"`, `""` — is double-quoted; one whose first character is an
 * indicator — `'*'`, `': x'` — is single-quoted; tabs and other non-printables force double quotes),
 * multi-line strings become literal blocks (`|`, `|-`, `|+`), and long scalars are folded at spaces
 * past column 80 (libyaml's best_width), as `kubectl get -o yaml` does with long event messages.
 */
import { compareGo } from './json.ts';

const BEST_WIDTH = 80;
/** Text that go-yaml always writes plain: starts with a letter, `_` or `/`, no indicators or spaces. */
const SAFE_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const SURROGATE = /[\uD800-\uDFFF]/;

export function toYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, -1, 'root');
  return e.text + '\n';
}

type Context = 'root' | 'map' | 'seq';

class Emitter {
  text = '';
  column = 0;
  /** True right after an indicator or line start, so no separating space is needed. */
  whitespace = true;

  write(s: string): void {
    this.text += s;
    this.column += SURROGATE.test(s) ? [...s].length : s.length;
    this.whitespace = false;
  }

  indent(n: number): void {
    if (this.text !== '') this.text += '\n';
    this.text += ' '.repeat(n);
    this.column = n;
    this.whitespace = true;
  }

  /** `indent` is the indentation of the node's parent key or dash (-1 at the root). */
  node(value: unknown, indent: number, ctx: Context): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return this.scalarRaw('[]');
      // A sequence that is a mapping value is indentless: its dashes line up with the key.
      const seqIndent = ctx === 'map' ? indent : ctx === 'root' ? 0 : indent + 2;
      value.forEach((item, i) => {
        if (i > 0 || ctx !== 'seq') this.indent(Math.max(seqIndent, 0));
        else if (!this.whitespace) this.write(' ');
        this.write('-');
        this.node(item, Math.max(seqIndent, 0), 'seq');
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort(compareGo);
      if (keys.length === 0) return this.scalarRaw('{}');
      const keyIndent = indent + 2 < 0 ? 0 : indent + 2;
      const mapIndent = ctx === 'root' ? 0 : keyIndent;
      keys.forEach((k, i) => {
        if (i === 0 && ctx === 'seq') {
          // `- key: value`: the first key shares the dash's line.
        } else if (!(i === 0 && ctx === 'root' && this.text === '')) this.indent(mapIndent);
        this.scalar(k, mapIndent, true);
        this.write(':');
        this.node(obj[k], mapIndent, 'map');
      });
      return;
    }
    if (value === null || value === undefined) return this.scalarRaw('null');
    if (typeof value === 'boolean') return this.scalarRaw(value ? 'true' : 'false');
    if (typeof value === 'number') return this.scalarRaw(formatFloat(value));
    this.scalar(String(value), indent < 0 ? 0 : indent + 2, false);
  }

  private scalarRaw(s: string): void {
    if (!this.whitespace) this.write(' ');
    this.write(s);
  }

  /** A string scalar; `indent` is where folded or literal continuation lines start. */
  scalar(s: string, indent: number, simpleKey: boolean): void {
    if (SAFE_PLAIN.test(s) && !RESOLVE_MAP.has(s)) {
      // Fast path: a word with no indicator, space or number shape is always written plain.
      if (!this.whitespace) this.write(' ');
      this.write(s);
      return;
    }
    const a = analyze(s);
    let style: 'plain' | 'single' | 'double' | 'literal';
    if (!isValidUtf16(s)) style = 'double';
    else if (s.includes('\n') && !simpleKey) style = 'literal';
    else if (resolvesToNonString(s)) style = 'double';
    else style = 'plain';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (s.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    if (!this.whitespace) this.write(' ');
    const allowBreaks = !simpleKey;
    switch (style) {
      case 'plain':
        return this.writePlain(s, indent, allowBreaks);
      case 'single':
        return this.writeSingle(s, indent, allowBreaks);
      case 'double':
        return this.writeDouble(s, indent, allowBreaks);
      case 'literal':
        return this.writeLiteral(s, indent);
    }
  }

  private writePlain(s: string, indent: number, allowBreaks: boolean): void {
    const chars = [...s];
    let spaces = false;
    let out = '';
    const flushOut = () => {
      if (out) this.write(out);
      out = '';
    };
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === ' ') {
        flushOut();
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.indent(indent);
        else this.write(' ');
        spaces = true;
      } else {
        out += ch;
        spaces = false;
      }
    }
    flushOut();
  }

  private writeSingle(s: string, indent: number, allowBreaks: boolean): void {
    const chars = [...s];
    this.write("'");
    let spaces = false;
    let run = '';
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === ' ') {
        if (run) this.write(run);
        run = '';
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') {
          this.indent(indent);
        } else this.write(' ');
        spaces = true;
      } else {
        run += ch === "'" ? "''" : ch;
        spaces = false;
      }
    }
    if (run) this.write(run);
    this.write("'");
  }

  private writeDouble(s: string, indent: number, allowBreaks: boolean): void {
    const chars = [...s];
    this.write('"');
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const c = ch.codePointAt(0)!;
      if (!isPrintable(c) || ch === '"' || ch === '\\' || c === 0xfeff || ch === '\n') {
        this.write(escapeDouble(ch, c));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.indent(indent);
          if (chars[i + 1] === ' ') this.write('\\');
        } else this.write(' ');
        spaces = true;
      } else {
        this.write(ch);
        spaces = false;
      }
    }
    this.write('"');
  }

  private writeLiteral(s: string, indent: number): void {
    // Chomping: `-` strips the final line break, `+` keeps trailing ones, none keeps exactly one.
    let chomp = '';
    if (!s.endsWith('\n')) chomp = '-';
    else if (s === '\n' || s.endsWith('\n\n')) chomp = '+';
    const hint = s.startsWith(' ') || s.startsWith('\n') ? String(2) : '';
    this.write('|' + hint + chomp);
    const body = s.endsWith('\n') ? s.slice(0, -1) : s;
    for (const line of body.split('\n')) {
      if (line === '') {
        this.text += '\n';
        this.column = 0;
      } else {
        this.indent(indent);
        this.write(line);
      }
    }
    if (chomp === '+') {
      // The kept trailing break: libyaml ends the block at the next indent.
      this.column = 0;
    }
  }
}

function escapeDouble(ch: string, c: number): string {
  switch (ch) {
    case '\0':
      return '\\0';
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\v':
      return '\\v';
    case '\f':
      return '\\f';
    case '\r':
      return '\\r';
    case '\x1b':
      return '\\e';
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
  }
  if (c === 0x85) return '\\N';
  if (c === 0xa0) return '\\_';
  if (c === 0x2028) return '\\L';
  if (c === 0x2029) return '\\P';
  if (c <= 0xff) return '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
  if (c <= 0xffff) return '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  return '\\U' + c.toString(16).toUpperCase().padStart(8, '0');
}

/** strconv.FormatFloat(f, 'g', -1, 64) for the numbers JSON carries. */
function formatFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs < 1e-4 || abs >= 1e21) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

function isValidUtf16(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** libyaml's is_printable. */
function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** libyaml's yaml_emitter_analyze_scalar, reduced to what block context needs. */
function analyze(s: string): Analysis {
  if (s.length === 0) return { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const isBlankZ = (i: number) => i >= chars.length || chars[i] === ' ' || chars[i] === '\t' || isBreak(chars[i]!);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const followedByWhitespace = isBlankZ(i + 1);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(ch.codePointAt(0)!)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(i);
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/;

/** go-yaml v2's resolve(): would this plain text read back as a bool, null, number or timestamp? */
function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const first = s[0]!;
  if (first === '.') return FLOAT.test(s);
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (TIMESTAMP.test(s)) return true;
    const plain = s.replace(/_/g, '');
    if (INT.test(plain) || FLOAT.test(plain)) return true;
    if (BASE60.test(s)) return true;
  }
  return false;
}
