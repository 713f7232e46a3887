/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch): a JSON merge patch that
 * merges lists of objects by their merge key (containers by name, ports by containerPort…) instead
 * of replacing them, and understands the `$patch: delete|replace|merge` and
 * `$deleteFromPrimitiveList/<field>` directives. Also the three-way merge `kubectl apply` performs
 * between the last-applied configuration, the new manifest and the live object.
 */
import { structNamed, type FieldType } from '../../sim/apiserver/schema/index.ts';
import { LIST_STRATEGIES, type ListStrategy } from './merge-keys.ts';

type Json = unknown;
type JsonObject = Record<string, Json>;

export class PatchError extends Error {}

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The struct name of a field's element type, if the field holds a struct or a list of structs. */
function childStruct(structName: string | undefined, key: string): string | undefined {
  if (!structName) return undefined;
  const def = structNamed(structName);
  const field = def?.fields[key];
  return field ? structOf(field.type) : undefined;
}

function structOf(t: FieldType): string | undefined {
  if (t.t === 'ref') return t.name;
  if (t.t === 'array' || t.t === 'map') return structOf(t.t === 'array' ? t.items : t.values);
  return undefined;
}

function isMapField(structName: string | undefined, key: string): boolean {
  const field = structName ? structNamed(structName)?.fields[key] : undefined;
  return field?.type.t === 'map';
}

function listStrategy(structName: string | undefined, key: string): ListStrategy | undefined {
  return structName ? LIST_STRATEGIES[`${structName}.${key}`] : undefined;
}

/** Applies a strategic merge patch to `original` (not modified), typed by the kind's struct. */
export function strategicMergePatch(original: Json, patch: Json, structName: string): Json {
  if (!isObject(patch)) throw new PatchError('invalid JSON document: patch must be an object');
  return mergeObject(isObject(original) ? original : {}, patch, structName);
}

function mergeObject(original: JsonObject, patch: JsonObject, structName: string | undefined): JsonObject {
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return stripDirectives(rest) as JsonObject;
  }
  if (patch.$patch === 'delete') return {};
  const out: JsonObject = { ...original };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = Array.isArray(value) ? value : [];
      const cur = out[field];
      if (Array.isArray(cur)) out[field] = cur.filter((x) => !drop.some((d) => d === x));
      continue;
    }
    if (value === null) {
      delete out[key];
      continue;
    }
    const sub = childStruct(structName, key);
    if (Array.isArray(value)) {
      out[key] = mergeList(out[key], value, listStrategy(structName, key), sub);
      continue;
    }
    if (isObject(value)) {
      const cur = out[key];
      const subName = isMapField(structName, key) ? undefined : sub;
      out[key] = mergeObject(isObject(cur) ? cur : {}, value, subName);
      continue;
    }
    out[key] = value;
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

function mergeList(current: Json, patch: Json[], strategy: ListStrategy | undefined, sub: string | undefined): Json[] {
  const cur = Array.isArray(current) ? current : [];
  if (strategy?.set) {
    const out = [...cur];
    for (const v of patch) if (!out.some((x) => x === v)) out.push(v);
    return out;
  }
  const key = strategy?.mergeKey;
  if (!key) {
    // Atomic list, unless it carries `$patch: replace` only as the first element.
    return patch.filter((x) => !(isObject(x) && x.$patch === 'replace')).map(stripDirectives);
  }
  if (patch.some((x) => isObject(x) && x.$patch === 'replace')) {
    return patch.filter((x) => !(isObject(x) && x.$patch === 'replace')).map(stripDirectives);
  }
  const out = [...cur];
  for (const item of patch) {
    if (!isObject(item)) {
      throw new PatchError(`unable to find api field in struct for the merge key "${key}"`);
    }
    const idx = out.findIndex((x) => isObject(x) && x[key] === item[key] && item[key] !== undefined);
    if (item.$patch === 'delete') {
      if (idx !== -1) out.splice(idx, 1);
      continue;
    }
    if (idx === -1) out.push(stripDirectives(item));
    else out[idx] = mergeObject(out[idx] as JsonObject, item, sub);
  }
  return out;
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, val] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    out[k] = stripDirectives(val);
  }
  return out;
}

/**
 * kubectl apply's three-way merge: fields in `desired` win; fields that were in `lastApplied` but
 * are gone from `desired` are removed from `live`; fields only `live` has (set by the server or
 * other clients) are kept. Lists with a merge key merge element by element; other lists are
 * replaced when the manifest changed them.
 */
export function threeWayMerge(live: Json, lastApplied: Json, desired: Json, structName: string | undefined): Json {
  if (isObject(desired)) {
    const liveObj = isObject(live) ? live : {};
    const lastObj = isObject(lastApplied) ? lastApplied : {};
    const out: JsonObject = { ...liveObj };
    for (const [k, v] of Object.entries(desired)) {
      if (v === null) {
        delete out[k];
        continue;
      }
      const sub = isMapField(structName, k) ? undefined : childStruct(structName, k);
      if (Array.isArray(v)) out[k] = threeWayList(liveObj[k], lastObj[k], v, listStrategy(structName, k), sub);
      else out[k] = threeWayMerge(liveObj[k], lastObj[k], v, sub);
    }
    for (const k of Object.keys(lastObj)) if (!(k in desired)) delete out[k];
    return out;
  }
  return desired;
}

function threeWayList(live: Json, last: Json, desired: Json[], strategy: ListStrategy | undefined, sub: string | undefined): Json[] {
  const liveList = Array.isArray(live) ? live : [];
  const lastList = Array.isArray(last) ? last : [];
  if (strategy?.set) {
    const removed = lastList.filter((x) => !desired.includes(x));
    const out = liveList.filter((x) => !removed.includes(x));
    for (const v of desired) if (!out.includes(v)) out.push(v);
    return out;
  }
  const key = strategy?.mergeKey;
  if (!key || !desired.every(isObject)) return desired;
  const keyOf = (x: Json) => (isObject(x) ? JSON.stringify(x[key]) : undefined);
  const desiredKeys = new Set(desired.map(keyOf));
  const lastKeys = new Set(lastList.map(keyOf));
  const out: Json[] = desired.map((d) => {
    const k = keyOf(d);
    const l = liveList.find((x) => keyOf(x) === k);
    const p = lastList.find((x) => keyOf(x) === k);
    return threeWayMerge(l, p, d, sub);
  });
  // Elements someone else added (not in the manifest, never applied) stay, after ours.
  for (const l of liveList) {
    const k = keyOf(l);
    if (!desiredKeys.has(k) && !lastKeys.has(k)) out.push(l);
  }
  return out;
}

function deepEqual(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/**
 * The patch `kubectl apply` sends (strategicpatch.CreateThreeWayMergePatch): what `modified`
 * changes relative to `current`, plus deletions of what `original` (the last applied
 * configuration) had and `modified` dropped. Merge-keyed lists carry `$setElementOrder`.
 * Returns undefined when nothing changes.
 */
export function threeWayPatch(original: Json, modified: Json, current: Json, structName: string | undefined): JsonObject | undefined {
  const orig = isObject(original) ? original : {};
  const mod = isObject(modified) ? modified : {};
  const cur = isObject(current) ? current : {};
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(mod)) {
    const c = cur[k];
    if (deepEqual(v, c)) continue;
    const sub = isMapField(structName, k) ? undefined : childStruct(structName, k);
    if (isObject(v) && isObject(c)) {
      const p = threeWayPatch(orig[k], v, c, sub);
      if (p) out[k] = p;
      continue;
    }
    const strategy = listStrategy(structName, k);
    if (Array.isArray(v) && strategy?.mergeKey && v.every(isObject)) {
      const key = strategy.mergeKey;
      const curList = Array.isArray(c) ? c : [];
      const origList = Array.isArray(orig[k]) ? (orig[k] as Json[]) : [];
      const items: Json[] = [];
      for (const item of v as JsonObject[]) {
        const match = curList.find((x) => isObject(x) && x[key] === item[key]);
        if (!match) {
          items.push(item);
          continue;
        }
        const p = threeWayPatch(origList.find((x) => isObject(x) && x[key] === item[key]), item, match, sub);
        if (p) items.push({ ...p, [key]: item[key] });
      }
      for (const o of origList) {
        if (isObject(o) && !(v as JsonObject[]).some((x) => x[key] === o[key])) items.push({ $patch: 'delete', [key]: o[key] });
      }
      out[`$setElementOrder/${k}`] = (v as JsonObject[]).map((x) => ({ [key]: x[key] }));
      if (items.length) out[k] = items;
      continue;
    }
    out[k] = v;
  }
  for (const k of Object.keys(orig)) {
    if (!(k in mod) && k in cur) out[k] = null;
  }
  const meaningful = Object.keys(out).some((k) => !k.startsWith('$setElementOrder/'));
  return meaningful ? out : undefined;
}
