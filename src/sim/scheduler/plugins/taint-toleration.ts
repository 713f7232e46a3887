/**
 * TaintToleration: NoSchedule and NoExecute taints must be tolerated; PreferNoSchedule taints
 * only lower the score (pkg/scheduler/framework/plugins/tainttoleration, and
 * k8s.io/api/core/v1 Toleration.ToleratesTaint for the matching rules).
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { fail, type FilterPlugin, type ScorePlugin } from './plugin.ts';

export interface TaintLike {
  key: string;
  value?: string;
  effect: string;
}

export function isToleratedBy(t: Toleration, taint: TaintLike): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  const op = t.operator ?? 'Equal';
  if (op === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function isTolerated(tolerations: readonly Toleration[], taint: TaintLike): boolean {
  return tolerations.some((t) => isToleratedBy(t, taint));
}

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  normalize: 'reverse',
  filter(pod, node) {
    const tolerations = pod.spec?.tolerations ?? [];
    const taints: Taint[] = node.spec?.taints ?? [];
    const untolerated = taints.find(
      (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !isTolerated(tolerations, t),
    );
    if (!untolerated) return undefined;
    return fail(`node(s) had untolerated taint {${untolerated.key}: ${untolerated.value ?? ''}}`, true);
  },
  score(pod, node) {
    const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    const taints: Taint[] = node.spec?.taints ?? [];
    return taints.filter((t) => t.effect === 'PreferNoSchedule' && !isTolerated(tolerations, t)).length;
  },
};
