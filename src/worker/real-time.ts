/**
 * Real time for the browser: a ticker moves each cluster's virtual clock with the wall clock,
 * scaled by a speed (0 = paused, 1×, 10×), so pods come up while the learner reads. Commands that
 * wait (`sleep`, `kubectl wait`, `rollout status`, `get -w`) register a waiter that resolves on the
 * tick where its condition first holds, at its deadline, or on Ctrl-C.
 */
import type { Cluster } from '../sim/cluster.ts';
import type { TimeDriver } from '../shell/time.ts';

interface Waiter {
  cluster: Cluster;
  condition: () => boolean;
  /** Cluster time at which the wait gives up. */
  deadline: number;
  resolve: (held: boolean) => void;
}

export interface RealTimeOptions {
  /** Wall-clock ms between ticks. */
  tickMs?: number;
  /** Wall clock in ms (performance.now by default). */
  now?: () => number;
  /** Called after every tick that moved a clock. */
  onTick?: () => void;
}

/** How far "skip until quiet" may jump at most: an hour of cluster time. */
export const SKIP_LIMIT_MS = 60 * 60 * 1000;

export class RealTimeDriver implements TimeDriver {
  private speedFactor = 1;
  private readonly waiters = new Set<Waiter>();
  private readonly clusters = new Set<Cluster>();
  private handle: ReturnType<typeof setInterval> | undefined;
  private last: number;
  private readonly tickMs: number;
  private readonly now: () => number;
  private readonly onTick: (() => void) | undefined;

  constructor(opts: RealTimeOptions = {}) {
    this.tickMs = opts.tickMs ?? 100;
    this.now = opts.now ?? (() => performance.now());
    this.onTick = opts.onTick;
    this.last = this.now();
  }

  /** The speed factor: 0 when paused. */
  get speed(): number {
    return this.speedFactor;
  }

  setSpeed(speed: number): void {
    this.tick();
    this.speedFactor = Math.max(0, speed);
  }

  /** Keeps `cluster` moving with real time. */
  attach(cluster: Cluster): void {
    this.clusters.add(cluster);
  }

  detachAll(): void {
    this.clusters.clear();
    for (const w of this.waiters) w.resolve(false);
    this.waiters.clear();
  }

  start(): void {
    if (this.handle !== undefined) return;
    this.last = this.now();
    this.handle = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    if (this.handle !== undefined) clearInterval(this.handle);
    this.handle = undefined;
  }

  /** Moves every attached cluster by the wall time since the last tick × speed. */
  tick(): void {
    const wall = this.now();
    const elapsed = Math.max(0, wall - this.last);
    this.last = wall;
    const step = Math.round(elapsed * this.speedFactor);
    const clusters = new Set(this.clusters);
    for (const w of this.waiters) clusters.add(w.cluster);
    for (const c of clusters) this.advance(c, c.clock.now() + step);
    if (step > 0) this.onTick?.();
  }

  /**
   * Jumps `cluster` ahead until only background timers are left (or the skip limit), stopping
   * early if a running command's wait is satisfied. Returns whether the cluster went quiet.
   */
  skipUntilQuiet(cluster: Cluster): boolean {
    this.tick();
    const mine = [...this.waiters].filter((w) => w.cluster === cluster);
    cluster.advanceUntil(() => !cluster.clock.busy() || mine.some((w) => w.condition()), SKIP_LIMIT_MS);
    this.settleWaiters(cluster);
    this.onTick?.();
    return !cluster.clock.busy();
  }

  waitUntil(cluster: Cluster, condition: () => boolean, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    cluster.settle();
    if (condition()) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        cluster,
        condition,
        deadline: cluster.clock.now() + Math.max(0, timeoutMs),
        resolve: (held) => {
          this.waiters.delete(waiter);
          signal?.removeEventListener('abort', onAbort);
          resolve(held);
        },
      };
      const onAbort = () => waiter.resolve(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
    });
  }

  async sleep(cluster: Cluster, ms: number, signal?: AbortSignal): Promise<void> {
    await this.waitUntil(cluster, () => false, ms, signal);
  }

  /**
   * Advances `cluster` to `target`, stopping at the first moment a waiter's condition holds or a
   * waiter's deadline comes, so waits end at the right cluster time.
   */
  private advance(cluster: Cluster, target: number): void {
    for (let guard = 0; guard < 1000; guard++) {
      const mine = [...this.waiters].filter((w) => w.cluster === cluster);
      if (mine.length === 0) {
        cluster.advanceTo(target);
        return;
      }
      const deadline = Math.min(target, ...mine.map((w) => w.deadline));
      const now = cluster.clock.now();
      cluster.advanceUntil(() => mine.some((w) => w.condition()), Math.max(0, deadline - now));
      const settled = this.settleWaiters(cluster);
      if (cluster.clock.now() >= target) return;
      if (!settled) {
        cluster.advanceTo(target);
        return;
      }
    }
  }

  /** Resolves the waiters on `cluster` whose condition holds or whose deadline has passed. */
  private settleWaiters(cluster: Cluster): boolean {
    let any = false;
    const now = cluster.clock.now();
    for (const w of [...this.waiters]) {
      if (w.cluster !== cluster) continue;
      if (w.condition()) {
        w.resolve(true);
        any = true;
      } else if (now >= w.deadline) {
        w.resolve(false);
        any = true;
      }
    }
    return any;
  }
}
