/**
 * Virtual time. The cluster never reads the wall clock: everything that "takes time" is a timer on
 * this queue, and `Cluster.advance` moves time forward by firing due timers in order.
 *
 * A timer is plain data (when, which controller, which key) rather than a closure, in the spirit of
 * upstream's `workqueue.AddAfter`: when it fires, the owning controller re-syncs that key and decides
 * from the current state what to do. That keeps every controller level-triggered and makes the whole
 * queue serialisable for snapshots.
 */

/** 2026-01-05T09:00:00Z: the moment every simulated cluster is born. */
export const EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface Timer {
  /** Virtual time in ms since the Unix epoch. */
  at: number;
  /** Tie-breaker: timers due at the same instant fire in the order they were set. */
  seq: number;
  /** The controller whose `sync(key)` runs when the timer fires. */
  controller: string;
  key: string;
  /**
   * Background timers (lease renewals, cron schedules) never make the cluster "busy": waiting for
   * quiet ignores them.
   */
  background: boolean;
}

export interface ClockState {
  now: number;
  seq: number;
  timers: Timer[];
}

export class SimClock {
  private current: number;
  private seq = 0;
  /** Pending timers, keyed by `controller\0key`: one pending timer per key, the earliest wins. */
  private pending = new Map<string, Timer>();
  private heap: Timer[] = [];
  /** How many pending timers are not background (so `busy` needs no scan). */
  private foreground = 0;

  constructor(start: number = EPOCH_MS) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** ISO-8601 with second precision, as the API server stamps metav1.Time. */
  nowISO(): string {
    return toRFC3339(this.current);
  }

  /** Moves time forward; time never goes back. */
  set(t: number): void {
    if (t > this.current) this.current = t;
  }

  /**
   * Arms a timer for `controller`/`key` at absolute time `at`. If one is already pending for the
   * same key, the earlier of the two is kept (like AddAfter, which dedupes to the soonest).
   */
  schedule(at: number, controller: string, key: string, background = false): void {
    const id = controller + '\0' + key;
    const existing = this.pending.get(id);
    if (existing && existing.at <= at) {
      if (!background && existing.background) {
        existing.background = false;
        this.foreground++;
      }
      return;
    }
    if (existing && !existing.background) this.foreground--;
    const timer: Timer = { at: Math.max(at, this.current), seq: this.seq++, controller, key, background };
    this.pending.set(id, timer);
    if (!background) this.foreground++;
    heapPush(this.heap, timer);
  }

  /** The time of the next live timer, or undefined. */
  nextDue(includeBackground = true): number | undefined {
    this.prune();
    if (includeBackground) return this.heap[0]?.at;
    let best: number | undefined;
    for (const t of this.pending.values()) {
      if (!t.background && (best === undefined || t.at < best)) best = t.at;
    }
    return best;
  }

  /** True when a non-background timer is pending. */
  busy(): boolean {
    return this.foreground > 0;
  }

  /** Removes and returns every live timer due at or before the current time, in firing order. */
  takeDue(): Timer[] {
    const due: Timer[] = [];
    for (;;) {
      this.prune();
      const top = this.heap[0];
      if (!top || top.at > this.current) break;
      heapPop(this.heap);
      this.pending.delete(top.controller + '\0' + top.key);
      if (!top.background) this.foreground--;
      due.push(top);
    }
    return due;
  }

  pendingCount(): number {
    return this.pending.size;
  }

  snapshot(): ClockState {
    return {
      now: this.current,
      seq: this.seq,
      timers: [...this.pending.values()].map((t) => ({ ...t })),
    };
  }

  restore(state: ClockState): void {
    this.current = state.now;
    this.seq = state.seq;
    this.pending.clear();
    this.heap = [];
    this.foreground = 0;
    for (const t of state.timers) {
      const timer = { ...t };
      this.pending.set(timer.controller + '\0' + timer.key, timer);
      heapPush(this.heap, timer);
      if (!timer.background) this.foreground++;
    }
  }

  /** Drops superseded entries from the top of the heap. */
  private prune(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      if (this.pending.get(top.controller + '\0' + top.key) === top) return;
      heapPop(this.heap);
    }
  }
}

/** The last second formatted: every write in a settle round stamps the same second. */
let lastStampSecond = NaN;
let lastStamp = '';

export function toRFC3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastStampSecond) {
    lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastStampSecond = second;
  }
  return lastStamp;
}

export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function heapPush(heap: Timer[], t: Timer): void {
  heap.push(t);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function heapPop(heap: Timer[]): Timer | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
  return top;
}
