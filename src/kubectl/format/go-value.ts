/**
 * Go's `fmt.Sprint` (%v) and `%#v` of the values an unstructured object holds (maps, slices,
 * strings, int64/float64, bools, nil): what custom-columns prints for a map cell (`map[app:web]`)
 * and what kubectl's jsonpath error dump shows.
 */
import { compareGo } from './json.ts';

/** `fmt.Sprint(v)`: `map[a:1 b:x]`, `[a b]`, `<nil>`. Map keys are sorted, as fmt does. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(compareGo);
    return `map[${keys.map((k) => `${k}:${goSprint(o[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** `fmt.Sprintf("%#v", v)` for map[string]interface{} trees. */
export function goSyntax(v: unknown, top = true): string {
  if (v === null || v === undefined) return top ? 'map[string]interface {}(nil)' : 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSyntax(x, false)).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(compareGo);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSyntax(o[k], false)}`).join(', ')}}`;
  }
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goNumber(v);
  return String(v);
}

function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}
