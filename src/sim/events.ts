/**
 * Records core/v1 Events the way client-go's recorder does: one Event per (object, reason,
 * message, source), aggregated by bumping `count` and `lastTimestamp`.
 */
import type { Store } from './apiserver/store.ts';
import type { KubeObject, Stored } from './apiserver/types.ts';
import type { SimClock } from './clock.ts';
import { toRFC3339 } from './clock.ts';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  /** Aggregation index: key → event name. */
  private index = new Map<string, string>();

  constructor(
    private readonly api: Store,
    private readonly clock: SimClock,
  ) {}

  normal(obj: Stored | KubeObject, reason: string, message: string, source: EventSource): void {
    this.record(obj, 'Normal', reason, message, source);
  }

  warning(obj: Stored | KubeObject, reason: string, message: string, source: EventSource): void {
    this.record(obj, 'Warning', reason, message, source);
  }

  record(
    obj: Stored | KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const namespace = obj.metadata.namespace ?? 'default';
    const name = obj.metadata.name ?? '';
    const key = [obj.kind, namespace, name, obj.metadata.uid, fieldPath ?? '', type, reason, message, source.component, source.host ?? ''].join('\0');
    const now = toRFC3339(this.clock.now());
    const existing = this.index.get(key);
    if (existing) {
      const ev = this.api.tryGet('Event', namespace, existing);
      if (ev) {
        this.api.mutate('Event', namespace, existing, (e) => {
          e.count = (e.count ?? 1) + 1;
          e.lastTimestamp = now;
        });
        return;
      }
    }
    // Upstream names events `<object>.<unix nanos in hex>`; a counter keeps them unique and
    // deterministic here. It lives in the store's counters, so it survives a snapshot.
    const nanos = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.nextEventNumber());
    const eventName = `${name}.${nanos.toString(16)}`;
    const involvedObject: Record<string, unknown> = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: obj.metadata.resourceVersion,
    };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    if (!obj.metadata.namespace) delete involvedObject.namespace;
    this.api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: eventName, namespace },
      involvedObject,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
    this.index.set(key, eventName);
  }

  private nextEventNumber(): number {
    const n = this.api.counters.events ?? 0;
    this.api.counters.events = n + 1;
    return n;
  }

  /** Rebuilds the aggregation index from stored events (after a restore). */
  reindex(): void {
    this.index.clear();
    for (const e of this.api.list('Event')) {
      const io = e.involvedObject ?? {};
      const key = [io.kind, e.metadata.namespace, io.name, io.uid, io.fieldPath ?? '', e.type, e.reason, e.message, e.source?.component, e.source?.host ?? ''].join('\0');
      this.index.set(key, e.metadata.name!);
    }
  }
}
