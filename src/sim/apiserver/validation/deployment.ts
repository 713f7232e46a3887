/**
 * Deployment validation (pkg/apis/apps/validation/validation.go ValidateDeployment,
 * ValidateDeploymentUpdate with the apps/v1 immutable selector).
 */
import { field, GoLiteral, type Cause } from '../errors.ts';
import { sameContent } from '../store.ts';
import type { KubeObject, Stored } from '../types.ts';
import { goLabelSelector, nonNegative, percentOver100, validateIntOrPercent, validateSelectorAndTemplate } from './workload.ts';

function intstr(v: number | string): GoLiteral {
  return new GoLiteral(
    typeof v === 'number' ? `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}` : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`,
  );
}

export function validateDeployment(obj: KubeObject): Cause[] {
  const spec = obj.spec ?? {};
  const out: Cause[] = [];
  out.push(...nonNegative('spec.replicas', spec.replicas));
  out.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'deployment'));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== undefined && rp !== 'Always') out.push(field.notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    out.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  const st = spec.strategy ?? {};
  if (st.type !== undefined && st.type !== 'Recreate' && st.type !== 'RollingUpdate') {
    out.push(field.notSupported('spec.strategy.type', st.type, ['Recreate', 'RollingUpdate']));
  }
  if (st.type === 'Recreate' && st.rollingUpdate) {
    out.push(field.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  }
  if (st.type === 'RollingUpdate' && st.rollingUpdate) {
    const base = 'spec.strategy.rollingUpdate';
    const mu = st.rollingUpdate.maxUnavailable;
    const ms = st.rollingUpdate.maxSurge;
    out.push(...validateIntOrPercent(`${base}.maxUnavailable`, mu), ...percentOver100(`${base}.maxUnavailable`, mu));
    out.push(...validateIntOrPercent(`${base}.maxSurge`, ms));
    const zero = (v: unknown) => v === undefined || v === 0 || v === '0%';
    if (zero(mu) && zero(ms)) out.push(field.invalid(`${base}.maxUnavailable`, intstr(mu ?? 0), 'may not be 0 when `maxSurge` is 0'));
  }
  out.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  out.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  if (spec.progressDeadlineSeconds != null) {
    out.push(...nonNegative('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      out.push(field.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return out;
}

export function validateDeploymentUpdate(obj: KubeObject, old: Stored): Cause[] {
  if (sameContent(obj.spec?.selector, old.spec?.selector)) return [];
  return [field.immutable('spec.selector', goLabelSelector(obj.spec?.selector))];
}
