/**
 * Pod creation in slow-start batches and the burst limit between syncs, shared by the ReplicaSet,
 * Job and DaemonSet controllers (pkg/controller/controller_utils.go SlowStartInitialBatchSize,
 * pkg/controller/replicaset/replica_set.go slowStartBatch and manageReplicas).
 *
 * A sync creates at most a burst of pods, in batches of 1, 2, 4, 8, ... calls; a batch in which a
 * call fails is the last one, so a template the API server rejects costs one request, not 500.
 * Upstream then waits for its expectations (the burst's creations seen by the informer) before
 * the next burst; here the controller's key is paused for BURST_PAUSE_MS of virtual time, kept in
 * the runtime state so a snapshot carries it, and pod events in between do not start a new burst.
 */
import type { Runtime } from '../runtime.ts';
import type { ControllerContext } from './controller.ts';

/** controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH = 1;
/** Virtual time between two bursts of the same object, and before retrying after a failed create. */
export const BURST_PAUSE_MS = 1000;

declare module '../runtime.ts' {
  interface RuntimeState {
    /** When each `controller/key` may start its next burst of pod creations or deletions (virtual ms). */
    burstPause?: Record<string, number>;
  }
}

export interface SlowStartResult {
  /** Calls that succeeded. */
  done: number;
  /** The first error of the batch that stopped the run, if any. */
  error?: unknown;
}

/**
 * Calls `fn` up to `count` times in batches of `initial`, then double the size; stops after the
 * first batch with a failure (every call of that batch is still made, as upstream's goroutines are).
 */
export function slowStartBatch(count: number, initial: number, fn: () => void): SlowStartResult {
  let remaining = count;
  let done = 0;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    let error: unknown;
    let failed = false;
    for (let i = 0; i < size; i++) {
      try {
        fn();
        done++;
      } catch (e) {
        if (!failed) error = e;
        failed = true;
      }
    }
    remaining -= size;
    if (failed) return { done, error };
  }
  return { done };
}

/** The text of a failed API call, as a FailedCreate event shows it. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function pauses(runtime: Runtime): Record<string, number> {
  return (runtime.state.burstPause ??= {});
}

/**
 * Milliseconds until `controller/key` may start another burst; 0 when it may now. While paused,
 * the key is requeued for the end of the pause (an earlier pod event may have taken its timer).
 */
export function burstPausedFor(ctx: ControllerContext, controller: string, key: string): number {
  const id = `${controller}/${key}`;
  const until = pauses(ctx.runtime)[id];
  if (until === undefined) return 0;
  const left = until - ctx.clock.now();
  if (left > 0) {
    ctx.enqueueAfter(key, left);
    return left;
  }
  delete pauses(ctx.runtime)[id];
  return 0;
}

/** Starts the pause after a burst that left work undone (or failed), and requeues the key for its end. */
export function pauseBurst(ctx: ControllerContext, controller: string, key: string): void {
  pauses(ctx.runtime)[`${controller}/${key}`] = ctx.clock.now() + BURST_PAUSE_MS;
  ctx.enqueueAfter(key, BURST_PAUSE_MS);
}
