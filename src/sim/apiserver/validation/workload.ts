/**
 * Validation shared by the workload kinds (pkg/apis/apps/validation and batch/validation):
 * selector against template labels, non-negative counts, and Go `%#v` renderings of selectors
 * and label maps for error values.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { field, GoLiteral, type Cause } from '../errors.ts';
import { labelSelectorMatches } from '../selectors.ts';
import { validatePodSpec, validateLabelMap } from './pod.ts';

/** `map[string]string{"a":"b"}` with sorted keys, as Go's %#v prints a map. */
export function goStringMap(m: Readonly<Record<string, string>> | undefined | null): string {
  if (!m) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`).join(', ')}}`;
}

/** `v1.LabelSelector{MatchLabels:…, MatchExpressions:…}` as %#v prints it. */
export function goLabelSelector(sel: Readonly<LabelSelector> | undefined | null): GoLiteral {
  if (!sel) return new GoLiteral('(*v1.LabelSelector)(nil)');
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${
              e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'
            }}`,
        )
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoLiteral(`v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`);
}

export function isEmptySelector(sel: Readonly<LabelSelector>): boolean {
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

/** ValidateNonnegativeField. */
export function nonNegative(path: string, value: number | undefined | null): Cause[] {
  if (value === undefined || value === null) return [];
  return value < 0 ? [field.invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/**
 * The selector is required and non-empty, and must select the template's labels; then the pod
 * template itself. `kindWord` is upstream's noun in "empty selector is invalid for <kind>".
 */
export function validateSelectorAndTemplate(
  selector: Readonly<LabelSelector> | undefined,
  template: Readonly<PodTemplateSpec> | undefined,
  kindWord: string,
  base = 'spec',
): Cause[] {
  const out: Cause[] = [];
  if (!selector) {
    out.push(field.required(`${base}.selector`));
  } else {
    out.push(...validateLabelMap(selector.matchLabels, `${base}.selector.matchLabels`));
    if (isEmptySelector(selector)) {
      out.push(field.invalid(`${base}.selector`, goLabelSelector(selector), `empty selector is invalid for ${kindWord}`));
    }
  }
  if (!template) {
    out.push(field.required(`${base}.template`));
    return out;
  }
  const labels = template.metadata?.labels;
  if (selector && !isEmptySelector(selector) && !labelSelectorMatches(selector, labels)) {
    out.push(
      field.invalid(`${base}.template.metadata.labels`, new GoLiteral(goStringMap(labels ?? {})), '`selector` does not match template `labels`'),
    );
  }
  out.push(...validateLabelMap(labels, `${base}.template.metadata.labels`));
  out.push(...validatePodSpec(template.spec as never, `${base}.template.spec`));
  return out;
}

/** IntOrString percent or count (ValidatePositiveIntOrPercent + IsValidPercent). */
export function validateIntOrPercent(path: string, v: number | string | undefined): Cause[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return nonNegative(path, v);
  if (!/^[0-9]+%$/.test(v)) return [field.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  return [];
}

export function percentOver100(path: string, v: number | string | undefined): Cause[] {
  if (typeof v === 'string' && /^[0-9]+%$/.test(v) && Number(v.slice(0, -1)) > 100) {
    return [field.invalid(path, v, 'must not be greater than 100%')];
  }
  return [];
}
