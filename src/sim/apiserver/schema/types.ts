/**
 * The shape of the API schema: Go structs with JSON field names, types, required-ness and enums,
 * as the upstream OpenAPI v3 spec (api/openapi-spec/v3) declares them. Used by the strict decoder
 * (unknown/mistyped fields) and by `kubectl explain`. Descriptions are our own, brief wording.
 */

export type FieldType =
  | { t: 'string'; enum?: string[] }
  | { t: 'int32' }
  | { t: 'int64' }
  | { t: 'number' }
  | { t: 'boolean' }
  /** intstr.IntOrString: a number or a string. */
  | { t: 'intOrString' }
  /** resource.Quantity: a string like `500m` or a number. */
  | { t: 'quantity' }
  /** metav1.Time: an RFC 3339 string. */
  | { t: 'time' }
  | { t: 'array'; items: FieldType }
  | { t: 'map'; values: FieldType }
  /** A named struct (`PodSpec`), looked up in the registry. */
  | { t: 'ref'; name: string }
  /**
   * JSON we do not check field by field; `name` is the upstream type (`RawExtension`,
   * `EventSource`) that `kubectl explain` shows.
   */
  | { t: 'any'; name?: string };

export interface FieldDef {
  type: FieldType;
  description: string;
  required?: boolean;
}

export interface StructDef {
  /** The Go type name, e.g. `StatefulSetSpec`. */
  name: string;
  /** The Go package alias used in `%T`-style type names (`v1` for core/v1 and apps/v1). */
  pkg: string;
  description: string;
  fields: Record<string, FieldDef>;
  /** Accepts any field (types we do not model field by field). */
  open?: boolean;
}

const registry = new Map<string, StructDef>();

/** Declares a struct. Later declarations of the same name replace earlier ones. */
export function defineStruct(def: StructDef): StructDef {
  registry.set(def.name, def);
  return def;
}

export function structNamed(name: string): StructDef | undefined {
  return registry.get(name);
}

// Short constructors for field types, so the declarations read like the OpenAPI spec.
export const str = (...values: string[]): FieldType => (values.length ? { t: 'string', enum: values } : { t: 'string' });
export const i32: FieldType = { t: 'int32' };
export const i64: FieldType = { t: 'int64' };
export const num: FieldType = { t: 'number' };
export const bool: FieldType = { t: 'boolean' };
export const intOrString: FieldType = { t: 'intOrString' };
export const quantity: FieldType = { t: 'quantity' };
export const time: FieldType = { t: 'time' };
export const any: FieldType = { t: 'any' };
/** A struct we keep unchecked, shown by `kubectl explain` under its upstream name. */
export const opaque = (name: string): FieldType => ({ t: 'any', name });
export const ref = (name: string): FieldType => ({ t: 'ref', name });
export const arr = (items: FieldType): FieldType => ({ t: 'array', items });
export const map = (values: FieldType): FieldType => ({ t: 'map', values });
export const strMap: FieldType = map(str());

/** A field. */
export function f(type: FieldType, description: string, required = false): FieldDef {
  return required ? { type, description, required } : { type, description };
}

/** A struct in the `v1` package (core/v1, apps/v1, batch/v1, meta/v1, storage/v1…). */
export function struct(name: string, description: string, fields: Record<string, FieldDef>): StructDef {
  return defineStruct({ name, pkg: 'v1', description, fields });
}

/** A struct we accept whole without checking its fields (rarely used volume sources, status). */
export function openStruct(name: string, description: string): StructDef {
  return defineStruct({ name, pkg: 'v1', description, fields: {}, open: true });
}

/** The Go type as encoding/json names it in `cannot unmarshal … of type <T>`. */
export function goTypeName(type: FieldType): string {
  switch (type.t) {
    case 'string':
      return 'string';
    case 'int32':
      return 'int32';
    case 'int64':
      return 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    case 'array':
      return `[]${goTypeName(type.items)}`;
    case 'map':
      return `map[string]${goTypeName(type.values)}`;
    case 'ref': {
      const def = registry.get(type.name);
      return `${def?.pkg ?? 'v1'}.${type.name}`;
    }
    case 'any':
      return 'interface {}';
  }
}

/**
 * The type as `kubectl explain` shows it: the plaintext template's `typeGuess`
 * (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) over the OpenAPI v3
 * schemas. A `$ref` to a schema without a `type` or of type `object` prints the schema's last name
 * segment: IntOrString (`oneOf` integer/string) and Quantity (`oneOf` string/number) print so, while
 * Time is `type: string` and prints `string`. Arrays print `[]T`, maps `map[string]T`, inline
 * objects `Object`.
 */
export function explainTypeName(type: FieldType): string {
  switch (type.t) {
    case 'string':
    case 'time':
      return 'string';
    case 'intOrString':
      return 'IntOrString';
    case 'quantity':
      return 'Quantity';
    case 'int32':
    case 'int64':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `[]${explainTypeName(type.items)}`;
    case 'map':
      return `map[string]${explainTypeName(type.values)}`;
    case 'ref':
      return type.name;
    case 'any':
      return type.name ?? 'Object';
  }
}
