/**
 * resource.Quantity (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go): parsing
 * `500m`, `1.5Gi`, `2e3`, `128974848` into base units (cores, bytes) for the API server's
 * validation, the scheduler, the kubelet and the volume binder; MilliValue and Value rounding;
 * and the canonical String() kubectl prints (`1024Mi` prints `1Gi`, `0.5Gi` prints `512Mi`).
 */

/** Binary suffixes, largest first, with their power of two. */
const BINARY: [string, number][] = [
  ['Ei', 60],
  ['Pi', 50],
  ['Ti', 40],
  ['Gi', 30],
  ['Mi', 20],
  ['Ki', 10],
];
/** Decimal SI suffixes, largest first, with their power of ten. */
const DECIMAL: [string, number][] = [
  ['E', 18],
  ['P', 15],
  ['T', 12],
  ['G', 9],
  ['M', 6],
  ['k', 3],
  ['', 0],
  ['m', -3],
  ['u', -6],
  ['n', -9],
];
const BINARY_EXP = new Map(BINARY);
const DECIMAL_EXP = new Map(DECIMAL);

/** Sign, digits and suffix (binary, decimal SI or a decimal exponent). */
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[EPTGMkmun]|[eE][+-]?\d+)?$/;

/** Parsed quantities: the same few strings ("2", "100m", "4015852Ki") come up on every pass. */
const cache = new Map<string, number | undefined>();

function parse(text: string): number | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]! + m[2]!);
  const suffix = m[3] ?? '';
  const bin = BINARY_EXP.get(suffix);
  if (bin !== undefined) return n * 2 ** bin;
  const dec = DECIMAL_EXP.get(suffix);
  if (dec !== undefined) return n * 10 ** dec;
  return n * 10 ** Number(suffix.slice(1));
}

/** The value of a quantity in base units (cores, bytes), or undefined if it does not parse. */
export function parseQuantity(text: string | number | undefined | null): number | undefined {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return undefined;
  if (cache.has(text)) return cache.get(text);
  const v = parse(text);
  if (cache.size > 4096) cache.clear();
  cache.set(text, v);
  return v;
}

/** True when `text` is a well-formed quantity. */
export function isQuantity(text: unknown): boolean {
  return (typeof text === 'string' || typeof text === 'number') && parseQuantity(text) !== undefined;
}

/** A quantity's value in base units, or 0 when it is absent or does not parse. */
export function quantityValue(text: string | number | undefined | null): number {
  return parseQuantity(text) ?? 0;
}

/** A quantity in thousandths (CPU millicores), rounded up as Quantity.MilliValue does. */
export function milliValue(q: string | number | undefined | null): number {
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e6) / 1e3);
}

/** A quantity as an integer, rounded up as Quantity.Value does. */
export function intValue(q: string | number | undefined | null): number {
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(v - 1e-9);
}

/**
 * Canonical form of a quantity string (Quantity.String after CanonicalizeBytes); the input
 * unchanged when it does not parse. Binary-suffixed amounts stay binary when they are whole
 * bytes; decimal ones use the largest power-of-1000 suffix that keeps the mantissa whole.
 */
export function formatQuantity(text: string | number | undefined | null): string {
  if (text === undefined || text === null || text === '') return '0';
  const s = String(text);
  const m = QUANTITY.exec(s);
  if (!m) return s;
  const sign = m[1] === '-' ? -1n : 1n;
  const [intPart, fracPart = ''] = m[2]!.split('.');
  const suffix = m[3] ?? '';
  // Value as digits × 10^exp10 × 2^exp2.
  let digits = BigInt((intPart || '0') + fracPart) * sign;
  let exp10 = -fracPart.length;
  const exp2 = BINARY_EXP.get(suffix);
  if (exp2 === undefined) exp10 += DECIMAL_EXP.get(suffix) ?? Number(suffix.slice(1));
  if (digits === 0n) return '0';
  if (exp2 !== undefined) {
    // Whole bytes? Then print with the largest binary suffix that divides.
    let value = digits * 2n ** BigInt(exp2);
    let whole = true;
    if (exp10 < 0) {
      const d = 10n ** BigInt(-exp10);
      if (value % d !== 0n) whole = false;
      else value /= d;
    } else value *= 10n ** BigInt(exp10);
    if (whole) {
      for (const [sfx, e] of BINARY) {
        const unit = 2n ** BigInt(e);
        if (value % unit === 0n) return `${value / unit}${sfx}`;
      }
      return String(value);
    }
    // Fall back to decimal: multiply out the power of two.
    digits *= 2n ** BigInt(exp2);
  }
  while (digits % 10n === 0n) {
    digits /= 10n;
    exp10++;
  }
  for (const [sfx, e] of DECIMAL) {
    if (exp10 >= e) return `${digits * 10n ** BigInt(exp10 - e)}${sfx}`;
  }
  // Below nano: round up to 1n as Quantity does.
  return `${digits > 0n ? 1 : -1}n`;
}
