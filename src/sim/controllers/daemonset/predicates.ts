/**
 * Pure predicates of the DaemonSet controller (pkg/controller/daemon/daemon_controller.go
 * NodeShouldRunDaemonPod, util/daemonset_util.go): which nodes a daemon pod belongs on, which
 * node a pod targets, and whether a pod runs the current template.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../../apiserver/types.ts';
import { nodeSelectorTermsMatch } from '../../scheduler/node-affinity.ts';
import type { StoredPod } from '../pod-status.ts';

export type StoredDaemonSet = Stored<K8s<DaemonSet>>;

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const HASH_LABEL = 'controller-revision-hash';

/** v1helper.ToleratesTaint. */
export function isTaintTolerated(t: Readonly<Toleration>, taint: Readonly<Taint>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

function untolerated(tolerations: readonly Toleration[], node: Stored, effects: string[]): boolean {
  const taints: Taint[] = node.spec?.taints ?? [];
  return taints.some((taint) => effects.includes(taint.effect) && !tolerations.some((t) => isTaintTolerated(t, taint)));
}

export interface Placement {
  /** The pod should be on this node (a new one is created if missing). */
  shouldRun: boolean;
  /** An existing pod may stay (only NoExecute taints evict). */
  shouldContinueRunning: boolean;
}

/** NodeShouldRunDaemonPod, for a pod built from the set's template for this node. */
export function placementOn(tolerations: readonly Toleration[], ds: StoredDaemonSet, node: Stored): Placement {
  const spec = ds.spec?.template?.spec;
  if (spec?.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  const labels: Record<string, string> = node.metadata.labels ?? {};
  const selector = spec?.nodeSelector ?? {};
  let fits = Object.entries(selector).every(([k, v]) => labels[k] === v);
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (fits && terms && terms.length) fits = nodeSelectorTermsMatch(terms, node);
  if (!fits) return { shouldRun: false, shouldContinueRunning: false };
  return {
    shouldRun: !untolerated(tolerations, node, ['NoSchedule', 'NoExecute']),
    shouldContinueRunning: !untolerated(tolerations, node, ['NoExecute']),
  };
}

/** util.GetTargetNodeName: the bound node, else the node the pod's matchFields pins it to. */
export function targetNode(pod: StoredPod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

/** util.IsPodUpdated: the pod carries the current hash or template generation. */
export function isPodUpdated(pod: StoredPod, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return labels[HASH_LABEL] === hash || (generation !== undefined && labels[HASH_LABEL] === undefined && labels[TEMPLATE_GENERATION_LABEL] === generation);
}

/** util.AllowsSurge. */
export function surgeValue(ds: StoredDaemonSet): number | string {
  return ds.spec?.updateStrategy?.rollingUpdate?.maxSurge ?? 0;
}

/** intstr.GetScaledValueFromIntOrPercent with roundUp. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  const raw = (pct * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}
