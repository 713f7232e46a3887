/**
 * How commands that take time (`sleep`, `kubectl wait`, `rollout status`, `get -w`) let time pass.
 * Headless (CLI, tests) time is virtual and jumps; in the browser it is real time, scaled by the
 * speed control, and the worker's ticker moves the cluster clock.
 */
import type { Cluster } from '../sim/cluster.ts';

export interface TimeDriver {
  /**
   * Resolves true once `condition` holds, false after `timeoutMs` of cluster time or on abort.
   * `condition` is checked after every change of the cluster.
   */
  waitUntil(cluster: Cluster, condition: () => boolean, timeoutMs: number, signal?: AbortSignal): Promise<boolean>;
  /** Lets `ms` of cluster time pass. */
  sleep(cluster: Cluster, ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * How far virtual time runs for a wait with no timeout (`kubectl rollout status` without
 * `--timeout`). A real kubectl would wait until Ctrl-C; a script has no one to press it, and a
 * cluster's lease renewals never stop, so an unbounded wait would never return.
 */
export const UNBOUNDED_WAIT_MS = 60 * 60_000;

/** Virtual time: every wait returns at once, with the clock moved to where the wait would end. */
export const virtualTime: TimeDriver = {
  async waitUntil(cluster, condition, timeoutMs, signal) {
    if (signal?.aborted) return false;
    return cluster.advanceUntil(condition, Number.isFinite(timeoutMs) ? timeoutMs : UNBOUNDED_WAIT_MS);
  },
  async sleep(cluster, ms) {
    cluster.advance(ms);
  },
};
