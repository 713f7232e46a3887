/**
 * The checks `kubectl create secret tls` makes before it builds the Secret: Go's
 * crypto/tls.X509KeyPair over the two files — PEM blocks found as encoding/pem.Decode finds them,
 * the first CERTIFICATE parsed as DER (x509.ParseCertificate's structure), the first `… PRIVATE
 * KEY` block parsed as PKCS#1 (its numbers checked against each other), PKCS#8 or SEC 1, and the
 * key matched against the certificate's public key — each failure worded as Go words it. An EC key without its public point and an
 * Ed25519 key are accepted without the match (that would need the curve arithmetic).
 */

/** One PEM block: its type and decoded bytes. */
export interface PemBlock {
  type: string;
  bytes: Uint8Array;
}

const PEM_START = '\n-----BEGIN ';
const PEM_END = '\n-----END ';
const PEM_END_OF_LINE = '-----';

/** getLine: the text up to the next newline without trailing spaces, tabs and CRs, and the rest. */
function getLine(data: string): [string, string] {
  const i = data.indexOf('\n');
  const line = i === -1 ? data : data.slice(0, i);
  const rest = i === -1 ? '' : data.slice(i + 1);
  return [line.replace(/[ \t\r]+$/, ''), rest];
}

/** base64.StdEncoding.Decode after CR/LF, spaces and tabs are gone: padding required, no stray characters. */
function decodeStdBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\r\n \t]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** pem.Decode: the next well-formed block and the text after it, or undefined when there is none. */
export function decodePem(data: string): [PemBlock, string] | undefined {
  let rest = data;
  for (;;) {
    if (rest.startsWith(PEM_START.slice(1))) rest = rest.slice(PEM_START.length - 1);
    else {
      const i = rest.indexOf(PEM_START);
      if (i === -1) return undefined;
      rest = rest.slice(i + PEM_START.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(PEM_END_OF_LINE)) continue;
    const type = typeLine.slice(0, -PEM_END_OF_LINE.length);
    let headers = 0;
    for (;;) {
      if (rest.length === 0) return undefined;
      const [line, next] = getLine(rest);
      if (!line.includes(':')) break;
      headers++;
      rest = next;
    }
    let endIndex: number;
    let endTrailerIndex: number;
    if (headers === 0 && rest.startsWith(PEM_END.slice(1))) {
      endIndex = 0;
      endTrailerIndex = PEM_END.length - 1;
    } else {
      endIndex = rest.indexOf(PEM_END);
      endTrailerIndex = endIndex + PEM_END.length;
    }
    if (endIndex < 0) continue;
    const trailerLen = type.length + PEM_END_OF_LINE.length;
    const endTrailer = rest.slice(endTrailerIndex, endTrailerIndex + trailerLen);
    if (endTrailer.length < trailerLen) continue;
    if (!endTrailer.startsWith(type) || !endTrailer.endsWith(PEM_END_OF_LINE)) continue;
    if (getLine(rest.slice(endTrailerIndex + trailerLen))[0].length !== 0) continue;
    const bytes = decodeStdBase64(rest.slice(0, endIndex));
    if (!bytes) continue;
    const after = getLine(rest.slice(endIndex + PEM_END.length - 1))[1];
    return [{ type, bytes }, after];
  }
}

/** One DER element: its tag, its content, and where the next element starts. */
interface Der {
  tag: number;
  body: Uint8Array;
  next: number;
}

/** Reads the DER element at `at`; undefined when the bytes do not hold one. */
function readDer(b: Uint8Array, at: number): Der | undefined {
  if (at + 2 > b.length) return undefined;
  const tag = b[at]!;
  if ((tag & 0x1f) === 0x1f) return undefined;
  let len = b[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > b.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i]!;
    if (len < 0x80 || b[start] === 0) return undefined;
    start += n;
  }
  if (start + len > b.length) return undefined;
  return { tag, body: b.subarray(start, start + len), next: start + len };
}

/** The elements inside a constructed element, in order; undefined when they do not fill it exactly. */
function children(b: Uint8Array): Der[] | undefined {
  const out: Der[] = [];
  let at = 0;
  while (at < b.length) {
    const d = readDer(b, at);
    if (!d) return undefined;
    out.push(d);
    at = d.next;
  }
  return out;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OCTET_STRING = 0x04;
const OID = 0x06;

/** An INTEGER's magnitude as hex without leading zeros (for comparing moduli). */
function intHex(body: Uint8Array): string {
  return [...body].map((x) => x.toString(16).padStart(2, '0')).join('').replace(/^0+/, '') || '0';
}

/** Dotted form of an OBJECT IDENTIFIER. */
function oidText(body: Uint8Array): string {
  const parts: number[] = [];
  let v = 0;
  for (const x of body) {
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  if (parts.length === 0) return '';
  const first = parts.shift()!;
  const a = Math.min(2, Math.floor(first / 40));
  return [a, first - a * 40, ...parts].join('.');
}

const RSA_OID = '1.2.840.113549.1.1.1';
const EC_OID = '1.2.840.10045.2.1';
const ED25519_OID = '1.3.101.112';

/** A public or private key as far as matching needs it. */
type Key =
  | { type: 'rsa'; n: string; e: string }
  | { type: 'ecdsa'; curve?: string; point?: string }
  | { type: 'ed25519' }
  | { type: 'unknown' };

/** An error of X509KeyPair, worded as Go's. */
export class KeyPairError extends Error {}

function fail(message: string): never {
  throw new KeyPairError(message);
}

/** x509.ParseCertificate, as far as finding the subject public key. */
function certificatePublicKey(der: Uint8Array): Key {
  const outer = readDer(der, 0);
  if (!outer || outer.tag !== SEQUENCE || outer.next !== der.length) fail('x509: malformed certificate');
  const top = children(outer.body);
  if (!top || top.length !== 3 || top[0]!.tag !== SEQUENCE) fail('x509: malformed tbs certificate');
  if (top[1]!.tag !== SEQUENCE) fail('x509: malformed algorithm identifier');
  if (top[2]!.tag !== BIT_STRING) fail('x509: malformed signature');
  const tbs = children(top[0]!.body);
  if (!tbs) fail('x509: malformed tbs certificate');
  let i = 0;
  if (tbs[0]?.tag === 0xa0) i++;
  const [serial, sigAlg, issuer, validity, subject, spki] = tbs.slice(i, i + 6);
  if (serial?.tag !== INTEGER) fail('x509: malformed serial number');
  if (sigAlg?.tag !== SEQUENCE) fail('x509: malformed signature algorithm identifier');
  if (issuer?.tag !== SEQUENCE) fail('x509: malformed issuer');
  if (validity?.tag !== SEQUENCE) fail('x509: malformed validity');
  if (subject?.tag !== SEQUENCE) fail('x509: malformed subject');
  if (spki?.tag !== SEQUENCE) fail('x509: malformed spki');
  const spkiParts = children(spki.body);
  const alg = spkiParts?.[0] && spkiParts[0].tag === SEQUENCE ? children(spkiParts[0].body) : undefined;
  if (!spkiParts || spkiParts.length !== 2 || !alg || alg[0]?.tag !== OID) fail('x509: malformed public key algorithm identifier');
  if (spkiParts[1]!.tag !== BIT_STRING || spkiParts[1]!.body.length === 0) fail('x509: malformed subjectPublicKey');
  const keyBits = spkiParts[1]!.body.subarray(1);
  switch (oidText(alg[0]!.body)) {
    case RSA_OID: {
      const seq = readDer(keyBits, 0);
      const nums = seq && seq.tag === SEQUENCE ? children(seq.body) : undefined;
      if (!nums || nums.length !== 2 || nums[0]!.tag !== INTEGER || nums[1]!.tag !== INTEGER) fail('x509: invalid RSA public key');
      return { type: 'rsa', n: intHex(nums[0]!.body), e: intHex(nums[1]!.body) };
    }
    case EC_OID: {
      const curve = alg[1]?.tag === OID ? oidText(alg[1].body) : undefined;
      return { type: 'ecdsa', curve, point: intHex(keyBits) };
    }
    case ED25519_OID:
      return { type: 'ed25519' };
    default:
      return { type: 'unknown' };
  }
}

/** An INTEGER's value (DER integers are two's complement; a key's are positive). */
function bigOf(body: Uint8Array): bigint {
  return BigInt(`0x${intHex(body)}`);
}

/**
 * True when the numbers of an RSA private key belong together, as rsa.PrivateKey.Validate checks
 * them on parsing: n is the product of the primes, and d·e ≡ 1 modulo each prime less one.
 */
function isConsistentRsaKey(n: bigint, e: bigint, d: bigint, p: bigint, q: bigint): boolean {
  if (p < 2n || q < 2n || e < 2n || p * q !== n) return false;
  return (d * e) % (p - 1n) === 1n && (d * e) % (q - 1n) === 1n;
}

/** RSAPrivateKey (PKCS #1). */
function pkcs1Key(der: Uint8Array): Key | undefined {
  const seq = readDer(der, 0);
  const parts = seq && seq.tag === SEQUENCE && seq.next === der.length ? children(seq.body) : undefined;
  if (!parts || parts.length < 9 || parts.slice(0, 9).some((p) => p.tag !== INTEGER)) return undefined;
  const [n, e, d, p, q] = parts.slice(1, 6).map((x) => bigOf(x.body)) as [bigint, bigint, bigint, bigint, bigint];
  if (!isConsistentRsaKey(n, e, d, p, q)) return undefined;
  return { type: 'rsa', n: intHex(parts[1]!.body), e: intHex(parts[2]!.body) };
}

/** ECPrivateKey (SEC 1), with the curve of the PKCS #8 wrapping when it has none of its own. */
function ecKey(der: Uint8Array, wrappedCurve?: string): Key | undefined {
  const seq = readDer(der, 0);
  const parts = seq && seq.tag === SEQUENCE ? children(seq.body) : undefined;
  if (!parts || parts[0]?.tag !== INTEGER || intHex(parts[0].body) !== '1' || parts[1]?.tag !== OCTET_STRING) return undefined;
  let curve = wrappedCurve;
  let point: string | undefined;
  for (const p of parts.slice(2)) {
    const inner = readDer(p.body, 0);
    if (p.tag === 0xa0 && inner?.tag === OID) curve = oidText(inner.body);
    if (p.tag === 0xa1 && inner?.tag === BIT_STRING) point = intHex(inner.body.subarray(1));
  }
  return { type: 'ecdsa', curve, point };
}

/** PrivateKeyInfo (PKCS #8) around an RSA, EC or Ed25519 key. */
function pkcs8Key(der: Uint8Array): Key | undefined {
  const seq = readDer(der, 0);
  const parts = seq && seq.tag === SEQUENCE ? children(seq.body) : undefined;
  if (!parts || parts.length < 3 || parts[0]!.tag !== INTEGER || parts[1]!.tag !== SEQUENCE || parts[2]!.tag !== OCTET_STRING) return undefined;
  const alg = children(parts[1]!.body);
  if (!alg || alg[0]?.tag !== OID) return undefined;
  switch (oidText(alg[0].body)) {
    case RSA_OID:
      return pkcs1Key(parts[2]!.body);
    case EC_OID:
      return ecKey(parts[2]!.body, alg[1]?.tag === OID ? oidText(alg[1].body) : undefined);
    case ED25519_OID: {
      const seed = readDer(parts[2]!.body, 0);
      return seed?.tag === OCTET_STRING && seed.body.length === 32 ? { type: 'ed25519' } : undefined;
    }
    default:
      return undefined;
  }
}

/** tls.parsePrivateKey: PKCS #1, then PKCS #8, then SEC 1. */
function privateKey(der: Uint8Array): Key {
  return pkcs1Key(der) ?? pkcs8Key(der) ?? ecKey(der) ?? fail('tls: failed to parse private key');
}

/** Go's `%v` of a []string: `[A B]`. */
function goList(items: string[]): string {
  return `[${items.join(' ')}]`;
}

/** tls.X509KeyPair: throws a KeyPairError with Go's text when the pair would not load. */
export function checkX509KeyPair(certPem: string, keyPem: string): void {
  const certs: Uint8Array[] = [];
  let skipped: string[] = [];
  let rest = certPem;
  for (let block = decodePem(rest); block; block = decodePem(rest)) {
    rest = block[1];
    if (block[0].type === 'CERTIFICATE') certs.push(block[0].bytes);
    else skipped.push(block[0].type);
  }
  if (certs.length === 0) {
    if (skipped.length === 0) fail('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0]!.endsWith('PRIVATE KEY')) {
      fail('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    }
    fail(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(skipped)}`);
  }
  skipped = [];
  rest = keyPem;
  let keyDer: Uint8Array | undefined;
  for (;;) {
    const block = decodePem(rest);
    if (!block) {
      if (skipped.length === 0) fail('tls: failed to find any PEM data in key input');
      if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') fail('tls: found a certificate rather than a key in the PEM for the private key');
      fail(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(skipped)}`);
    }
    rest = block[1];
    if (block[0].type === 'PRIVATE KEY' || block[0].type.endsWith(' PRIVATE KEY')) {
      keyDer = block[0].bytes;
      break;
    }
    skipped.push(block[0].type);
  }
  const pub = certificatePublicKey(certs[0]!);
  const priv = privateKey(keyDer);
  if (pub.type === 'unknown') fail('tls: unknown public key algorithm');
  if (priv.type !== pub.type) fail('tls: private key type does not match public key type');
  if (pub.type === 'rsa' && priv.type === 'rsa' && (pub.n !== priv.n || pub.e !== priv.e)) fail('tls: private key does not match public key');
  if (pub.type === 'ecdsa' && priv.type === 'ecdsa') {
    if ((priv.curve && pub.curve && priv.curve !== pub.curve) || (priv.point && pub.point && priv.point !== pub.point)) {
      fail('tls: private key does not match public key');
    }
  }
}
