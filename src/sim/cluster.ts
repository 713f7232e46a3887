/**
 * createCluster: the simulated cluster. An API store, controllers reacting to its watch events, and
 * a virtual clock that only moves when someone calls `advance`.
 */
import { isApiError } from './apiserver/errors.ts';
import { Store, type StoreState } from './apiserver/store.ts';
import type { Stored, WatchEvent } from './apiserver/types.ts';
import { EPOCH_MS, SimClock, type ClockState } from './clock.ts';
import type { Controller, ControllerContext } from './controllers/controller.ts';
import { defaultControllers } from './controllers/index.ts';
import { EventRecorder } from './events.ts';
import { ExplanationLog, type Explanation } from './explain.ts';
import { Random, type RandomState } from './random.ts';
import { Runtime, type RuntimeState } from './runtime.ts';
import { DEFAULT_TIMINGS, type Timings } from './timings.ts';
import { bootstrap, DEFAULT_NODES, type NodeSpec } from './bootstrap.ts';
import { Faults } from './faults.ts';
import './apiserver/kinds.ts';

export interface ClusterOptions {
  seed?: number;
  /** Nodes to create; defaults to `controlplane` + `node01..03`. */
  nodes?: NodeSpec[];
  /** Virtual start time (ms since epoch). */
  start?: number;
  timings?: Partial<Timings>;
  /** The kubeconfig context name of this cluster. */
  name?: string;
}

export interface ClusterSnapshot {
  version: 1;
  seed: number;
  name: string;
  clock: ClockState;
  random: RandomState;
  store: StoreState;
  runtime: RuntimeState;
  explanations: Explanation[];
}

/** A controller threw: kept so tests can assert there were none, and the UI can show them. */
export interface ControllerFailure {
  time: number;
  controller: string;
  key: string;
  message: string;
}

/** Settling stops after this many rounds: a controller that never quiets is a bug, not a hang. */
const MAX_SETTLE_ROUNDS = 10_000;

export class Cluster {
  readonly seed: number;
  readonly name: string;
  readonly clock: SimClock;
  readonly random: Random;
  readonly api: Store;
  readonly events: EventRecorder;
  readonly explanations: ExplanationLog;
  readonly runtime = new Runtime();
  readonly timings: Timings;
  readonly faults: Faults;
  readonly failures: ControllerFailure[] = [];

  private readonly controllers: Controller[];
  private readonly byName = new Map<string, Controller>();
  private readonly queues = new Map<string, Set<string>>();
  private settling = false;

  constructor(opts: ClusterOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.name = opts.name ?? 'kubernetes-admin@kubernetes';
    this.clock = new SimClock(opts.start ?? EPOCH_MS);
    this.random = new Random(this.seed);
    this.timings = { ...DEFAULT_TIMINGS, ...opts.timings };
    this.api = new Store(() => this.clock.now(), this.random);
    this.events = new EventRecorder(this.api, this.clock);
    this.explanations = new ExplanationLog(() => this.clock.now());
    this.faults = new Faults(this);
    this.controllers = defaultControllers();
    for (const c of this.controllers) {
      this.byName.set(c.name, c);
      this.queues.set(c.name, new Set());
    }
    for (const c of this.controllers) c.start(this.contextFor(c));
    this.api.watch((ev) => this.dispatch(ev));
  }

  /** Queues a key for a controller by name. */
  enqueue(controller: string, key: string): void {
    const q = this.queues.get(controller);
    if (!q) throw new Error(`no controller named ${controller}`);
    q.add(key);
  }

  /**
   * Hands `obj` to every controller again as a MODIFIED event with `old` the object itself: for a
   * change outside the API (a kubelet stopping or starting) that the watch does not show.
   * Controllers tell it apart by `ev.old === ev.object`.
   */
  redeliver(obj: Stored): void {
    this.dispatch({ type: 'MODIFIED', object: obj, old: obj });
  }

  /** Runs every queued reconcile until no controller has work left at the current instant. */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
        for (const t of this.clock.takeDue()) this.queues.get(t.controller)?.add(t.key);
        let worked = false;
        for (const c of this.controllers) {
          const q = this.queues.get(c.name)!;
          if (q.size === 0) continue;
          const keys = [...q];
          q.clear();
          worked = true;
          for (const key of keys) this.runSync(c, key);
        }
        if (!worked) return;
      }
      this.failures.push({
        time: this.clock.now(),
        controller: '*',
        key: '*',
        message: `controllers did not settle after ${MAX_SETTLE_ROUNDS} rounds`,
      });
      for (const q of this.queues.values()) q.clear();
    } finally {
      this.settling = false;
    }
  }

  /** Moves virtual time forward by `ms`, firing every timer due on the way. */
  advance(ms: number): void {
    this.advanceTo(this.clock.now() + Math.max(0, ms));
  }

  advanceTo(target: number): void {
    this.settle();
    for (;;) {
      const next = this.clock.nextDue();
      if (next === undefined || next > target) break;
      this.clock.set(next);
      this.settle();
    }
    this.clock.set(target);
    this.settle();
  }

  /**
   * Advances until `condition` holds or `timeoutMs` passes, checking after every timer. Returns
   * whether the condition held. Time stops at the moment it first held.
   */
  advanceUntil(condition: () => boolean, timeoutMs: number): boolean {
    this.settle();
    const deadline = this.clock.now() + timeoutMs;
    if (condition()) return true;
    for (;;) {
      const next = this.clock.nextDue();
      if (next === undefined || next > deadline) break;
      this.clock.set(next);
      this.settle();
      if (condition()) return true;
    }
    this.clock.set(deadline);
    this.settle();
    return condition();
  }

  /**
   * Advances until nothing but background timers (lease renewals, cron schedules) is pending, or
   * `limitMs` passes. Returns true if the cluster went quiet.
   */
  advanceUntilQuiet(limitMs: number): boolean {
    return this.advanceUntil(() => !this.clock.busy(), limitMs);
  }

  snapshot(): ClusterSnapshot {
    this.settle();
    return {
      version: 1,
      seed: this.seed,
      name: this.name,
      clock: this.clock.snapshot(),
      random: this.random.state(),
      store: this.api.snapshot(),
      runtime: this.runtime.snapshot(),
      explanations: this.explanations.snapshot(),
    };
  }

  /**
   * Restores a snapshot taken from a cluster with the same seed and options. Controllers see
   * every object again as ADDED, so they rebuild their caches; pending timers come back as they were.
   */
  restore(snap: ClusterSnapshot): void {
    this.clock.restore(snap.clock);
    this.random.setState(snap.random);
    this.api.restore(snap.store);
    this.runtime.restore(snap.runtime);
    this.explanations.restore(snap.explanations);
    this.events.reindex();
    for (const q of this.queues.values()) q.clear();
    for (const object of this.api.all()) this.dispatch({ type: 'ADDED', object });
    this.settle();
  }

  private dispatch(ev: WatchEvent): void {
    for (const c of this.controllers) c.onEvent?.(ev);
  }

  private runSync(c: Controller, key: string): void {
    try {
      c.sync(key);
    } catch (e) {
      if (isApiError(e) && (e.reason === 'Conflict' || e.reason === 'NotFound' || e.reason === 'AlreadyExists')) {
        // Stale read: try again on the next round, as a rate-limited requeue would.
        this.clock.schedule(this.clock.now() + 1000, c.name, key);
        return;
      }
      const message = e instanceof Error ? e.message : String(e);
      this.failures.push({ time: this.clock.now(), controller: c.name, key, message });
      this.explanations.add(c.name, { kind: 'Controller', name: c.name }, `sync ${key} failed: ${message}`);
    }
  }

  private contextFor(c: Controller): ControllerContext {
    return {
      api: this.api,
      clock: this.clock,
      random: this.random,
      seed: this.seed,
      events: this.events,
      explain: this.explanations,
      runtime: this.runtime,
      timings: this.timings,
      enqueue: (key) => this.queues.get(c.name)!.add(key),
      enqueueAfter: (key, ms, opts) =>
        this.clock.schedule(this.clock.now() + Math.max(0, ms), c.name, key, opts?.background ?? false),
      enqueueFor: (controller, key) => this.enqueue(controller, key),
    };
  }
}

/** Creates a ready-to-use cluster: namespaces, nodes, default StorageClass, system pods. */
export function createCluster(opts: ClusterOptions = {}): Cluster {
  const cluster = new Cluster(opts);
  bootstrap(cluster, opts.nodes ?? DEFAULT_NODES);
  cluster.settle();
  return cluster;
}
