/**
 * The pod lifecycle as data, in the manner of KWOK's stages (kustomize/stage/pod/*): each stage
 * says which pods it applies to, how long after the pod entered its current state it fires, and
 * what the pod looks like after it (status changes and the events the kubelet records). The
 * kubelet controller fires, for each pod, the matching stage that is due first.
 *
 * Upstream references: pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod: sandbox, init
 * containers in order, then app containers one by one: pull, create, start),
 * pkg/kubelet/images/image_manager.go (pull events and back-off), pkg/kubelet/kuberuntime/
 * kuberuntime_container.go (kill, restart back-off), pkg/kubelet/events/event.go (reasons).
 */
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import type { K8s, Mutable, Stored } from '../apiserver/types.ts';
import type { Runtime } from '../runtime.ts';
import type { Timings } from '../timings.ts';
import { hashUnit } from '../random.ts';
import { parseTime, toRFC3339 } from '../clock.ts';
import { fullName, hex64, imageID } from '../images/reference.ts';
import { resolveImage } from '../images/registry.ts';
import { findProcess, plannedExit, startProcess, stopProcess } from '../images/process.ts';
import { behaviourNamed } from '../images/registry.ts';
import { podVolumesWait, type VolumeWait } from './volumes.ts';
import { runHook } from './hooks.ts';
import { planKill, podKillOutcomes, type KillOutcome } from './kill.ts';
import { waitingStatus, type MContainerStatus, type MPodStatus } from './pod-status.ts';
import type { BackoffEntry, KillRecord, PodRecord } from './state.ts';

export type MPod = Mutable<K8s<Pod>> & { status: MPodStatus };

export interface StageContext {
  now: number;
  seed: number;
  timings: Timings;
  api: Store;
  runtime: Runtime;
  node: Stored<K8s<Node>>;
  record: PodRecord;
  /** What the pod's volumes wait for, if anything (computed once per sync). */
  volumeWait?: VolumeWait;
  /** The pod IP to hand out if the sandbox stage fires. */
  allocateIP(): string;
}

export interface StageEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

export interface StageResult {
  events: StageEvent[];
  /** The stage removed the pod from the API (the kubelet's final delete). */
  deleted?: boolean;
  /** A line for the explanation log. */
  explain?: string;
}

export interface Stage {
  name: string;
  matches(pod: Stored<K8s<Pod>>, ctx: StageContext): boolean;
  /** When the wait starts (defaults to when the pod entered its current stage). */
  since?(pod: Stored<K8s<Pod>>, ctx: StageContext): number;
  /** How long after `since` the stage fires. */
  delay(pod: Stored<K8s<Pod>>, ctx: StageContext): number;
  /** Applies the stage to a mutable copy of the pod. */
  next(pod: MPod, ctx: StageContext): StageResult;
  /** True when waiting for this stage should not keep the cluster busy (steady-state probes). */
  background?(pod: Stored<K8s<Pod>>, ctx: StageContext): boolean;
}

// ---------------------------------------------------------------- helpers

export interface Slot {
  /** `init/<name>` or `app/<name>`. */
  id: string;
  init: boolean;
  container: Container;
}

export function slotsOf(pod: Pod): Slot[] {
  return [
    ...(pod.spec?.initContainers ?? []).map((c) => ({ id: `init/${c.name}`, init: true, container: c as Container })),
    ...(pod.spec?.containers ?? []).map((c) => ({ id: `app/${c.name}`, init: false, container: c as Container })),
  ];
}

export function slotStatus(pod: Pod, slot: Slot): MContainerStatus | undefined {
  const list = slot.init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses;
  return list?.find((s) => s.name === slot.container.name) as MContainerStatus | undefined;
}

export function putSlotStatus(pod: MPod, slot: Slot, cs: MContainerStatus): void {
  const key = slot.init ? 'initContainerStatuses' : 'containerStatuses';
  const list = [...(pod.status[key] ?? [])];
  const i = list.findIndex((s) => s.name === cs.name);
  if (i === -1) list.push(cs);
  else list[i] = cs;
  // The kubelet lists container statuses in spec order.
  const order = slotsOf(pod).filter((s) => s.init === slot.init).map((s) => s.container.name);
  list.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  pod.status[key] = list;
}

export function fieldPathOf(slot: Slot): string {
  return slot.init ? `spec.initContainers{${slot.container.name}}` : `spec.containers{${slot.container.name}}`;
}

function jitter(ctx: StageContext, pod: Pod, range: [number, number], ...parts: string[]): number {
  const [lo, hi] = range;
  return Math.round(lo + (hi - lo) * hashUnit(ctx.seed, pod.metadata?.uid ?? '', ...parts));
}

function isSidecar(slot: Slot): boolean {
  return slot.init && slot.container.restartPolicy === 'Always';
}

function hasEverRun(cs: MContainerStatus | undefined): boolean {
  return Boolean(cs && (cs.state?.running || cs.state?.terminated || cs.lastState?.terminated || cs.restartCount));
}

/** The container the kubelet starts next: init containers strictly in order, then app containers. */
export function nextSlot(pod: Pod): Slot | undefined {
  const slots = slotsOf(pod);
  for (const s of slots.filter((x) => x.init)) {
    const cs = slotStatus(pod, s);
    if (isSidecar(s)) {
      if (cs?.started) continue;
      return hasEverRun(cs) ? undefined : s;
    }
    if (cs?.state?.terminated?.exitCode === 0) continue;
    return hasEverRun(cs) ? undefined : s;
  }
  for (const s of slots.filter((x) => !x.init)) {
    if (!hasEverRun(slotStatus(pod, s))) return s;
  }
  return undefined;
}

function pullPolicy(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const image = c.image ?? '';
  const tagged = /:[^/]+$/.test(image.split('@')[0]!) && !image.endsWith(':latest');
  return tagged || image.includes('@') ? 'IfNotPresent' : 'Always';
}

function imageKey(image: string): string {
  const r = resolveImage(image);
  return r.ref ? fullName(r.ref) : image;
}

export function isImageCached(runtime: Runtime, node: string, image: string): boolean {
  return (runtime.state.imageCache[node] ?? []).includes(imageKey(image));
}

/** Whether starting the slot needs a pull first (and the pull has not happened for this start). */
function needsPull(pod: Pod, slot: Slot, ctx: StageContext): boolean {
  if (ctx.record.pulled.includes(slot.id)) return false;
  const policy = pullPolicy(slot.container);
  if (policy === 'Never') return false;
  if (policy === 'Always') return true;
  return !isImageCached(ctx.runtime, pod.spec!.nodeName!, slot.container.image ?? '');
}

function isDeleting(pod: Pod): boolean {
  return Boolean(pod.metadata?.deletionTimestamp);
}

/** Whether the pod's sandbox is up (its IP known, reported or not yet). */
export function hasSandbox(pod: Pod, record: PodRecord): boolean {
  return Boolean(pod.status?.podIP || record.ip);
}

function isNodeHolding(pod: Pod, ctx: StageContext): boolean {
  return Boolean(ctx.volumeWait) || !hasSandbox(pod, ctx.record);
}

/**
 * The pod worker is inside one container's start or kill (a postStart hook, or the kill after it
 * failed): SyncPod runs them in line, so nothing else starts or restarts meanwhile.
 */
function isWorkerBusy(ctx: StageContext): boolean {
  return Boolean(ctx.record.postStart) || Object.values(ctx.record.kills ?? {}).some((k) => k.reason !== 'delete');
}

export function backoffMs(count: number, initial: number, max: number): number {
  return Math.min(max, initial * 2 ** Math.max(0, count - 1));
}

function formatGoDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${Number(s.toFixed(3))}s`;
  const m = Math.floor(s / 60);
  const rest = Number((s - m * 60).toFixed(3));
  return `${m}m${rest}s`;
}

function shortDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  return s % 60 === 0 ? `${s / 60}m0s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

function runningSlots(pod: Pod): Slot[] {
  return slotsOf(pod).filter((s) => slotStatus(pod, s)?.state?.running);
}

function containerID(ctx: StageContext, pod: Pod, slot: Slot, restart: number): string {
  return `containerd://${hex64(`${ctx.seed}/${pod.metadata?.uid}/${slot.id}/${restart}`)}`;
}

/** Starts (or restarts) a slot's container: process, status, events. */
function startContainer(pod: MPod, slot: Slot, ctx: StageContext, restart: boolean): StageEvent[] {
  const events: StageEvent[] = [];
  const fp = fieldPathOf(slot);
  const image = slot.container.image ?? '';
  const resolved = resolveImage(image, ctx.runtime);
  const prev = slotStatus(pod, slot);
  if (!ctx.record.pulled.includes(slot.id)) {
    events.push({ type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, fieldPath: fp });
  }
  ctx.record.pulled = ctx.record.pulled.filter((s) => s !== slot.id);
  events.push({ type: 'Normal', reason: 'Created', message: `Created container: ${slot.container.name}`, fieldPath: fp });
  events.push({ type: 'Normal', reason: 'Started', message: `Started container ${slot.container.name}`, fieldPath: fp });
  const restartCount = (prev?.restartCount ?? 0) + (restart ? 1 : 0);
  const id = containerID(ctx, pod, slot, restartCount);
  const behaviour = resolved.ok ? resolved.behaviour : behaviourNamed('generic');
  startProcess({ api: ctx.api, runtime: ctx.runtime, pod: pod as Stored<K8s<Pod>>, container: slot.container, behaviour, id: id.slice('containerd://'.length), image, now: ctx.now });
  const hasReadiness = Boolean(slot.container.readinessProbe);
  const hasStartup = Boolean(slot.container.startupProbe);
  const lastTerminated = prev?.state?.terminated ?? prev?.lastState?.terminated;
  const cs: MContainerStatus = {
    containerID: id,
    image: resolved.ok || resolved.ref ? fullName((resolved as { ref: Parameters<typeof fullName>[0] }).ref) : image,
    imageID: resolved.ok ? imageID(resolved.ref) : '',
    lastState: restart && lastTerminated ? { terminated: { ...lastTerminated } } : {},
    name: slot.container.name,
    ready: slot.init && !isSidecar(slot) ? false : !hasReadiness && !hasStartup,
    restartCount,
    started: !hasStartup,
    state: { running: { startedAt: toRFC3339(ctx.now) } },
  };
  if (slot.container.volumeMounts?.length) {
    cs.volumeMounts = slot.container.volumeMounts.map((m) => ({
      mountPath: m.mountPath,
      name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
  }
  for (const k of Object.keys(ctx.record.probes)) if (k.startsWith(slot.id + '/')) delete ctx.record.probes[k];
  if (ctx.record.restartPending) {
    ctx.record.restartPending = ctx.record.restartPending.filter((id) => id !== slot.id);
    if (ctx.record.restartPending.length === 0) delete ctx.record.restartPending;
  }
  const postStart = slot.container.lifecycle?.postStart;
  if (postStart) {
    // The hook runs right after the start; the container is reported running only once it returns.
    const hook = runHook(pod as Stored<K8s<Pod>>, slot.container, cs, postStart, ctx);
    if (hook.fallback) events.push({ type: 'Warning', reason: 'LifecycleHTTPFallback', message: hook.fallback });
    ctx.record.postStart = { slot: slot.id, at: ctx.now, status: cs, ...(hook.durationMs === undefined ? {} : { doneAt: ctx.now + hook.durationMs }), ...(hook.error ? { error: hook.error } : {}) };
    return events;
  }
  putSlotStatus(pod, slot, cs);
  return events;
}

/** A running container's status once it ended at `at` with `code`. */
function terminatedStatus(slot: Slot, cs: MContainerStatus, code: number, at: number, reason?: string): MContainerStatus {
  return {
    ...cs,
    ready: slot.init && !isSidecar(slot) && code === 0,
    started: false,
    state: {
      terminated: {
        containerID: cs.containerID,
        exitCode: code,
        finishedAt: toRFC3339(at),
        reason: reason ?? (code === 0 ? 'Completed' : 'Error'),
        startedAt: cs.state!.running!.startedAt,
      },
    },
  };
}

function endProcess(pod: MPod, slot: Slot, ctx: StageContext, code: number, at: number): void {
  const proc = findProcess(ctx.runtime, pod.metadata.uid!, slot.container.name);
  if (proc && proc.finishedAt === undefined) stopProcess(ctx.api, ctx.runtime, pod as Stored<K8s<Pod>>, slot.container, proc, at, code);
}

/** Terminates a running slot's container with an exit code. */
export function terminateContainer(pod: MPod, slot: Slot, ctx: StageContext, code: number, at: number, reason?: string): void {
  const cs = slotStatus(pod, slot);
  if (!cs?.state?.running) return;
  endProcess(pod, slot, ctx, code, at);
  putSlotStatus(pod, slot, terminatedStatus(slot, cs, code, at, reason));
}

/** Whether the kubelet restarts a slot's container after it exited with `code`. */
export function shouldRestart(pod: Pod, slot: Slot, code: number): boolean {
  if (isSidecar(slot)) return true;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (slot.init) return policy !== 'Never' && code !== 0;
  return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
}

function lastExit(cs: MContainerStatus | undefined): { code: number; finishedAt: number; startedAt: number } | undefined {
  const t = cs?.state?.terminated ?? (cs?.state?.waiting ? cs.lastState?.terminated : undefined);
  if (!t) return undefined;
  return { code: t.exitCode, finishedAt: parseTime(t.finishedAt) ?? 0, startedAt: parseTime(t.startedAt) ?? 0 };
}

/** A slot that has exited and waits for the kubelet to restart it. */
function restartableSlot(pod: Pod, ctx: StageContext): Slot | undefined {
  for (const s of slotsOf(pod)) {
    const cs = slotStatus(pod, s);
    const exit = lastExit(cs);
    if (!exit) continue;
    if (ctx.record.restartPending?.includes(s.id)) return s;
    if (cs?.state?.terminated && s.init && !isSidecar(s) && exit.code === 0) continue;
    if (shouldRestart(pod, s, exit.code)) {
      // Init containers restart only when it is their turn (earlier ones completed).
      if (s.init && !isSidecar(s)) {
        const earlier = slotsOf(pod).filter((x) => x.init).slice(0, slotsOf(pod).findIndex((x) => x.id === s.id));
        if (earlier.some((x) => !isSidecar(x) && slotStatus(pod, x)?.state?.terminated?.exitCode !== 0)) continue;
      }
      return s;
    }
  }
  return undefined;
}

/** The crash back-off before the next restart of a slot, from its record (0 for the first). */
function restartWait(ctx: StageContext, slot: Slot, exit: { finishedAt: number; startedAt: number }): number {
  const entry = ctx.record.backoff[slot.id];
  if (!entry) return 0;
  // The back-off resets when the container ran longer than twice the maximum.
  if (exit.finishedAt - exit.startedAt > 2 * ctx.timings.crashBackoffMaxMs) return 0;
  return backoffMs(entry.count, ctx.timings.crashBackoffInitialMs, ctx.timings.crashBackoffMaxMs);
}

function podRef(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;
}

// ---------------------------------------------------------------- stages

/** Running containers the kubelet has not begun to stop, and one whose postStart hook is running. */
function unkilledSlots(pod: Pod, ctx: StageContext): Slot[] {
  const kills = ctx.record.kills ?? {};
  const hooked = ctx.record.postStart?.slot;
  return slotsOf(pod).filter((s) => !kills[s.id] && (s.id === hooked || slotStatus(pod, s)?.state?.running));
}

/**
 * Deletion: the kubelet stops every running container at once (killContainersWithSyncResult),
 * each with a Killing event, its preStop hook, then the stop signal (kill.ts).
 */
const kill: Stage = {
  name: 'kill',
  matches: (pod, ctx) => isDeleting(pod) && unkilledSlots(pod, ctx).length > 0,
  delay: () => 0,
  next(pod, ctx) {
    const first = ctx.record.killingAt === undefined;
    ctx.record.killingAt ??= ctx.now;
    const slots = unkilledSlots(pod, ctx);
    const kills = (ctx.record.kills ??= {});
    const hooked = ctx.record.postStart;
    const hookEvents: StageEvent[] = [];
    for (const s of slots) {
      // A container still in its postStart hook is stopped like the others.
      const started = hooked?.slot === s.id ? hooked.status : undefined;
      const cs = started ?? slotStatus(pod, s)!;
      kills[s.id] = { ...planKill(pod as Stored<K8s<Pod>>, s, cs, ctx, 'delete', undefined, hookEvents), ...(started ? { started } : {}) };
    }
    delete ctx.record.postStart;
    const killing: StageEvent[] = first
      ? slots.reverse().map((s) => ({ type: 'Normal' as const, reason: 'Killing', message: `Stopping container ${s.container.name}`, fieldPath: fieldPathOf(s) }))
      : [];
    return { events: [...killing, ...hookEvents], explain: 'pod is being deleted: stopping its containers' };
  },
};

interface KillStep {
  at: number;
  /** Every kill has returned: the containers' final statuses are due. */
  done: boolean;
}

function killSlots(pod: Pod, ctx: StageContext): { slot: Slot; kill: KillRecord; outcome: KillOutcome }[] {
  const kills = ctx.record.kills ?? {};
  const slots = slotsOf(pod);
  const outcomes = podKillOutcomes(pod, slots, kills, ctx);
  return slots.filter((s) => kills[s.id]).map((s) => ({ slot: s, kill: kills[s.id]!, outcome: outcomes.get(s.id)! }));
}

/** The next thing the kills in progress do: report a failed preStop hook, or all return. */
function nextKillStep(pod: Pod, ctx: StageContext): KillStep | undefined {
  const list = killSlots(pod, ctx);
  if (list.length === 0) return undefined;
  let returns = -Infinity;
  let report = Infinity;
  for (const { kill, outcome: o } of list) {
    returns = Math.max(returns, o.returnsAt);
    if (o.hookFailsAt !== undefined && !kill.preStop?.reported) report = Math.min(report, o.hookFailsAt);
  }
  return report <= returns ? { at: report, done: false } : { at: returns, done: true };
}

/**
 * The kills return: a failed preStop hook is reported when it returns (FailedPreStopHook), and
 * once every kill has returned the containers show how they ended (their own exit, the stop
 * signal, or SIGKILL's 137). After a failed postStart the container waits to be restarted; after
 * a probe's or a changed definition's kill the restart stage starts it again.
 */
const stop: Stage = {
  name: 'stop',
  matches: (pod, ctx) => nextKillStep(pod, ctx) !== undefined,
  since: (pod, ctx) => nextKillStep(pod, ctx)!.at,
  delay: () => 0,
  next(pod, ctx) {
    const events: StageEvent[] = [];
    for (const { slot, kill, outcome: o } of killSlots(pod, ctx)) {
      if (o.hookFailsAt !== undefined && o.hookFailsAt <= ctx.now && kill.preStop && !kill.preStop.reported) {
        kill.preStop.reported = true;
        // handlers.go keeps the hook's error out of the event so that no secret leaks into it.
        events.push({ type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed', fieldPath: fieldPathOf(slot) });
      }
    }
    const step = nextKillStep(pod, ctx);
    if (!step?.done || step.at > ctx.now) return { events };
    const restarts: { slot: Slot; kill: KillRecord; exit: { finishedAt: number; startedAt: number } }[] = [];
    for (const { slot, kill, outcome: o } of killSlots(pod, ctx)) {
      endProcess(pod, slot, ctx, o.code, o.finish);
      const cs = kill.started ?? slotStatus(pod, slot);
      if (!cs?.state?.running) continue;
      const ended = terminatedStatus(slot, cs, o.code, o.finish, o.reason);
      if (kill.reason === 'postStart' && !isDeleting(pod) && shouldRestart(pod, slot, o.code)) {
        // kubelet_pods.go: a container that failed to start and will be restarted is Waiting,
        // with the start error as its reason.
        putSlotStatus(pod, slot, { ...ended, lastState: { terminated: ended.state!.terminated! }, state: { waiting: { reason: 'PostStartHookError', message: kill.error ?? '' } } });
      } else putSlotStatus(pod, slot, ended);
      if (kill.reason === 'restart' && !isDeleting(pod)) restarts.push({ slot, kill, exit: { finishedAt: o.finish, startedAt: parseTime(cs.state.running.startedAt) ?? 0 } });
    }
    delete ctx.record.kills;
    // computePodActions kills and starts such a container in one SyncPod: whatever the exit code,
    // unless the policy is Never (a changed definition restarts even then), and unless it is in
    // its crash back-off or needs a pull (the restart stage then takes over).
    for (const { slot, kill, exit: e } of restarts) {
      if (!kill.restartAlways && pod.spec?.restartPolicy === 'Never') continue;
      // The restart stage finishes the job (after the back-off, or a pull) whatever the exit code.
      const pending = (ctx.record.restartPending ??= []);
      if (!pending.includes(slot.id)) pending.push(slot.id);
      const wait = restartWait(ctx, slot, e);
      if (wait > 0) events.push(...enterBackOff(pod, slot, wait));
      else if (!needsPull(pod, slot, ctx)) events.push(...restartContainer(pod, slot, ctx, e));
    }
    return { events };
  },
};

/** The postStart hook returns: the container is reported running, or it is killed. */
const postStartDone: Stage = {
  name: 'post-start',
  matches: (pod, ctx) => !isDeleting(pod) && ctx.record.postStart?.doneAt !== undefined,
  since: (_pod, ctx) => ctx.record.postStart!.doneAt!,
  delay: () => 0,
  next(pod, ctx) {
    const hook = ctx.record.postStart!;
    delete ctx.record.postStart;
    const slot = slotsOf(pod).find((s) => s.id === hook.slot);
    if (!slot) return { events: [] };
    const fp = fieldPathOf(slot);
    if (hook.error === undefined) {
      putSlotStatus(pod, slot, hook.status);
      return { events: [], explain: `postStart hook of ${slot.container.name} returned: container running` };
    }
    const hookEvents: StageEvent[] = [];
    (ctx.record.kills ??= {})[slot.id] = { ...planKill(pod as Stored<K8s<Pod>>, slot, hook.status, ctx, 'postStart', undefined, hookEvents), started: hook.status, error: hook.error };
    return {
      events: [
        // The event leaves the hook's error out (it could hold secrets); the waiting state has it.
        { type: 'Warning', reason: 'FailedPostStartHook', message: 'PostStartHook failed', fieldPath: fp },
        { type: 'Normal', reason: 'Killing', message: 'FailedPostStartHook', fieldPath: fp },
        ...hookEvents,
      ],
      explain: `postStart hook of ${slot.container.name} failed: killing the container (${hook.error})`,
    };
  },
};

/** With every container stopped, the kubelet reports the terminal phase and deletes the pod. */
const remove: Stage = {
  name: 'remove',
  matches: (pod, ctx) => isDeleting(pod) && runningSlots(pod).length === 0 && !ctx.record.kills && !ctx.record.postStart,
  delay: () => 0,
  next(pod, ctx) {
    ctx.api.finalizeDeletion('Pod', pod.metadata.namespace, pod.metadata.name!, pod.metadata.uid);
    return { events: [], deleted: true, explain: 'containers stopped: pod removed' };
  },
};

/** The kubelet admits the pod: startTime, host IPs, containers waiting to be created. */
const accept: Stage = {
  name: 'accept',
  matches: (pod) => !isDeleting(pod) && !pod.status?.startTime,
  delay: () => 0,
  next(pod, ctx) {
    const hostIP = (ctx.node.status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? '';
    const status = pod.status;
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
    status.startTime = toRFC3339(ctx.now);
    status.phase = 'Pending';
    const hasInit = (pod.spec?.initContainers ?? []).length > 0;
    for (const s of slotsOf(pod)) {
      if (slotStatus(pod, s)) continue;
      putSlotStatus(pod, s, waitingStatus(s.container.name, s.container.image ?? '', s.init || hasInit ? 'PodInitializing' : 'ContainerCreating'));
    }
    return { events: [], explain: `admitted by the kubelet on ${ctx.node.metadata.name}` };
  },
};

const MOUNT_RETRY_MS = 120_000;

/** Volumes that cannot be mounted keep the pod in ContainerCreating with a FailedMount event. */
const mountWait: Stage = {
  name: 'mount-wait',
  matches: (pod, ctx) => !isDeleting(pod) && Boolean(ctx.volumeWait) && !hasSandbox(pod, ctx.record),
  since: (_pod, ctx) => ctx.record.mountEventAt ?? ctx.now,
  delay: (_pod, ctx) => (ctx.record.mountEventAt === undefined ? 0 : MOUNT_RETRY_MS),
  next(_pod, ctx) {
    const first = ctx.record.mountEventAt === undefined;
    ctx.record.mountEventAt = ctx.now;
    const w = ctx.volumeWait!;
    // A specific failure (a missing ConfigMap, a failed type check) is reported as it happens;
    // waiting for a volume to be bound or attached only when the two-minute wait times out.
    const events: StageEvent[] = [];
    if (!first || w.message !== w.timeoutMessage) events.push({ type: 'Warning', reason: w.reason, message: w.message });
    // The volume manager gives up waiting every two minutes and says so.
    if (!first && w.timeoutMessage !== w.message) events.push({ type: 'Warning', reason: w.reason, message: w.timeoutMessage });
    return { events, explain: `waiting for volumes: ${w.message}` };
  },
};

/** The pod sandbox comes up: the pod gets its IP. */
const sandbox: Stage = {
  name: 'sandbox',
  matches: (pod, ctx) => !isDeleting(pod) && !ctx.volumeWait && Boolean(pod.status?.startTime) && !hasSandbox(pod, ctx.record),
  delay: (pod, ctx) => jitter(ctx, pod, [300, 800], 'sandbox'),
  next(pod, ctx) {
    // Host-network pods share the node's address.
    ctx.record.ip = pod.spec?.hostNetwork ? (pod.status.hostIP ?? '') : ctx.allocateIP();
    delete ctx.record.mountEventAt;
    return { events: [] };
  },
};

/** The image pull back-off of a slot, if it is for the image the spec names now. */
function pullBackoffOf(slot: Slot, ctx: StageContext): BackoffEntry | undefined {
  const entry = ctx.record.pullBackoff[slot.id];
  return entry && entry.image === slot.container.image ? entry : undefined;
}

function pullSlot(pod: Pod, ctx: StageContext): Slot | undefined {
  if (isDeleting(pod) || isNodeHolding(pod, ctx) || isWorkerBusy(ctx) || ctx.record.pull) return undefined;
  const s = nextSlot(pod);
  if (!s) return undefined;
  const reason = slotStatus(pod, s)?.state?.waiting?.reason;
  if (reason === 'ErrImagePull' || reason === 'InvalidImageName' || reason === 'ErrImageNeverPull') return undefined;
  return needsPull(pod, s, ctx) ? s : undefined;
}

/** Pulling begins (again after ImagePullBackOff once the back-off has passed). */
const pull: Stage = {
  name: 'pull',
  matches: (pod, ctx) => pullSlot(pod, ctx) !== undefined,
  since: (pod, ctx) => pullBackoffOf(pullSlot(pod, ctx)!, ctx)?.at ?? ctx.record.since,
  delay: (pod, ctx) => pullBackoffOf(pullSlot(pod, ctx)!, ctx)?.ms ?? 0,
  next(pod, ctx) {
    const s = pullSlot(pod, ctx)!;
    const image = s.container.image ?? '';
    const resolved = resolveImage(image, ctx.runtime);
    if (!resolved.ok && resolved.reason === 'InvalidImageName') {
      const cs = slotStatus(pod, s) ?? waitingStatus(s.container.name, image, 'ContainerCreating');
      putSlotStatus(pod, s, { ...cs, state: { waiting: { reason: 'InvalidImageName', message: resolved.message } } });
      return {
        events: [
          { type: 'Warning', reason: 'InspectFailed', message: resolved.message, fieldPath: fieldPathOf(s) },
          { type: 'Warning', reason: 'Failed', message: 'Error: InvalidImageName', fieldPath: fieldPathOf(s) },
        ],
      };
    }
    ctx.record.pull = { slot: s.id, image, at: ctx.now };
    return { events: [{ type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, fieldPath: fieldPathOf(s) }] };
  },
};

function pullDuration(pod: Pod, ctx: StageContext): number {
  const p = ctx.record.pull!;
  const count = String(ctx.record.pullBackoff[p.slot]?.count ?? 0);
  const resolved = resolveImage(p.image, ctx.runtime);
  if (!resolved.ok) return jitter(ctx, pod, [400, 1200], 'pull-fail', p.slot, count);
  if (isImageCached(ctx.runtime, pod.spec!.nodeName!, p.image)) return jitter(ctx, pod, [350, 900], 'pull-cached', p.slot, count);
  return jitter(ctx, pod, ctx.timings.imagePullMs, 'pull', p.slot, count);
}

/** The pull finishes: the image is cached on the node, or the pull fails with ErrImagePull. */
const pulled: Stage = {
  name: 'pulled',
  matches: (pod, ctx) => !isDeleting(pod) && ctx.record.pull !== undefined,
  since: (_pod, ctx) => ctx.record.pull!.at,
  delay: (pod, ctx) => pullDuration(pod, ctx),
  next(pod, ctx) {
    const p = ctx.record.pull!;
    const ms = pullDuration(pod, ctx);
    ctx.record.pull = undefined;
    const s = slotsOf(pod).find((x) => x.id === p.slot);
    if (!s) return { events: [] };
    const fp = fieldPathOf(s);
    const resolved = resolveImage(p.image, ctx.runtime);
    if (!resolved.ok) {
      const prev = pullBackoffOf(s, ctx);
      const count = (prev?.count ?? 0) + 1;
      ctx.record.pullBackoff[s.id] = { count, at: ctx.now, ms: backoffMs(count, ctx.timings.imageBackoffInitialMs, ctx.timings.imageBackoffMaxMs), image: p.image };
      const cs = slotStatus(pod, s) ?? waitingStatus(s.container.name, p.image, 'ContainerCreating');
      putSlotStatus(pod, s, { ...cs, state: { waiting: { reason: 'ErrImagePull', message: resolved.message } } });
      return {
        events: [
          { type: 'Warning', reason: 'Failed', message: `Failed to pull image "${p.image}": ${resolved.message}`, fieldPath: fp },
          { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', fieldPath: fp },
        ],
        explain: `image ${p.image} could not be pulled`,
      };
    }
    const node = pod.spec!.nodeName!;
    const cache = (ctx.runtime.state.imageCache[node] ??= []);
    const key = fullName(resolved.ref);
    if (!cache.includes(key)) cache.push(key);
    delete ctx.record.pullBackoff[s.id];
    ctx.record.pulled.push(s.id);
    const d = formatGoDuration(ms);
    return {
      events: [{ type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${p.image}" in ${d} (${d} including waiting). Image size: ${resolved.behaviour.sizeBytes} bytes.`, fieldPath: fp }],
    };
  },
};

function errPullSlot(pod: Pod): Slot | undefined {
  return slotsOf(pod).find((s) => slotStatus(pod, s)?.state?.waiting?.reason === 'ErrImagePull');
}

/** After ErrImagePull the next sync reports ImagePullBackOff until the back-off passes. */
const imagePullBackOff: Stage = {
  name: 'image-pull-backoff',
  matches: (pod) => !isDeleting(pod) && errPullSlot(pod) !== undefined,
  delay: (pod, ctx) => jitter(ctx, pod, [800, 2000], 'pull-backoff', String(ctx.record.pullBackoff[errPullSlot(pod)!.id]?.count ?? 0)),
  next(pod) {
    const s = errPullSlot(pod)!;
    const cs = slotStatus(pod, s)!;
    const image = s.container.image ?? '';
    const err = cs.state!.waiting!.message ?? '';
    putSlotStatus(pod, s, { ...cs, state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: ${err}` } } });
    return {
      events: [
        { type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, fieldPath: fieldPathOf(s) },
        { type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', fieldPath: fieldPathOf(s) },
      ],
    };
  },
};

function startSlot(pod: Pod, ctx: StageContext): Slot | undefined {
  if (isDeleting(pod) || isNodeHolding(pod, ctx) || isWorkerBusy(ctx) || ctx.record.pull) return undefined;
  const s = nextSlot(pod);
  if (!s) return undefined;
  const reason = slotStatus(pod, s)?.state?.waiting?.reason;
  const pulledNow = ctx.record.pulled.includes(s.id);
  if (!pulledNow && (reason === 'ErrImagePull' || reason === 'ImagePullBackOff' || reason === 'InvalidImageName')) return undefined;
  if (needsPull(pod, s, ctx)) return undefined;
  return s;
}

/** The container is created and started (Created, Started; "already present" when cached). */
const start: Stage = {
  name: 'start',
  matches: (pod, ctx) => startSlot(pod, ctx) !== undefined,
  delay: (pod, ctx) => jitter(ctx, pod, ctx.timings.containerStartMs, 'start', startSlot(pod, ctx)!.id),
  next(pod, ctx) {
    const s = startSlot(pod, ctx)!;
    if (pullPolicy(s.container) === 'Never' && !isImageCached(ctx.runtime, pod.spec!.nodeName!, s.container.image ?? '')) {
      const cs = slotStatus(pod, s) ?? waitingStatus(s.container.name, s.container.image ?? '', 'ContainerCreating');
      const message = `Container image "${s.container.image}" is not present with pull policy of Never`;
      putSlotStatus(pod, s, { ...cs, state: { waiting: { reason: 'ErrImageNeverPull', message } } });
      return {
        events: [
          { type: 'Warning', reason: 'ErrImageNeverPull', message, fieldPath: fieldPathOf(s) },
          { type: 'Warning', reason: 'Failed', message: 'Error: ErrImageNeverPull', fieldPath: fieldPathOf(s) },
        ],
      };
    }
    return { events: startContainer(pod, s, ctx, false), explain: `started container ${s.container.name}` };
  },
};

interface DueExit {
  slot: Slot;
  at: number;
  code: number;
  reason?: string;
}

function nextExit(pod: Pod, ctx: StageContext): DueExit | undefined {
  let best: DueExit | undefined;
  for (const s of runningSlots(pod)) {
    const proc = findProcess(ctx.runtime, pod.metadata!.uid!, s.container.name);
    const exit = proc && proc.finishedAt === undefined ? plannedExit(proc) : undefined;
    if (exit && (!best || exit.at < best.at)) best = { slot: s, ...exit };
  }
  return best;
}

/** A container's main process ends (the command finished, or failed). */
const exit: Stage = {
  name: 'exit',
  matches: (pod, ctx) => !isDeleting(pod) && nextExit(pod, ctx) !== undefined,
  since: (pod, ctx) => nextExit(pod, ctx)!.at,
  delay: () => 0,
  next(pod, ctx) {
    const e = nextExit(pod, ctx)!;
    terminateContainer(pod, e.slot, ctx, e.code, e.at, e.reason);
    return { events: [], explain: `container ${e.slot.container.name} exited with code ${e.code}${e.reason ? ` (${e.reason})` : ''}` };
  },
};

function crashSlot(pod: Pod, ctx: StageContext): { slot: Slot; wait: number; exit: { code: number; finishedAt: number; startedAt: number } } | undefined {
  if (isDeleting(pod) || isWorkerBusy(ctx)) return undefined;
  const s = restartableSlot(pod, ctx);
  if (!s) return undefined;
  const e = lastExit(slotStatus(pod, s))!;
  return { slot: s, wait: restartWait(ctx, s, e), exit: e };
}

/** An exited container that will restart later shows CrashLoopBackOff and a BackOff event. */
const crashLoopBackOff: Stage = {
  name: 'crash-loop-backoff',
  matches(pod, ctx) {
    const c = crashSlot(pod, ctx);
    if (!c || c.wait === 0) return false;
    const state = slotStatus(pod, c.slot)?.state;
    return Boolean(state?.terminated || state?.waiting?.reason === 'PostStartHookError');
  },
  since: (pod, ctx) => crashSlot(pod, ctx)!.exit.finishedAt,
  // The exit shows as Error/Completed until the kubelet's next sync notices it.
  delay: (pod, ctx) => jitter(ctx, pod, [700, 1500], 'crash-seen', String(slotStatus(pod, crashSlot(pod, ctx)!.slot)?.restartCount ?? 0)),
  next(pod, ctx) {
    const { slot, wait } = crashSlot(pod, ctx)!;
    return { events: enterBackOff(pod, slot, wait), explain: `container ${slot.container.name} crashed: restarting in ${shortDuration(wait)} (CrashLoopBackOff)` };
  },
};

/** An exited container that must wait `wait` ms before its restart: CrashLoopBackOff and BackOff. */
function enterBackOff(pod: MPod, slot: Slot, wait: number): StageEvent[] {
  const cs = slotStatus(pod, slot)!;
  const name = slot.container.name;
  putSlotStatus(pod, slot, {
    ...cs,
    lastState: { terminated: { ...(cs.state?.terminated ?? cs.lastState!.terminated!) } },
    ready: false,
    started: false,
    state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${shortDuration(wait)} restarting failed container=${name} pod=${podRef(pod)}` } },
  });
  return [{ type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${name} in pod ${podRef(pod)}`, fieldPath: fieldPathOf(slot) }];
}

/** The kubelet restarts an exited container once its back-off has passed. */
const restart: Stage = {
  name: 'restart',
  matches(pod, ctx) {
    const c = crashSlot(pod, ctx);
    if (!c || ctx.record.pull) return false;
    const cs = slotStatus(pod, c.slot);
    return c.wait === 0 || cs?.state?.waiting?.reason === 'CrashLoopBackOff';
  },
  since: (pod, ctx) => crashSlot(pod, ctx)!.exit.finishedAt,
  delay(pod, ctx) {
    const c = crashSlot(pod, ctx)!;
    // A first restart waits only for the kubelet to notice the exit.
    return c.wait > 0 ? c.wait : jitter(ctx, pod, [700, 1500], 'crash-seen', String(slotStatus(pod, c.slot)?.restartCount ?? 0));
  },
  next(pod, ctx) {
    const { slot, exit: e } = crashSlot(pod, ctx)!;
    if (needsPull(pod, slot, ctx)) {
      // imagePullPolicy Always (or an image not on the node): pull again before restarting.
      ctx.record.pull = { slot: slot.id, image: slot.container.image ?? '', at: ctx.now };
      return { events: [{ type: 'Normal', reason: 'Pulling', message: `Pulling image "${slot.container.image}"`, fieldPath: fieldPathOf(slot) }] };
    }
    // Later init containers and app containers wait for this one again.
    return { events: restartContainer(pod, slot, ctx, e), explain: `restarted container ${slot.container.name}` };
  },
};

/** Starts an exited slot's container again, counting the restart for its crash back-off. */
function restartContainer(pod: MPod, slot: Slot, ctx: StageContext, e: { finishedAt: number; startedAt: number }): StageEvent[] {
  const prev: BackoffEntry | undefined = ctx.record.backoff[slot.id];
  const reset = e.finishedAt - e.startedAt > 2 * ctx.timings.crashBackoffMaxMs;
  const count = reset || !prev ? 1 : prev.count + 1;
  ctx.record.backoff[slot.id] = { count, at: ctx.now, ms: backoffMs(count, ctx.timings.crashBackoffInitialMs, ctx.timings.crashBackoffMaxMs) };
  return startContainer(pod, slot, ctx, true);
}

function changedSlot(pod: Pod, ctx: StageContext): Slot | undefined {
  if (isDeleting(pod) || isWorkerBusy(ctx)) return undefined;
  return runningSlots(pod).find((s) => {
    const cs = slotStatus(pod, s)!;
    const r = resolveImage(s.container.image ?? '');
    return r.ref !== undefined && cs.image !== fullName(r.ref);
  });
}

/** A running container whose image changed in the spec is killed (kill.ts) and started again. */
const redefine: Stage = {
  name: 'redefine',
  matches: (pod, ctx) => changedSlot(pod, ctx) !== undefined,
  delay: () => 0,
  next(pod, ctx) {
    const s = changedSlot(pod, ctx)!;
    const hookEvents: StageEvent[] = [];
    (ctx.record.kills ??= {})[s.id] = { ...planKill(pod as Stored<K8s<Pod>>, s, slotStatus(pod, s)!, ctx, 'restart', undefined, hookEvents), restartAlways: true };
    delete ctx.record.backoff[s.id];
    return {
      events: [{ type: 'Normal', reason: 'Killing', message: `Container ${s.container.name} definition changed, will be restarted`, fieldPath: fieldPathOf(s) }, ...hookEvents],
      explain: `image of ${s.container.name} changed: restarting it`,
    };
  },
};

/** The lifecycle stages by name; profile.ts orders them (with the probe stage). */
export const LIFECYCLE = { redefine, kill, stop, postStartDone, remove, accept, mountWait, sandbox, exit, crashLoopBackOff, restart, pulled, imagePullBackOff, pull, start };
