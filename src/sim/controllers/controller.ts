/**
 * The shape every controller (and the scheduler and kubelet) takes: watch events enqueue keys,
 * `sync(key)` reconciles one key from the current state. This is upstream's loop without the
 * concurrency machinery: one thread, one queue per controller, deterministic order.
 */
import type { SimClock } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import type { ExplanationLog } from '../explain.ts';
import type { Random } from '../random.ts';
import type { Store } from '../apiserver/store.ts';
import type { WatchEvent } from '../apiserver/types.ts';
import type { Runtime } from '../runtime.ts';
import type { Timings } from '../timings.ts';

export interface ControllerContext {
  readonly api: Store;
  readonly clock: SimClock;
  readonly random: Random;
  /** The cluster seed, for `hashUnit` jitter that survives snapshots. */
  readonly seed: number;
  readonly events: EventRecorder;
  readonly explain: ExplanationLog;
  /** State outside the API: container processes, logs, volume contents. */
  readonly runtime: Runtime;
  readonly timings: Timings;
  /** Queues `key` for this controller's `sync` in the current settle round. */
  enqueue(key: string): void;
  /** Queues `key` after `ms` of virtual time (upstream's AddAfter). */
  enqueueAfter(key: string, ms: number, opts?: { background?: boolean }): void;
  /** Queues a key on another controller (e.g. the scheduler nudging the kubelet). */
  enqueueFor(controller: string, key: string): void;
}

export interface Controller {
  readonly name: string;
  /** Wires watch handlers; called once when the cluster starts. */
  start(ctx: ControllerContext): void;
  /** Called for every watch event (and for every object again after a restore). */
  onEvent?(event: WatchEvent): void;
  /** Reconciles one key. Must be idempotent and read everything it needs from the store. */
  sync(key: string): void;
}
