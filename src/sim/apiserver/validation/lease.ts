/**
 * Lease validation (pkg/apis/coordination/validation ValidateLeaseSpec): durations and
 * transition counts must be positive.
 */
import { field, type Cause } from '../errors.ts';
import type { KubeObject } from '../types.ts';

export function validateLease(lease: KubeObject): Cause[] {
  const out: Cause[] = [];
  const spec = lease.spec ?? {};
  if (typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds <= 0) {
    out.push(field.invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (typeof spec.leaseTransitions === 'number' && spec.leaseTransitions < 0) {
    out.push(field.invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return out;
}
