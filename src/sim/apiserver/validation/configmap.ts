/**
 * ConfigMap validation (ValidateConfigMap, ValidateConfigMapUpdate): keys as IsConfigMapKey
 * words them, the 1 MiB limit on the data, and the `immutable` flag.
 */
import { field, type Cause } from '../errors.ts';
import type { KubeObject, Stored } from '../types.ts';
import { sameContent } from '../store.ts';
import { decodedBase64Length, utf8Length } from '../base64.ts';

/** core.MaxSecretSize: the most bytes of data a ConfigMap or Secret may hold. */
export const MAX_DATA_SIZE = 1024 * 1024;

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** validation.IsConfigMapKey messages (also used for Secret keys). */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) errs.push(CONFIG_KEY_MSG);
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

export function validateConfigMap(cm: KubeObject): Cause[] {
  const out: Cause[] = [];
  const data = (cm.data ?? {}) as Record<string, unknown>;
  const binary = (cm.binaryData ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    for (const m of configKeyErrors(key)) out.push(field.invalid(`data[${key}]`, key, m));
  }
  for (const key of Object.keys(binary)) {
    for (const m of configKeyErrors(key)) out.push(field.invalid(`binaryData[${key}]`, key, m));
    if (key in data) out.push(field.invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
  }
  // The path is field.NewPath(""), which prints as `[]`: the error is about the whole object.
  const size = Object.values(data).reduce<number>((n, v) => n + utf8Length(String(v ?? '')), 0) +
    Object.values(binary).reduce<number>((n, v) => n + decodedBase64Length(String(v ?? '')), 0);
  if (size > MAX_DATA_SIZE) out.push(field.tooLong('[]', MAX_DATA_SIZE));
  return out;
}

/** Immutable ConfigMaps and Secrets keep their data and stay immutable. */
export function validateImmutableData(obj: KubeObject, old: Stored): Cause[] {
  if (old.immutable !== true) return [];
  const out: Cause[] = [];
  if (obj.immutable !== true) out.push(field.forbidden('immutable', 'field is immutable when `immutable` is set'));
  if (!sameContent(obj.data ?? {}, old.data ?? {})) out.push(field.forbidden('data', 'field is immutable when `immutable` is set'));
  if (old.kind === 'ConfigMap' && !sameContent(obj.binaryData ?? {}, old.binaryData ?? {})) {
    out.push(field.forbidden('binaryData', 'field is immutable when `immutable` is set'));
  }
  return out;
}
