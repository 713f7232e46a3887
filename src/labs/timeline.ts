/**
 * What happened to pods while a lab ran: one entry per change of a pod's phase, readiness, node or
 * existence. Graders use it for checks that the final state cannot answer ("was quiz-0 ever
 * recreated?", "did two quiz-1 pods ever run at once?"). Plain data, saved with the session.
 */
import type { Store } from '../sim/apiserver/store.ts';
import type { Stored, WatchEvent } from '../sim/apiserver/types.ts';

export interface PodObservation {
  time: number;
  namespace: string;
  name: string;
  uid: string;
  node?: string;
  phase?: string;
  ready: boolean;
  terminating: boolean;
  deleted: boolean;
  /** Images of the pod's containers, in order. */
  images: string[];
}

export class Timeline {
  entries: PodObservation[] = [];
  private last = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  /** Starts recording; returns the function that stops it. */
  attach(api: Store): () => void {
    for (const pod of api.list('Pod')) this.observe(pod, false);
    return api.watch((ev: WatchEvent) => {
      if (ev.object.kind === 'Pod') this.observe(ev.object, ev.type === 'DELETED');
    });
  }

  /** Every uid a pod name has had, in order of first appearance. */
  uidsOf(namespace: string, name: string): string[] {
    const out: string[] = [];
    for (const e of this.entries) if (e.namespace === namespace && e.name === name && !out.includes(e.uid)) out.push(e.uid);
    return out;
  }

  /** Observations of one pod name, in time order. */
  historyOf(namespace: string, name: string): PodObservation[] {
    return this.entries.filter((e) => e.namespace === namespace && e.name === name);
  }

  /**
   * Replays the observations instant by instant: after all changes of one instant, `visit` gets the
   * latest observation of every pod seen so far that `filter` accepts (deleted pods included, marked).
   */
  forEachMoment(filter: (e: PodObservation) => boolean, visit: (latest: PodObservation[], time: number) => void): void {
    const latest = new Map<string, PodObservation>();
    const entries = this.entries.filter(filter);
    entries.forEach((e, i) => {
      latest.set(e.uid, e);
      if (entries[i + 1]?.time !== e.time) visit([...latest.values()], e.time);
    });
  }

  toJSON(): PodObservation[] {
    return this.entries;
  }

  load(entries: PodObservation[]): void {
    this.entries = entries.map((e) => ({ ...e, images: [...e.images] }));
    this.last.clear();
  }

  private observe(pod: Stored, deleted: boolean): void {
    const ready = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
    const obs: PodObservation = {
      time: this.now(),
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name ?? '',
      uid: pod.metadata.uid ?? '',
      node: pod.spec?.nodeName,
      phase: pod.status?.phase,
      ready,
      terminating: Boolean(pod.metadata.deletionTimestamp),
      deleted,
      images: (pod.spec?.containers ?? []).map((c: { image?: string }) => c.image ?? ''),
    };
    const signature = JSON.stringify([obs.node, obs.phase, obs.ready, obs.terminating, obs.deleted, obs.images]);
    if (this.last.get(obs.uid) === signature) return;
    this.last.set(obs.uid, signature);
    this.entries.push(obs);
  }
}
