/**
 * Job validation (pkg/apis/batch/validation/validation.go ValidateJob, ValidateJobUpdate).
 */
import { field, GoLiteral, type Cause } from '../errors.ts';
import { sameContent } from '../store.ts';
import type { KubeObject, Stored } from '../types.ts';
import { validatePodSpec } from './pod.ts';
import { goLabelSelector, goPodTemplate, nonNegative, validateSelectorAndTemplate } from './workload.ts';

/** ValidateJobSpec; a CronJob's job template has no selector yet (`withSelector` false). */
export function validateJobSpec(spec: Record<string, any> | undefined, base: string, withSelector = true): Cause[] {
  const out: Cause[] = [];
  if (!spec) return [field.required(base)];
  out.push(...nonNegative(`${base}.parallelism`, spec.parallelism));
  out.push(...nonNegative(`${base}.completions`, spec.completions));
  out.push(...nonNegative(`${base}.backoffLimit`, spec.backoffLimit));
  if (spec.activeDeadlineSeconds != null && spec.activeDeadlineSeconds <= 0) {
    out.push(field.invalid(`${base}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be greater than 0'));
  }
  if (spec.ttlSecondsAfterFinished != null) out.push(...nonNegative(`${base}.ttlSecondsAfterFinished`, spec.ttlSecondsAfterFinished));
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    out.push(field.notSupported(`${base}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  }
  if (mode === 'Indexed' && spec.completions == null) {
    out.push(field.required(`${base}.completions`, 'when completion mode is Indexed'));
  }
  if (withSelector) out.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'job', base));
  else if (!spec.template) out.push(field.required(`${base}.template`));
  else out.push(...validatePodSpec(spec.template.spec, `${base}.template.spec`));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') {
    out.push(field.required(`${base}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  }
  const pfp = spec.podFailurePolicy;
  if (pfp) {
    if (rp !== 'Never') {
      out.push(field.invalid(`${base}.template.spec.restartPolicy`, rp, 'only "Never" is supported when podFailurePolicy is specified'));
    }
    (pfp.rules ?? []).forEach((r: Record<string, any>, i: number) => {
      const p = `${base}.podFailurePolicy.rules[${i}]`;
      if (!['FailJob', 'Ignore', 'Count', 'FailIndex'].includes(r.action)) {
        out.push(field.notSupported(`${p}.action`, r.action, ['Count', 'FailIndex', 'FailJob', 'Ignore']));
      }
      if (r.onExitCodes && r.onPodConditions?.length) {
        out.push(field.invalid(p, new GoLiteral('specifying both OnExitCodes and OnPodConditions is not supported'), 'specifying both OnExitCodes and OnPodConditions is not supported'));
      }
      if (r.onExitCodes && !['In', 'NotIn'].includes(r.onExitCodes.operator)) {
        out.push(field.notSupported(`${p}.onExitCodes.operator`, r.onExitCodes.operator, ['In', 'NotIn']));
      }
    });
  }
  return out;
}

export function validateJob(obj: KubeObject): Cause[] {
  const out = validateJobSpec(obj.spec, 'spec');
  const sel = obj.spec?.selector;
  const uid = obj.metadata.uid;
  if (!obj.spec?.manualSelector && sel && uid && sel.matchLabels?.['batch.kubernetes.io/controller-uid'] !== uid) {
    out.push(field.invalid('spec.selector', goLabelSelector(sel), '`selector` not auto-generated'));
  }
  return out;
}

/** The template may change only while the job is suspended and has not started; selector and completions never. */
export function validateJobUpdate(obj: KubeObject, old: Stored): Cause[] {
  const out: Cause[] = [];
  if (!sameContent(obj.spec?.selector, old.spec?.selector)) {
    out.push(field.immutable('spec.selector', goLabelSelector(obj.spec?.selector)));
  }
  const startedOrRunning = !(old.spec?.suspend && !old.status?.startTime);
  if (startedOrRunning && !sameContent(obj.spec?.template, old.spec?.template)) {
    out.push(field.immutable('spec.template', goPodTemplate(obj.spec?.template)));
  }
  if (!sameContent(obj.spec?.completions, old.spec?.completions) && old.spec?.completionMode !== 'Indexed') {
    out.push(field.immutable('spec.completions', obj.spec?.completions ?? null));
  }
  if (obj.spec?.completionMode !== old.spec?.completionMode) out.push(field.immutable('spec.completionMode', obj.spec?.completionMode));
  return out;
}
