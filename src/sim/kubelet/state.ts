/**
 * The kubelet's memory outside the API objects, as plain data in `runtime.state.kubelet` so a
 * snapshot taken mid-transition resumes it: per pod, when it entered its current stage, an image
 * pull in progress, back-off counters, probe results; per node, the pod IP allocator.
 */
import type { Runtime } from '../runtime.ts';

export interface BackoffEntry {
  /** Restarts (or pull failures) so far. */
  count: number;
  /** When the current back-off started. */
  at: number;
  /** Its length in ms. */
  ms: number;
  /** For image pull back-off: the image it is for (a new image starts afresh). */
  image?: string;
}

export interface ProbeRecord {
  successes: number;
  failures: number;
  /** Time of the last probe run. */
  last: number;
}

export interface PodRecord {
  uid: string;
  node: string;
  /** When the pod last changed stage (virtual ms). */
  since: number;
  /** The sandbox's IP once it is up (reported in the status with the next change). */
  ip?: string;
  /** An image pull in progress for a container (`init/<name>` or `app/<name>`). */
  pull?: { slot: string; image: string; at: number };
  /** Slots whose image this kubelet pulled for the current start (no "already present" event). */
  pulled: string[];
  /** Crash back-off per slot. */
  backoff: Record<string, BackoffEntry>;
  /** Image pull back-off per slot. */
  pullBackoff: Record<string, BackoffEntry>;
  /** Set when the kubelet began stopping the pod's containers. */
  killingAt?: number;
  /** When the last FailedMount event was recorded. */
  mountEventAt?: number;
  /** Probe results per `<slot>/<readiness|liveness|startup>`. */
  probes: Record<string, ProbeRecord>;
}

export interface KubeletState {
  /** By pod uid. */
  pods: Record<string, PodRecord>;
  /** Per node: the host octet of the last pod IP handed out. */
  ipam: Record<string, number>;
}

declare module '../runtime.ts' {
  interface RuntimeState {
    /** The kubelet's own bookkeeping (sim/kubelet/state.ts). */
    kubelet?: KubeletState;
  }
}

export function kubeletState(runtime: Runtime): KubeletState {
  runtime.state.kubelet ??= { pods: {}, ipam: {} };
  return runtime.state.kubelet;
}
