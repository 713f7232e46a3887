/**
 * Standard base64 over UTF-8 text, as Secret `data` holds it. Written out because the simulator
 * core has neither `btoa` nor `Buffer`.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** The length of `text` in UTF-8 bytes (Go's len of a string). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** How many bytes well-formed base64 `text` decodes to (the length of a Secret's []byte value). */
export function decodedBase64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

export function encodeBase64(text: string): string {
  const b = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < b.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < b.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/**
 * The offset Go's encoding/base64 reports for `text` (`illegal base64 data at input byte N`), or
 * -1 when it decodes: the first character outside the alphabet, else the start of an incomplete
 * final quantum. Line breaks are skipped, as Go skips them.
 */
export function base64ErrorOffset(text: string): number {
  let inQuantum = 0;
  let quantumStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') continue;
    if (inQuantum === 0) quantumStart = i;
    if (ch === '=') {
      if (inQuantum < 2) return i;
      const rest = text.slice(i).replace(/[\r\n]/g, '');
      const want = 4 - inQuantum;
      if (rest.length !== want || /[^=]/.test(rest)) return i + Math.min(rest.length, want);
      return -1;
    }
    if (!ALPHABET.includes(ch)) return i;
    inQuantum = (inQuantum + 1) % 4;
  }
  return inQuantum === 0 ? -1 : quantumStart;
}

/** Decodes base64 into text (UTF-8, with invalid sequences as U+FFFD). */
export function decodeBase64(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (ALPHABET.indexOf(clean[i]!) << 18) |
      (ALPHABET.indexOf(clean[i + 1] ?? 'A') << 12) |
      ((clean[i + 2] ? ALPHABET.indexOf(clean[i + 2]!) : 0) << 6) |
      (clean[i + 3] ? ALPHABET.indexOf(clean[i + 3]!) : 0);
    bytes.push(n >> 16);
    if (clean[i + 2]) bytes.push((n >> 8) & 255);
    if (clean[i + 3]) bytes.push(n & 255);
  }
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need < 0 || i + need >= bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let c = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) c = (c << 6) | (bytes[i + k]! & 63);
    out += String.fromCodePoint(c);
    i += need + 1;
  }
  return out;
}
