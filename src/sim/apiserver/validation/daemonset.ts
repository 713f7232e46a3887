/**
 * DaemonSet validation (pkg/apis/apps/validation/validation.go ValidateDaemonSet,
 * ValidateDaemonSetUpdate, and the selector immutability of pkg/registry/apps/daemonset/strategy.go).
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

export function validateDaemonSet(obj: KubeObject): Cause[] {
  const spec = obj.spec ?? {};
  const out = validateSelectorAndTemplate(spec.selector, spec.template, 'daemonset');
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== undefined && rp !== 'Always') out.push(field.notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    out.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  out.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  out.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  const us = spec.updateStrategy ?? {};
  if (us.type !== undefined && us.type !== 'RollingUpdate' && us.type !== 'OnDelete') {
    out.push(field.notSupported('spec.updateStrategy.type', us.type, ['OnDelete', 'RollingUpdate']));
  }
  if (us.type === 'RollingUpdate' && us.rollingUpdate) {
    const base = 'spec.updateStrategy.rollingUpdate';
    const mu = us.rollingUpdate.maxUnavailable;
    const ms = us.rollingUpdate.maxSurge;
    out.push(...validateIntOrPercent(`${base}.maxUnavailable`, mu), ...percentOver100(`${base}.maxUnavailable`, mu));
    out.push(...validateIntOrPercent(`${base}.maxSurge`, ms), ...percentOver100(`${base}.maxSurge`, ms));
    const zero = (v: unknown) => v === undefined || v === 0 || v === '0%';
    if (zero(mu) && zero(ms)) {
      out.push(field.invalid(`${base}.maxUnavailable`, intstr(mu ?? 0), 'may not be 0 when `maxSurge` is 0'));
    }
  }
  return out;
}

export function validateDaemonSetUpdate(obj: KubeObject, old: Stored): Cause[] {
  if (sameContent(obj.spec?.selector, old.spec?.selector)) return [];
  return [field.immutable('spec.selector', goLabelSelector(obj.spec?.selector))];
}
