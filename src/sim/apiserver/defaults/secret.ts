/**
 * Secret defaulting: type Opaque, and `stringData` merged into `data` as base64 (the API server
 * does this in the v1 → internal conversion; stringData is write-only and never stored).
 */
import { badRequest } from '../errors.ts';
import { base64ErrorOffset, encodeBase64 } from '../base64.ts';
import type { KubeObject } from '../types.ts';

export function defaultSecret(secret: KubeObject): void {
  secret.type ||= 'Opaque';
  const data: Record<string, string> = { ...(secret.data ?? {}) };
  for (const [k, v] of Object.entries(data)) {
    const at = base64ErrorOffset(String(v));
    if (at >= 0) {
      throw badRequest(`Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${at}`);
    }
    data[k] = String(v).replace(/[\r\n]/g, '');
  }
  for (const [k, v] of Object.entries((secret.stringData ?? {}) as Record<string, unknown>)) {
    data[k] = encodeBase64(String(v ?? ''));
  }
  delete secret.stringData;
  if (Object.keys(data).length) secret.data = data;
  else delete secret.data;
}
