/**
 * Stopping one container, as killContainer does (pkg/kubelet/kuberuntime/kuberuntime_container.go):
 * the Killing event, then the preStop hook inside the grace period, then the runtime's stop
 * signal with what is left of the grace period (at least two seconds: minimumGracePeriodInSeconds),
 * then SIGKILL. The container may end sooner by itself: a shell or `sleep` as PID 1 ignores
 * SIGTERM but still exits when its script ends, and StopContainer returns at that exit. The kill
 * is planned once, as data in the pod's record; its outcome is derived from the process.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../apiserver/types.ts';
import { findProcess, plannedExit } from '../images/process.ts';
import { behaviourNamed } from '../images/registry.ts';
import { runHook } from './hooks.ts';
import type { MContainerStatus } from './pod-status.ts';
import type { Slot, StageContext, StageEvent } from './stages.ts';
import type { KillRecord } from './state.ts';

/** minimumGracePeriodInSeconds: the stop signal always gets at least this long. */
export const MIN_STOP_MS = 2000;

/** How long a container with no known process takes to stop. */
const DEFAULT_STOP_MS = 100;

/**
 * The grace period a kill gets (setTerminationGracePeriod): the deletion's, else the probe's own
 * terminationGracePeriodSeconds for a failed liveness or startup probe, else the pod's.
 */
export function graceSeconds(pod: Pod, probeGrace?: number): number {
  return pod.metadata?.deletionGracePeriodSeconds ?? probeGrace ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
}

/**
 * Starts killing a slot's container now: runs its preStop hook (when there is grace time for it)
 * and plans the stop signal and the SIGKILL. `cs` is the container's running status; events the
 * hook causes go to `events`.
 */
export function planKill(pod: Stored<K8s<Pod>>, slot: Slot, cs: MContainerStatus, ctx: StageContext, reason: KillRecord['reason'], grace = graceSeconds(pod), events: StageEvent[] = []): KillRecord {
  const at = ctx.now;
  const graceMs = grace * 1000;
  const preStop = slot.container.lifecycle?.preStop;
  let signalAt = at;
  let remainingMs = graceMs;
  const kill: KillRecord = { at, signalAt, deadline: at, reason };
  if (preStop && graceMs > 0) {
    const hook = runHook(pod, slot.container, cs, preStop, ctx);
    if (hook.fallback) events.push({ type: 'Warning', reason: 'LifecycleHTTPFallback', message: hook.fallback });
    // The kubelet waits for the hook or the grace period, whichever ends first, and subtracts
    // the whole seconds that took.
    const waited = hook.durationMs === undefined ? graceMs : Math.min(hook.durationMs, graceMs);
    signalAt = at + waited;
    remainingMs = graceMs - Math.floor(waited / 1000) * 1000;
    kill.preStop = { handler: hook.handler, failed: hook.error !== undefined, ...(hook.durationMs === undefined ? {} : { endsAt: at + hook.durationMs }) };
  }
  kill.signalAt = signalAt;
  kill.graceLeftMs = remainingMs;
  kill.deadline = signalAt + Math.max(remainingMs, MIN_STOP_MS);
  return kill;
}

export interface KillOutcome {
  /** When the container's main process ends, with what. */
  finish: number;
  code: number;
  reason?: string;
  /** When killContainer returns (the hook waited for and the container stopped). */
  returnsAt: number;
  /** When a failed preStop hook is reported (FailedPreStopHook), if it fails. */
  hookFailsAt?: number;
}

/**
 * How a planned kill ends, from the container's process. `turnAt`: a sidecar's kill waits, after
 * its preStop hook and within what is left of the grace period, until then (terminationOrdering).
 */
export function killOutcome(pod: Pod, slot: Slot, kill: KillRecord, ctx: StageContext, turnAt?: number): KillOutcome {
  let signalAt = kill.signalAt;
  let deadline = kill.deadline;
  const left = kill.graceLeftMs ?? kill.deadline - kill.signalAt;
  if (turnAt !== undefined && left > 0) {
    const waited = Math.min(Math.max(0, turnAt - kill.signalAt), left);
    signalAt = kill.signalAt + waited;
    deadline = signalAt + Math.max(left - Math.floor(waited / 1000) * 1000, MIN_STOP_MS);
  }
  const proc = findProcess(ctx.runtime, pod.metadata!.uid!, slot.container.name);
  let finish = deadline;
  let code = 137;
  let reason: string | undefined;
  if (proc && proc.finishedAt !== undefined) {
    finish = proc.finishedAt;
    code = proc.exitCode ?? 0;
  } else {
    const stopMs = proc ? behaviourNamed(proc.behaviour).stopMs((proc.state as { argv?: string[] }).argv ?? []) : DEFAULT_STOP_MS;
    if (stopMs !== undefined && signalAt + stopMs < finish) {
      finish = signalAt + stopMs;
      code = 0;
    }
    const own = proc ? plannedExit(proc) : undefined;
    if (own && own.at < finish) {
      finish = own.at;
      code = own.code;
      reason = own.reason;
    }
  }
  const hook = kill.preStop;
  // An exec hook dies with the container; the kubelet's wait for a sleep or HTTP hook (and for
  // a sidecar's turn) does not.
  const returnsAt = Math.max(finish, hook && hook.handler !== 'exec' ? kill.signalAt : kill.at, turnAt === undefined ? -Infinity : signalAt);
  let hookFailsAt: number | undefined;
  if (hook?.handler === 'exec') {
    const endedFirst = hook.endsAt !== undefined && hook.endsAt <= finish;
    if (!endedFirst) hookFailsAt = finish;
    else if (hook.failed) hookFailsAt = hook.endsAt;
  } else if (hook?.failed) hookFailsAt = hook.endsAt ?? kill.signalAt;
  return { finish, code, ...(reason ? { reason } : {}), returnsAt, ...(hookFailsAt === undefined ? {} : { hookFailsAt }) };
}

function isSidecar(slot: Slot): boolean {
  return slot.init && slot.container.restartPolicy === 'Always';
}

/**
 * The outcomes of a pod's kills, by slot id. Deleting a pod with sidecars orders its kills
 * (kuberuntime_termination_order.go): each sidecar begins to stop once every main container has
 * stopped and the sidecar defined after it (if running) has stopped too.
 */
export function podKillOutcomes(pod: Pod, slots: readonly Slot[], kills: Record<string, KillRecord>, ctx: StageContext): Map<string, KillOutcome> {
  const out = new Map<string, KillOutcome>();
  const ordered = slots.some(isSidecar);
  const isOrdered = (s: Slot) => ordered && isSidecar(s) && kills[s.id]?.reason === 'delete';
  let mains = -Infinity;
  for (const s of slots) {
    const kill = kills[s.id];
    if (!kill || isOrdered(s)) continue;
    const o = killOutcome(pod, s, kill, ctx);
    out.set(s.id, o);
    if (!s.init && kill.reason === 'delete') mains = Math.max(mains, o.returnsAt);
  }
  let later: number | undefined;
  for (const s of [...slots].reverse()) {
    if (!isSidecar(s)) continue;
    const kill = kills[s.id];
    if (!kill || !isOrdered(s)) {
      later = undefined;
      continue;
    }
    const o = killOutcome(pod, s, kill, ctx, Math.max(mains, later ?? -Infinity));
    out.set(s.id, o);
    later = o.returnsAt;
  }
  return out;
}
