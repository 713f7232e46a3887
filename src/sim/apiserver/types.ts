/**
 * The generic object shape the store keeps. Controllers and kubectl use the typed views from
 * `kubernetes-types` (`Pod`, `StatefulSet`…) on top of it.
 */
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, OwnerReference };

/** Strips `readonly` (kubernetes-types marks every field readonly) from a copy we own. */
export type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Mutable<ObjectMeta>;
  // Every kind has its own fields (spec, status, data, subsets…).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** A stored object: frozen, never mutated in place. Clone before changing it. */
export type Stored<T extends KubeObject = KubeObject> = Readonly<T>;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: Stored;
  /** The previous version, for MODIFIED and DELETED. */
  old?: Stored;
}

export type WatchListener = (event: WatchEvent) => void;

/** A reference to one object, as used by keys and explanations. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

export function refOf(obj: KubeObject): ObjectRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' };
}

/** `namespace/name`, or `name` for cluster-scoped objects: the key controllers queue. */
export function metaKey(obj: { metadata: ObjectMeta }): string {
  const { namespace, name } = obj.metadata;
  return namespace ? `${namespace}/${name}` : (name ?? '');
}

export function splitMetaKey(key: string): { namespace?: string; name: string } {
  const slash = key.indexOf('/');
  return slash === -1 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/**
 * A deep, mutable copy of a stored object. Stored objects are plain JSON-like trees, which a
 * hand-written walk copies several times faster than `structuredClone`; anything else (a Date, a
 * class instance) still goes through `structuredClone`, so the result is the same.
 */
export function clone<T>(obj: T | Readonly<T>): Mutable<T> {
  return copyValue(obj) as Mutable<T>;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      if (!(i in value)) return structuredClone(value);
      out[i] = copyValue(value[i]);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = copyValue((value as Record<string, unknown>)[k]);
    // An own `__proto__` key (JSON.parse and YAML can make one) stays a plain property.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** The controller ownerReference (controller: true), if any. */
export function controllerOf(obj: { metadata: ObjectMeta }): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

/** A kubernetes-types object as the store holds it (metadata always present): `Stored<K8s<Pod>>`. */
export type K8s<T> = T & KubeObject;

/**
 * Whether `JSON.stringify(a) === JSON.stringify(b)`, without building the strings: key order
 * counts, properties holding undefined (or a function) are skipped, and inside arrays those become
 * null, as JSON.stringify does.
 */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!isSameJson(jsonElement(a[i]), jsonElement(b[i]))) return false;
    return true;
  }
  const ka = jsonKeys(a as Record<string, unknown>);
  const kb = jsonKeys(b as Record<string, unknown>);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !isSameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function isJsonSkipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function jsonElement(v: unknown): unknown {
  return isJsonSkipped(v) ? null : v;
}

function jsonKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => !isJsonSkipped(o[k]));
}
