/**
 * The kubelet's memory outside the API objects, as plain data in `runtime.state.kubelet` so a
 * snapshot taken mid-transition resumes it: per pod, when it entered its current stage, an image
 * pull in progress, back-off counters, probe results; per node, the pod IP allocator.
 */
import type { Runtime } from '../runtime.ts';
import type { MContainerStatus } from './pod-status.ts';

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

/** A container being stopped (kill.ts): its preStop hook, stop signal and SIGKILL times. */
export interface KillRecord {
  /** When the kubelet began stopping it (the Killing event; the preStop hook starts). */
  at: number;
  /** When the runtime sends the stop signal: the hook returned, or the grace period ran out. */
  signalAt: number;
  /** When the runtime kills it (exit code 137). */
  deadline: number;
  /** The grace period left once the preStop hook returned (before the two-second minimum). */
  graceLeftMs?: number;
  /**
   * The pod is being deleted; the container's postStart hook failed; or it is restarted (a failed
   * liveness or startup probe, a changed definition).
   */
  reason: 'delete' | 'postStart' | 'restart';
  /** The preStop hook, if one ran: when it returns by itself (absent: never) and whether it failed. */
  preStop?: { handler: 'exec' | 'httpGet' | 'sleep' | 'tcpSocket'; endsAt?: number; failed: boolean; reported?: boolean };
  /** For a container the status never showed running (its postStart hook): that running status. */
  started?: MContainerStatus;
  /** The postStart hook's error (the message of the PostStartHookError waiting state). */
  error?: string;
  /** A restart kill for a changed definition: the container starts again even with restartPolicy Never. */
  restartAlways?: boolean;
}

/** A postStart hook in progress: the pod worker waits for it before anything else. */
export interface PostStartRecord {
  slot: string;
  at: number;
  /** When the hook returns (absent: it never does). */
  doneAt?: number;
  /** Its error, when it fails. */
  error?: string;
  /** The container's running status, reported once the hook returns. */
  status: MContainerStatus;
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
  /** Containers being stopped, by slot (`init/<name>`, `app/<name>`). */
  kills?: Record<string, KillRecord>;
  /** A postStart hook in progress. */
  postStart?: PostStartRecord;
  /** Slots killed to be restarted that still wait for it (back-off, pull): restarted whatever their exit code. */
  restartPending?: string[];
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
