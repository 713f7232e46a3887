/**
 * The kubelets of every node, as one controller: for each pod bound to a node whose kubelet is
 * up, it finds the matching lifecycle stage (stages.ts) that is due first, waits for it with
 * `enqueueAfter`, then applies it: a status write plus the events the kubelet records. Everything
 * it remembers lives in the pod status and `runtime.state.kubelet`, so a restored snapshot picks
 * up exactly where it was.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext } from '../controllers/controller.ts';
import type { K8s, Stored, WatchEvent } from '../apiserver/types.ts';
import { clone, isSameJson, metaKey, refOf, splitMetaKey } from '../apiserver/types.ts';
import { toRFC3339 } from '../clock.ts';
import { podVolumesWait } from './volumes.ts';
import { dropPodProcesses } from '../images/process.ts';
import { isKubeletRunning } from '../faults.ts';
import type { Runtime } from '../runtime.ts';
import { refreshPodStatus } from './pod-status.ts';
import { kubeletState, type PodRecord } from './state.ts';
import { hasSandbox, type MPod, type Stage, type StageContext, type StageResult } from './stages.ts';
import { STAGES } from './profile.ts';


/** Suffix of the second timer a pod may hold: the next foreground transition behind a probe. */
const WAKE = '#wake';

/** A node whose kubelet is stopped or lost (a fault) makes no pod transitions. */
export function isKubeletDown(runtime: Runtime, node: Stored<K8s<Node>>): boolean {
  return !isKubeletRunning(runtime, node);
}

export interface DueStage {
  stage: Stage;
  at: number;
}

/** The matching stage that is due first (ties go to the earlier stage in the list). */
export function dueStage(pod: Stored<K8s<Pod>>, ctx: StageContext, stages: readonly Stage[] = STAGES): DueStage | undefined {
  let best: DueStage | undefined;
  for (const stage of stages) {
    if (!stage.matches(pod, ctx)) continue;
    const since = stage.since ? stage.since(pod, ctx) : ctx.record.since;
    const at = since + stage.delay(pod, ctx);
    if (!best || at < best.at) best = { stage, at };
  }
  return best;
}

/**
 * Fires a stage on a copy of the pod's status and derives phase and conditions. The sandbox's IP
 * reaches the status with the next change the kubelet reports (as a pod worker busy pulling
 * reports nothing until the pull ends). Returns whether the status needs writing.
 */
export function applyStage(pod: Stored<K8s<Pod>>, stage: Stage, ctx: StageContext): { copy: MPod; result: StageResult; changed: boolean } {
  // Stages change only the status: copy that, share the rest of the (frozen) pod.
  const copy = { ...pod, status: pod.status ? clone(pod.status) : {} } as MPod;
  const before = pod.status ?? {};
  const result = stage.next(copy, ctx);
  if (result.deleted) return { copy, result, changed: false };
  if (ctx.record.ip && !copy.status.podIP && !isSameJson(copy.status, before)) {
    copy.status.podIP = ctx.record.ip;
    copy.status.podIPs = [{ ip: ctx.record.ip }];
  }
  refreshPodStatus(copy, toRFC3339(ctx.now), pod.metadata.generation);
  return { copy, result, changed: !isSameJson(copy.status, before) };
}

export function newRecord(pod: Stored<K8s<Pod>>, now: number): PodRecord {
  return { uid: pod.metadata.uid!, node: pod.spec!.nodeName!, since: now, pulled: [], backoff: {}, pullBackoff: {}, probes: {} };
}

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  private ctx!: ControllerContext;
  /** Pod keys per node, and the uid behind each key (to clean up after a delete). */
  private byNode = new Map<string, Set<string>>();
  private uids = new Map<string, string>();
  /** Pod IPs in use per node (for the IP allocator). */
  private ipsByNode = new Map<string, Map<string, string>>();
  /** Pods waiting for a ConfigMap, Secret or claim before their volumes mount. */
  private mountWaiting = new Set<string>();

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Pod') {
      const key = metaKey(obj);
      const oldNode = ev.old?.spec?.nodeName;
      if (oldNode) {
        this.byNode.get(oldNode)?.delete(key);
        this.ipsByNode.get(oldNode)?.delete(key);
      }
      if (ev.type === 'DELETED') {
        this.ctx.enqueue(key);
        return;
      }
      const node = obj.spec?.nodeName;
      if (!node) return;
      const ip: string | undefined = obj.status?.podIP;
      if (ip && !obj.spec?.hostNetwork) {
        let ips = this.ipsByNode.get(node);
        if (!ips) this.ipsByNode.set(node, (ips = new Map()));
        ips.set(key, ip);
      }
      let set = this.byNode.get(node);
      if (!set) this.byNode.set(node, (set = new Set()));
      set.add(key);
      this.uids.set(key, obj.metadata.uid!);
      this.ctx.enqueue(key);
      return;
    }
    if (obj.kind === 'Node') {
      // Any change, including a re-delivery when the kubelet starts again (faults.ts): resume.
      for (const key of this.byNode.get(obj.metadata.name!) ?? []) this.ctx.enqueue(key);
      return;
    }
    if (obj.kind === 'ConfigMap' || obj.kind === 'Secret' || obj.kind === 'PersistentVolumeClaim' || obj.kind === 'PersistentVolume') {
      for (const key of this.mountWaiting) this.ctx.enqueue(key);
    }
  }

  sync(queued: string): void {
    const key = queued.endsWith(WAKE) ? queued.slice(0, -WAKE.length) : queued;
    const { namespace, name } = splitMetaKey(key);
    const { api, runtime, clock } = this.ctx;
    const state = kubeletState(runtime);
    const pod = api.tryGet<K8s<Pod>>('Pod', namespace, name);
    const knownUid = this.uids.get(key);
    if (knownUid && (!pod || pod.metadata.uid !== knownUid)) this.forget(key, knownUid);
    if (!pod?.spec?.nodeName) return;
    const node = api.tryGet<K8s<Node>>('Node', undefined, pod.spec.nodeName);
    if (!node || isKubeletDown(runtime, node)) return;
    const uid = pod.metadata.uid!;
    const now = clock.now();
    const record = (state.pods[uid] ??= newRecord(pod, now));
    // Volumes are set up once, before the sandbox; after that the kubelet does not look again.
    const volumeWait = pod.metadata.deletionTimestamp || hasSandbox(pod, record) ? undefined : podVolumesWait(api, pod, runtime);
    if (volumeWait) this.mountWaiting.add(key);
    else this.mountWaiting.delete(key);
    const sctx: StageContext = {
      now,
      seed: this.ctx.seed,
      timings: this.ctx.timings,
      api,
      runtime,
      node,
      record,
      volumeWait,
      allocateIP: () => this.allocateIP(node),
    };
    const due = dueStage(pod, sctx);
    if (!due) return;
    if (due.at > now) {
      const background = due.stage.background?.(pod, sctx) ?? false;
      this.ctx.enqueueAfter(key, due.at - now, { background });
      if (background) {
        // A steady probe must not hide a real transition due later (an exit, a restart).
        const fg = dueStage(pod, sctx, STAGES.filter((s) => !s.background));
        if (fg && fg.at > now) this.ctx.enqueueAfter(`${key}${WAKE}`, fg.at - now);
      }
      return;
    }
    const { copy, result, changed } = applyStage(pod, due.stage, sctx);
    record.since = now;
    if (result.explain) this.ctx.explain.add(this.name, refOf(pod), result.explain);
    if (result.deleted) {
      this.forget(key, uid);
      return;
    }
    const written = changed ? api.updateStatus(copy) : pod;
    for (const e of result.events) {
      this.ctx.events.record(written, e.type, e.reason, e.message, { component: 'kubelet', host: node.metadata.name }, e.fieldPath);
    }
    this.ctx.enqueue(key);
  }

  /** Hands out the next free IP in the node's podCIDR, as host-local IPAM does (from .2, no quick reuse). */
  private allocateIP(node: Stored<K8s<Node>>): string {
    const state = kubeletState(this.ctx.runtime);
    const cidr = node.spec?.podCIDR ?? '10.244.0.0/24';
    const prefix = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
    const used = new Set(this.ipsByNode.get(node.metadata.name!)?.values() ?? []);
    let last = state.ipam[node.metadata.name!] ?? 1;
    for (let i = 0; i < 253; i++) {
      last = last >= 254 ? 2 : last + 1;
      const ip = `${prefix}.${last}`;
      if (!used.has(ip)) break;
    }
    state.ipam[node.metadata.name!] = last;
    return `${prefix}.${last}`;
  }

  private forget(key: string, uid: string): void {
    const state = kubeletState(this.ctx.runtime);
    delete state.pods[uid];
    this.uids.delete(key);
    this.mountWaiting.delete(key);
    const rt = this.ctx.runtime.state;
    dropPodProcesses(this.ctx.runtime, uid);
    for (const k of Object.keys(rt.volumes)) if (k.startsWith(`emptydir/${uid}/`)) delete rt.volumes[k];
  }
}
