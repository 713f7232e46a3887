/**
 * StatefulSet validation (pkg/apis/apps/validation/validation.go ValidateStatefulSet and
 * ValidateStatefulSetUpdate, v1.34).
 */
import { field, GoLiteral, type Cause } from '../errors.ts';
import { sameContent } from '../store.ts';
import type { KubeObject, Stored } from '../types.ts';
import { nonNegative, validateSelectorAndTemplate } from './workload.ts';

export const STATEFULSET_SPEC_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

export function validateStatefulSet(obj: KubeObject): Cause[] {
  const spec = obj.spec ?? {};
  const out: Cause[] = [];
  const pmp = spec.podManagementPolicy;
  if (pmp !== undefined && pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    out.push(field.invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  }
  const us = spec.updateStrategy ?? {};
  if (us.type === 'OnDelete') {
    if (us.rollingUpdate) {
      const ru = us.rollingUpdate;
      const mu = ru.maxUnavailable === undefined ? '(*intstr.IntOrString)(nil)' : `(*intstr.IntOrString)(${ru.maxUnavailable})`;
      out.push(
        field.invalid(
          'spec.updateStrategy.rollingUpdate',
          new GoLiteral(`apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:${mu}}`),
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
      );
    }
  } else if (us.type === 'RollingUpdate') {
    if (us.rollingUpdate) out.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', us.rollingUpdate.partition));
  } else if (us.type !== undefined) {
    out.push(field.invalid('spec.updateStrategy', us.type, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const policy = spec.persistentVolumeClaimRetentionPolicy;
  for (const k of ['whenDeleted', 'whenScaled'] as const) {
    const v = policy?.[k];
    if (v !== undefined && v !== 'Retain' && v !== 'Delete') {
      out.push(field.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${k}`, v, ['Retain', 'Delete']));
    }
  }
  out.push(...nonNegative('spec.replicas', spec.replicas));
  out.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  if (spec.ordinals) out.push(...nonNegative('spec.ordinals.start', spec.ordinals.start));
  out.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'statefulset'));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== undefined && rp !== 'Always') out.push(field.notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    out.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return out;
}

const UPDATABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function validateStatefulSetUpdate(obj: KubeObject, old: Stored): Cause[] {
  const strip = (spec: Record<string, unknown> | undefined) => {
    const s = { ...(spec ?? {}) };
    for (const k of UPDATABLE) delete s[k];
    return s;
  };
  if (!sameContent(strip(obj.spec), strip(old.spec))) return [field.forbidden('spec', STATEFULSET_SPEC_FORBIDDEN)];
  return [];
}
