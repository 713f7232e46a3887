/**
 * The API server's decode step with field validation (`fieldValidation=Strict|Warn|Ignore`, what
 * kubectl's `--validate=strict|warn|ignore` asks for): type mismatches fail as encoding/json words
 * them, unknown fields fail (Strict), become warnings (Warn) or are dropped (Ignore).
 *
 * Message shapes: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go transformDecodeError
 * (`<Kind> in version "<v>" cannot be handled as a <Kind>: <err>`) and
 * staging/src/k8s.io/apimachinery/pkg/runtime/error.go (`strict decoding error: …`).
 */
import { ApiError } from '../errors.ts';
import type { KubeObject } from '../types.ts';
import { schemaForKind } from './index.ts';
import { goTypeName, structNamed, type FieldType } from './types.ts';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeResult {
  /** The object with unknown fields removed and nulls dropped, as the server would store it. */
  object: KubeObject;
  /** `unknown field "…"` lines (Warn mode). */
  warnings: string[];
}

/** The regular expression resource.Quantity parsing demands (apimachinery/pkg/api/resource). */
const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
export const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

interface Walk {
  unknown: string[];
  typeError?: string;
}

/**
 * Decodes an object as the API server does before admission. Throws a BadRequest ApiError on a
 * type mismatch, a malformed quantity, or (Strict) unknown fields.
 */
export function decodeObject(input: KubeObject, validation: FieldValidation = 'Strict'): DecodeResult {
  const kind = input.kind;
  const version = String(input.apiVersion ?? '').split('/').pop() ?? '';
  const schema = schemaForKind(kind);
  if (!schema) return { object: input, warnings: [] };
  const walk: Walk = { unknown: [] };
  const object = walkStruct(input, kind, '', '', walk) as KubeObject;
  const prefix = `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: `;
  if (walk.typeError) throw new ApiError('BadRequest', 400, prefix + walk.typeError);
  const unknown = walk.unknown.map((p) => `unknown field ${JSON.stringify(p)}`);
  if (unknown.length && validation === 'Strict') {
    throw new ApiError('BadRequest', 400, `${prefix}strict decoding error: ${unknown.join(', ')}`);
  }
  return { object, warnings: validation === 'Warn' ? unknown : [] };
}

/** The JSON type name encoding/json reports for a value (`string`, `number`, `bool`, …). */
function jsonTypeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/**
 * `path` is the strict-decoding path (`spec.containers[0].image`); `goPath` the encoding/json one,
 * without indexes (`spec.containers.image`).
 */
function walkStruct(v: Record<string, unknown>, structName: string, path: string, goPath: string, walk: Walk): unknown {
  const def = structNamed(structName);
  if (!def || def.open) return v;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    const field = def.fields[key];
    const childPath = path ? `${path}.${key}` : key;
    const childGo = goPath ? `${goPath}.${key}` : key;
    if (!field) {
      walk.unknown.push(childPath);
      continue;
    }
    if (value === null || value === undefined) continue;
    const decoded = walkValue(value, field.type, childPath, childGo, structName, walk);
    if (decoded !== undefined) out[key] = decoded;
  }
  return out;
}

function walkValue(v: unknown, type: FieldType, path: string, goPath: string, owner: string, walk: Walk): unknown {
  const mismatch = (what = jsonTypeOf(v)) => {
    walk.typeError ??= `json: cannot unmarshal ${what} into Go struct field ${owner}.${goPath} of type ${goTypeName(type)}`;
    return undefined;
  };
  switch (type.t) {
    case 'string':
    case 'time':
      return typeof v === 'string' ? v : mismatch();
    case 'boolean':
      return typeof v === 'boolean' ? v : mismatch();
    case 'int32':
    case 'int64': {
      if (typeof v !== 'number') return mismatch();
      const limit = type.t === 'int32' ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(v) || v >= limit || v < -limit) return mismatch(`number ${v}`);
      return v;
    }
    case 'number':
      return typeof v === 'number' ? v : mismatch();
    case 'intOrString':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      return mismatch();
    case 'quantity':
      if (typeof v === 'number') return v;
      if (typeof v === 'string') {
        if (!QUANTITY_RE.test(v.trim())) walk.typeError ??= QUANTITY_ERROR;
        return v;
      }
      return mismatch();
    case 'any':
      return v;
    case 'array': {
      if (!Array.isArray(v)) return mismatch();
      return v.map((item, i) => (item === null ? null : walkValue(item, type.items, `${path}[${i}]`, goPath, owner, walk)));
    }
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch();
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
        if (val === null) {
          // encoding/json stores the zero value for a null map entry.
          out[k] = type.values.t === 'string' ? '' : val;
          continue;
        }
        const decoded = walkValue(val, type.values, `${path}.${k}`, goPath, owner, walk);
        if (decoded !== undefined) out[k] = decoded;
      }
      return out;
    }
    case 'ref': {
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch();
      return walkStruct(v as Record<string, unknown>, type.name, path, goPath, walk);
    }
  }
}
