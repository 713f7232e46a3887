/**
 * Turns the text of one manifest stream into JSON-like documents, as kubectl's StreamVisitor does
 * (staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go + sigs.k8s.io/yaml): documents are split
 * at `---` lines, each is parsed on its own (so YAML error line numbers count from the start of the
 * current document, kubernetes/kubernetes#104607), YAML 1.1 scalars (`yes`, `0777`) resolve as
 * go-yaml resolves them, and parse errors are worded as go-yaml words them.
 */
import { load, YAML11_SCHEMA, YAMLException } from 'js-yaml';

/** One parsed document and where it came from. */
export interface ManifestDocument {
  /** What was passed to `-f` (a path as typed, or `STDIN`). */
  source: string;
  /** The decoded value: usually an object, but anything YAML can hold. */
  value: unknown;
}

/** A YAML or JSON syntax error, already worded the way kubectl prints it (minus `error: `). */
export class ManifestParseError extends Error {}

/**
 * Splits a stream at document separators. A separator is a line starting with `---` followed by
 * nothing or whitespace (the YAMLReader in apimachinery's yaml decoder does the same).
 */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^---\s*$/.test(line.replace(/\r$/, ''))) {
      docs.push(current.join('\n'));
      current = [];
      continue;
    }
    current.push(line);
  }
  docs.push(current.join('\n'));
  return docs;
}

/** True when a document has nothing but comments and blank lines. */
export function isBlankDocument(doc: string): boolean {
  return doc.split('\n').every((l) => /^\s*(#.*)?$/.test(l));
}

/** Parses every non-empty document of a stream. Throws ManifestParseError on the first bad one. */
export function parseStream(text: string, source: string): ManifestDocument[] {
  const trimmed = text.replace(/^\uFEFF/, '');
  // A JSON stream (starts with `{` or `[`) is one document, decoded as JSON.
  if (/^\s*[{[]/.test(trimmed) && !trimmed.includes('\n---')) {
    try {
      return [{ source, value: JSON.parse(trimmed) }];
    } catch {
      // Not valid JSON: fall through to YAML, which is a superset and words its errors.
    }
  }
  const out: ManifestDocument[] = [];
  for (const doc of splitDocuments(trimmed)) {
    if (isBlankDocument(doc)) continue;
    const value = parseYamlDocument(doc, source);
    if (value === null || value === undefined) continue;
    out.push({ source, value });
  }
  return out;
}

/** Parses one YAML document with go-yaml's (YAML 1.1) scalar rules and error texts. */
export function parseYamlDocument(doc: string, source: string): unknown {
  try {
    return normalize(load(doc, { schema: YAML11_SCHEMA }));
  } catch (e) {
    if (e instanceof YAMLException) {
      throw new ManifestParseError(`error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(e, doc)}`);
    }
    throw new ManifestParseError(`error parsing ${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Timestamps become RFC 3339 strings and binary becomes base64, as sigs.k8s.io/yaml's JSON conversion does. */
function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z');
  if (v instanceof Uint8Array) {
    let s = '';
    for (const b of v) s += String.fromCharCode(b);
    return btoa(s);
  }
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) out[k] = normalize(val);
    return out;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

/**
 * Rewords a js-yaml failure as go-yaml (gopkg.in/yaml.v2) reports the same mistake:
 * `yaml: line N: <problem>`, N counted from 1 within the current document.
 */
function goYamlMessage(e: YAMLException, doc: string): string {
  const line = (e.mark?.line ?? 0) + 1;
  const reason = e.reason ?? '';
  if (reason.startsWith('duplicated mapping key')) {
    const key = duplicateKeyAt(doc, e.mark?.line ?? 0);
    return `yaml: unmarshal errors:\n  line ${line}: key ${JSON.stringify(key)} already set in map`;
  }
  if (reason.includes('tab characters') || reason.includes('cannot start any token')) {
    return `yaml: line ${line}: found character that cannot start any token`;
  }
  if (reason.includes('bad indentation of a mapping entry')) {
    return `yaml: line ${line}: mapping values are not allowed in this context`;
  }
  if (reason.includes('bad indentation of a sequence entry')) {
    return `yaml: line ${line}: did not find expected '-' indicator`;
  }
  if (reason.includes('multiline key') || reason.includes('can not read a block mapping entry')) {
    return `yaml: line ${line}: could not find expected ':'`;
  }
  if (reason.includes('flow collection') || reason.includes('deficient indentation') || reason.includes('missed comma')) {
    const closer = /\{[^}]*$/.test(doc.split('\n').slice(0, line).join('\n')) ? '}' : ']';
    return `yaml: line ${line}: did not find expected ',' or '${closer}'`;
  }
  if (reason.includes('unexpected end of the stream within a double quoted scalar') || reason.includes('within a single quoted scalar')) {
    return `yaml: line ${line}: found unexpected end of stream`;
  }
  if (reason.includes('unidentified alias') || reason.includes('unknown alias')) {
    const m = /"([^"]+)"/.exec(reason);
    return `yaml: unknown anchor '${m?.[1] ?? ''}' referenced`;
  }
  return `yaml: line ${line}: did not find expected key`;
}

/** The key written on a line (for the duplicate-key message). */
function duplicateKeyAt(doc: string, lineIndex: number): string {
  const text = doc.split('\n')[lineIndex] ?? '';
  const m = /^\s*(?:-\s+)?("(?:[^"\\]|\\.)*"|'[^']*'|[^:#]+?)\s*:/.exec(text);
  if (!m) return '';
  const raw = m[1]!;
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1);
  return raw;
}
