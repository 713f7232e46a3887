/**
 * resource.Quantity parsing for the scheduler and kubelet: "100m" CPU, "128Mi" memory, "110"
 * pods. Values come back as plain numbers (CPU in millicores via `milliValue`, bytes otherwise).
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Parsed quantities: the same few strings ("2", "100m", "4015852Ki") come up on every pass. */
const cache = new Map<string, number | undefined>();

/** The numeric value of a quantity string, or undefined when it is not one. */
export function parseQuantity(q: string | number | undefined | null): number | undefined {
  if (q === undefined || q === null) return undefined;
  if (typeof q === 'number') return q;
  if (cache.has(q)) return cache.get(q);
  const v = parse(q);
  if (cache.size > 4096) cache.clear();
  cache.set(q, v);
  return v;
}

function parse(q: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E)?)$/.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2]) return n * BINARY[m[2]]!;
  if (m[3]) return n * 10 ** Number(m[3].slice(1));
  return n * DECIMAL[m[4] ?? '']!;
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
