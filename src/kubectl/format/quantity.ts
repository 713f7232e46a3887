/**
 * resource.Quantity's canonical String(): `1024Mi` prints `1Gi`, `1500m` prints `1500m`, `0.5Gi`
 * prints `512Mi`. Binary-suffixed amounts stay binary when they are whole bytes; decimal ones use
 * the largest power-of-1000 suffix that keeps the mantissa whole
 * (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go CanonicalizeBytes).
 */

const BINARY: [string, number][] = [
  ['Ei', 60],
  ['Pi', 50],
  ['Ti', 40],
  ['Gi', 30],
  ['Mi', 20],
  ['Ki', 10],
];
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

/** Canonical form of a quantity string; the input unchanged when it does not parse. */
export function formatQuantity(text: string | number | undefined | null): string {
  if (text === undefined || text === null || text === '') return '0';
  const s = String(text);
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[EPTGMkmun]|[eE][+-]?\d+)?$/.exec(s);
  if (!m) return s;
  const sign = m[1] === '-' ? -1n : 1n;
  const [intPart, fracPart = ''] = m[2]!.split('.');
  const suffix = m[3] ?? '';
  // Value as digits × 10^exp10 × 2^exp2.
  let digits = BigInt((intPart || '0') + fracPart) * sign;
  let exp10 = -fracPart.length;
  let exp2 = 0;
  const bin = BINARY.find(([s2]) => s2 === suffix);
  if (bin) exp2 = bin[1];
  else if (/^[eE]/.test(suffix)) exp10 += Number(suffix.slice(1));
  else exp10 += DECIMAL.find(([s2]) => s2 === suffix)![1];
  if (digits === 0n) return '0';
  if (bin) {
    // Whole bytes? Then print with the largest binary suffix that divides.
    let value = digits * 2n ** BigInt(exp2);
    let ok = true;
    if (exp10 < 0) {
      const d = 10n ** BigInt(-exp10);
      if (value % d !== 0n) ok = false;
      else value /= d;
    } else value *= 10n ** BigInt(exp10);
    if (ok) {
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

/** A quantity's value in base units (cores, bytes), or 0 when it does not parse. */
export function quantityValue(text: string | number | undefined | null): number {
  if (text === undefined || text === null || text === '') return 0;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[EPTGMkmun]|[eE][+-]?\d+)?$/.exec(String(text));
  if (!m) return 0;
  const n = Number(m[1]);
  const s = m[2] ?? '';
  const bin = BINARY.find(([x]) => x === s);
  if (bin) return n * 2 ** bin[1];
  if (/^[eE]/.test(s)) return n * 10 ** Number(s.slice(1));
  return n * 10 ** DECIMAL.find(([x]) => x === s)![1];
}
