/**
 * `--append-hash` of the secret generators: the name gets `-<hash>`, ten characters of the SHA-256
 * of json.Marshal({data, kind, name, type}) with 0 1 3 a e swapped for g h k m t so the suffix
 * never looks like a number or a word (staging/src/k8s.io/kubectl/pkg/util/hash/hash.go SecretHash).
 */
import { sha256Hex } from '../../../sim/storage/sha256.ts';
import { toJsonCompact } from '../../format/json.ts';

const SWAP: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

/** The hash suffix of a Secret with this name, type and (base64) data. */
export function secretHash(name: string, type: string, data: Record<string, string>): string {
  const encoded = toJsonCompact({ data, kind: 'Secret', name, type });
  return [...sha256Hex(encoded).slice(0, 10)].map((c) => SWAP[c] ?? c).join('');
}

/** The `--append-hash` flag. */
export const APPEND_HASH_FLAG = { name: 'append-hash', type: 'bool' as const, help: 'Append a hash of the secret to its name.' };
