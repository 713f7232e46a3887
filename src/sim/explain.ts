/**
 * Why the cluster did (or did not do) something: one line per decision, recorded by controllers
 * beside the events. kubectl never prints these; the UI and graders can.
 */
import type { ObjectRef } from './apiserver/types.ts';

export interface Explanation {
  time: number;
  controller: string;
  object: ObjectRef;
  message: string;
}

export class ExplanationLog {
  private entries: Explanation[] = [];
  private last = new Map<string, string>();

  constructor(
    private readonly now: () => number,
    private readonly limit = 1000,
  ) {}

  /** Records a reason; repeating the same reason for the same object is a no-op. */
  add(controller: string, object: ObjectRef, message: string): void {
    const key = this.keyOf(controller, object);
    if (this.last.get(key) === message) return;
    this.last.set(key, message);
    this.entries.push({ time: this.now(), controller, object: { ...object }, message });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(filter?: Partial<ObjectRef>): readonly Explanation[] {
    if (!filter) return this.entries;
    return this.entries.filter(
      (e) =>
        (filter.kind === undefined || e.object.kind === filter.kind) &&
        (filter.namespace === undefined || e.object.namespace === filter.namespace) &&
        (filter.name === undefined || e.object.name === filter.name),
    );
  }

  snapshot(): Explanation[] {
    return this.entries.map((e) => ({ ...e, object: { ...e.object } }));
  }

  restore(entries: Explanation[]): void {
    this.entries = entries.map((e) => ({ ...e, object: { ...e.object } }));
    // The latest reason per object, so a controller repeating itself after a restore stays quiet.
    this.last.clear();
    for (const e of this.entries) this.last.set(this.keyOf(e.controller, e.object), e.message);
  }

  private keyOf(controller: string, object: ObjectRef): string {
    return `${controller}\0${object.kind}\0${object.namespace ?? ''}\0${object.name}`;
  }
}
