/**
 * JSON as kubectl's JSON printer writes it: Go's `json.MarshalIndent(obj, "", "    ")` of an
 * unstructured object, so map keys are sorted, HTML-sensitive characters are escaped as `\u003c`,
 * `\u003e`, `\u0026` (Go's default HTML escaping), and the document ends with a newline.
 */

export function toJson(value: unknown): string {
  return marshal(value, '') + '\n';
}

function marshal(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = indent + '    ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + marshal(v, inner)).join(',\n')}\n${indent}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(compareGo);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${quote(k)}: ${marshal(obj[k], inner)}`).join(',\n')}\n${indent}}`;
}

/** Byte-wise order, as Go sorts map keys. */
export function compareGo(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // Go uses exponent form below 1e-6 and from 1e21, with a two-digit minimum exponent.
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '<') out += '\\u003c';
    else if (ch === '>') out += '\\u003e';
    else if (ch === '&') out += '\\u0026';
    else if (c === 0x2028) out += '\\u2028';
    else if (c === 0x2029) out += '\\u2029';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Go's `json.Marshal` (compact, keys sorted, HTML-escaped), as jsonpath prints maps and lists. */
export function toJsonCompact(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(toJsonCompact).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(compareGo);
  return `{${keys.map((k) => `${quote(k)}:${toJsonCompact(obj[k])}`).join(',')}}`;
}
