/**
 * Storage sizes: a claim's request and a volume's capacity reduced to bytes, so the binder can
 * find the smallest volume that fits.
 */
import { parseQuantity } from '../apiserver/quantity.ts';

/** The storage quantity in a resource list (`{storage: "1Gi"}`), in bytes; 0 when absent. */
export function storageBytes(list: Readonly<Record<string, unknown>> | undefined): number {
  return parseQuantity(list?.storage as string | undefined) ?? 0;
}
