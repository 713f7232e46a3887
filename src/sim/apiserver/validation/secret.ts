/**
 * Secret validation (ValidateSecret, ValidateSecretUpdate): keys, the keys each built-in type
 * requires, the 1 MiB limit on the data, and the immutable type.
 */
import { field, type Cause } from '../errors.ts';
import type { KubeObject, Stored } from '../types.ts';
import { decodedBase64Length } from '../base64.ts';
import { configKeyErrors, MAX_DATA_SIZE, validateImmutableData } from './configmap.ts';

export function validateSecret(secret: KubeObject): Cause[] {
  const out: Cause[] = [];
  const data = (secret.data ?? {}) as Record<string, string>;
  for (const key of Object.keys(data)) {
    for (const m of configKeyErrors(key)) out.push(field.invalid(`data[${key}]`, key, m));
  }
  const size = Object.values(data).reduce((n, v) => n + decodedBase64Length(String(v ?? '')), 0);
  if (size > MAX_DATA_SIZE) out.push(field.tooLong('data', MAX_DATA_SIZE));
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata.annotations?.['kubernetes.io/service-account.name']) {
        out.push(field.required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
      if (!('.dockercfg' in data)) out.push(field.required('data[.dockercfg]'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      if (!('.dockerconfigjson' in data)) out.push(field.required('data[.dockerconfigjson]'));
      break;
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) {
        out.push(field.required('data[username]'));
        out.push(field.required('data[password]'));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (!('ssh-privatekey' in data)) out.push(field.required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!('tls.key' in data)) out.push(field.required('data[tls.key]'));
      if (!('tls.crt' in data)) out.push(field.required('data[tls.crt]'));
      break;
  }
  return out;
}

export function validateSecretUpdate(secret: KubeObject, old: Stored): Cause[] {
  const out: Cause[] = [];
  if ((secret.type ?? 'Opaque') !== (old.type ?? 'Opaque')) out.push(field.immutable('type', secret.type ?? ''));
  out.push(...validateImmutableData(secret, old));
  return out;
}
