/**
 * Seeded randomness. Every name suffix, UID and IP in a cluster comes from here, so the same seed and
 * the same commands give byte-identical output.
 *
 * Two sources:
 * - `Random` is a stream (sfc32) whose state is part of the cluster snapshot. Use it for things that
 *   are drawn once, when an object is created (names, UIDs, IPs).
 * - `hashUnit` derives a number from a seed and a few strings without consuming the stream. Use it for
 *   jitter on timers, so a delay recomputed after a restore is the same delay.
 */

/** The alphabet of apimachinery's `rand.String`: no vowels, no look-alike characters. */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export type RandomState = [number, number, number, number];

export class Random {
  private s: RandomState;

  constructor(seed: number) {
    const h = splitmix(seed >>> 0);
    this.s = [h(), h(), h(), h()];
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    let [a, b, c, d] = this.s;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.s = [a, b, c, d];
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A random string as apimachinery's `rand.String(n)` makes (generateName suffixes are 5 long). */
  suffix(n = 5): string {
    let out = '';
    for (let i = 0; i < n; i++) out += SUFFIX_ALPHABET[this.int(SUFFIX_ALPHABET.length)];
    return out;
  }

  /** A version-4 UUID. */
  uuid(): string {
    const hex = (k: number) => {
      let s = '';
      for (let i = 0; i < k; i++) s += this.int(16).toString(16);
      return s;
    };
    const variant = (8 + this.int(4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }

  /** A lowercase hex string of n characters (container IDs, hashes). */
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += this.int(16).toString(16);
    return s;
  }

  state(): RandomState {
    return [...this.s];
  }

  setState(s: RandomState): void {
    this.s = [...s];
  }
}

/** A deterministic number in [0, 1) from a seed and some strings; does not touch any stream. */
export function hashUnit(seed: number, ...parts: string[]): number {
  let h = fnv1a(String(seed));
  for (const p of parts) h = fnv1a(p, h);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** FNV-1a, 32 bit. */
export function fnv1a(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Encodes a 32-bit hash with the same alphabet as name suffixes, as upstream's
 * `rand.SafeEncodeString(fmt.Sprint(hash))` does for pod-template-hash and controller-revision-hash.
 */
export function safeEncode(hash: number): string {
  const digits = String(hash >>> 0);
  let out = '';
  for (const ch of digits) out += SUFFIX_ALPHABET[ch.charCodeAt(0) % SUFFIX_ALPHABET.length];
  return out;
}

function splitmix(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}
