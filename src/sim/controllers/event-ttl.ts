/**
 * Events expire: the API server stores them with a one-hour TTL (--event-ttl=1h), counted from
 * their last update. `kubectl get events` and `describe` then no longer show them.
 */
import type { WatchEvent } from '../apiserver/types.ts';
import { metaKey, splitMetaKey } from '../apiserver/types.ts';
import type { Controller, ControllerContext } from './controller.ts';

export const EVENT_TTL = 'event-ttl';
export const EVENT_TTL_MS = 60 * 60_000;

export class EventTTLController implements Controller {
  readonly name = EVENT_TTL;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    if (ev.object.kind !== 'Event' || ev.type === 'DELETED') return;
    const key = metaKey(ev.object);
    const at = this.expiry(ev.object.lastTimestamp ?? ev.object.eventTime ?? ev.object.metadata.creationTimestamp);
    this.ctx.enqueueAfter(key, Math.max(0, at - this.ctx.clock.now()), { background: true });
  }

  private expiry(stamp: string | undefined): number {
    const t = stamp ? Date.parse(stamp) : NaN;
    return (Number.isNaN(t) ? this.ctx.clock.now() : t) + EVENT_TTL_MS;
  }

  sync(key: string): void {
    const { namespace, name } = splitMetaKey(key);
    const ev = this.ctx.api.tryGet('Event', namespace, name);
    if (!ev) return;
    const at = this.expiry(ev.lastTimestamp ?? ev.eventTime ?? ev.metadata.creationTimestamp);
    const now = this.ctx.clock.now();
    if (at > now) {
      this.ctx.enqueueAfter(key, at - now, { background: true });
      return;
    }
    this.ctx.api.delete('Event', namespace, name, { uid: ev.metadata.uid });
  }
}
