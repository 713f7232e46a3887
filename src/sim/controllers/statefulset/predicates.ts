/**
 * Pure helpers of the StatefulSet controller (pkg/controller/statefulset/stateful_set_utils.go):
 * names, ordinals, identity and storage checks.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { K8s, KubeObject, Stored } from '../../apiserver/types.ts';
import { isPodReady, isPodRunning, isPodTerminating, type StoredPod } from '../pod-status.ts';

export type StoredSet = Stored<K8s<StatefulSet>>;

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

export function podName(set: StoredSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** `<claim template>-<set>-<ordinal>` (getPersistentVolumeClaimName). */
export function claimName(set: StoredSet, claim: { metadata?: { name?: string } }, ordinal: number): string {
  return `${claim.metadata?.name}-${set.metadata.name}-${ordinal}`;
}

/** The ordinal of `<parent>-<n>`, or -1 (getParentNameAndOrdinal). */
export function ordinalOf(pod: { metadata: { name?: string } }): number {
  const m = /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? '');
  return m ? Number(m[2]) : -1;
}

export function parentOf(pod: { metadata: { name?: string } }): string | undefined {
  return /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? '')?.[1];
}

export function isMemberOf(set: StoredSet, pod: StoredPod): boolean {
  return parentOf(pod) === set.metadata.name;
}

export function startOrdinal(set: StoredSet): number {
  return set.spec?.ordinals?.start ?? 0;
}

export function replicaCount(set: StoredSet): number {
  return set.spec?.replicas ?? 1;
}

/** OrderedReady is monotonic; Parallel allows bursts. */
export function allowsBurst(set: StoredSet): boolean {
  return set.spec?.podManagementPolicy === 'Parallel';
}

export function podRevision(pod: StoredPod | KubeObject): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

/** isCreated: the pod has a phase (the API server and kubelet saw it). */
export function isCreated(pod: StoredPod): boolean {
  return Boolean(pod.status?.phase);
}

export function isRunningAndReady(pod: StoredPod): boolean {
  return isPodRunning(pod) && isPodReady(pod);
}

/** isHealthy: Running, Ready and not terminating. */
export function isHealthy(pod: StoredPod): boolean {
  return isRunningAndReady(pod) && !isPodTerminating(pod);
}

export function identityMatches(set: StoredSet, pod: StoredPod): boolean {
  const ordinal = ordinalOf(pod);
  return (
    ordinal >= 0 &&
    pod.metadata.name === podName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name &&
    pod.metadata.labels?.[POD_INDEX_LABEL] === String(ordinal)
  );
}

export function storageMatches(set: StoredSet, pod: StoredPod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  for (const claim of set.spec?.volumeClaimTemplates ?? []) {
    const v = volumes.get(claim.metadata?.name ?? '');
    if (!v?.persistentVolumeClaim || v.persistentVolumeClaim.claimName !== claimName(set, claim, ordinal)) return false;
  }
  return true;
}

/** The claims a pod of this ordinal uses, keyed by template name (getPersistentVolumeClaims). */
export function claimsFor(set: StoredSet, ordinal: number): Map<string, K8s<PersistentVolumeClaim>> {
  const out = new Map<string, K8s<PersistentVolumeClaim>>();
  const selectorLabels = set.spec?.selector?.matchLabels ?? {};
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const claim = structuredClone(t) as K8s<PersistentVolumeClaim>;
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    claim.metadata = { ...claim.metadata, name: claimName(set, t, ordinal), namespace: set.metadata.namespace };
    claim.metadata.labels = { ...(claim.metadata.labels ?? {}), ...selectorLabels };
    delete (claim as KubeObject).status;
    out.set(t.metadata?.name ?? '', claim);
  }
  return out;
}
