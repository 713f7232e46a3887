/**
 * Pure predicates on a Pod's status shared by the workload controllers
 * (pkg/api/v1/pod/util.go and pkg/controller/controller_utils.go upstream).
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { parseTime } from '../clock.ts';
import type { K8s, Stored } from '../apiserver/types.ts';

export type StoredPod = Stored<K8s<Pod>>;

export function readyCondition(pod: StoredPod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: StoredPod): boolean {
  return readyCondition(pod)?.status === 'True';
}

export function isPodRunning(pod: StoredPod): boolean {
  return pod.status?.phase === 'Running';
}

export function isPodTerminating(pod: StoredPod): boolean {
  return Boolean(pod.metadata.deletionTimestamp);
}

export function isPodFailed(pod: StoredPod): boolean {
  return pod.status?.phase === 'Failed';
}

export function isPodSucceeded(pod: StoredPod): boolean {
  return pod.status?.phase === 'Succeeded';
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: StoredPod): boolean {
  return !isPodFailed(pod) && !isPodSucceeded(pod) && !isPodTerminating(pod);
}

/** The time (ms) the pod became Ready, or undefined when it is not Ready. */
export function readySince(pod: StoredPod): number | undefined {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return undefined;
  return parseTime(c.lastTransitionTime) ?? 0;
}

/** podutil.IsPodAvailable: Ready for at least minReadySeconds. */
export function isPodAvailable(pod: StoredPod, minReadySeconds: number, now: number): boolean {
  const since = readySince(pod);
  if (since === undefined) return false;
  return minReadySeconds <= 0 || since + minReadySeconds * 1000 <= now;
}

/**
 * Milliseconds until a Ready pod becomes available, or undefined when it is not Ready or
 * already available: when a controller must look again.
 */
export function msUntilAvailable(pod: StoredPod, minReadySeconds: number, now: number): number | undefined {
  const since = readySince(pod);
  if (since === undefined || minReadySeconds <= 0) return undefined;
  const at = since + minReadySeconds * 1000;
  return at > now ? at - now : undefined;
}
