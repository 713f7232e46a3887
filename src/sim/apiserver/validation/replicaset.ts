/**
 * ReplicaSet validation (pkg/apis/apps/validation/validation.go ValidateReplicaSet and the
 * apps/v1 immutable selector).
 */
import { field, type Cause } from '../errors.ts';
import { sameContent } from '../store.ts';
import type { KubeObject, Stored } from '../types.ts';
import { goLabelSelector, nonNegative, validateSelectorAndTemplate } from './workload.ts';

export function validateReplicaSet(obj: KubeObject): Cause[] {
  const spec = obj.spec ?? {};
  const out: Cause[] = [...nonNegative('spec.replicas', spec.replicas), ...nonNegative('spec.minReadySeconds', spec.minReadySeconds)];
  out.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'replicaset'));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== undefined && rp !== 'Always') out.push(field.notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  return out;
}

export function validateReplicaSetUpdate(obj: KubeObject, old: Stored): Cause[] {
  if (sameContent(obj.spec?.selector, old.spec?.selector)) return [];
  return [field.immutable('spec.selector', goLabelSelector(obj.spec?.selector))];
}
