/**
 * Container processes as data: starting one records its argv and environment in
 * `runtime.state.containers`; `catchUp` replays its behaviour up to the current virtual time,
 * appending log lines and applying file writes it has not applied yet. Stopping moves it to
 * `runtime.state.previous` for `kubectl logs --previous`.
 */
import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import { decodeBase64 } from '../apiserver/base64.ts';
import type { K8s, Stored } from '../apiserver/types.ts';
import type { ContainerProcess, Runtime } from '../runtime.ts';
import { containerArgv, type ImageBehaviour, type ProcessContext } from './behaviour.ts';
import { behaviourNamed } from './registry.ts';
import { containerFs, type ContainerFs } from './container-fs.ts';
import { intValue } from '../apiserver/quantity.ts';

/** How far ahead the kubelet looks for a process's exit when it starts. */
export const EXIT_HORIZON_MS = 7 * 24 * 3600_000;

/** Logs kept per container (the kubelet rotates container logs too, at 10 MiB). */
export const MAX_LOG_LINES = 100_000;

interface ProcessProgress {
  argv: string[];
  /**
   * Run time (ms after start) up to which the behaviour's events have been applied; -1 before
   * the first. Replays skip by time, not by count, so a replay that reads files the run itself
   * changed cannot re-apply or skip anything.
   */
  appliedUntil: number;
  interactive?: boolean;
  memoryLimit?: number;
  /** When the process will exit on its own, if it will (ms after start). */
  exitAt?: number;
  exitCode?: number;
  exitReason?: string;
}

function progress(proc: ContainerProcess): ProcessProgress {
  return proc.state as unknown as ProcessProgress;
}

function resolveEnv(api: Store, pod: Stored<K8s<Pod>>, env: readonly EnvVar[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const ns = pod.metadata.namespace;
  for (const e of env ?? []) {
    if (e.value !== undefined) out[e.name] = e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v: string) => out[v] ?? m);
    else if (e.valueFrom?.configMapKeyRef) out[e.name] = api.tryGet('ConfigMap', ns, e.valueFrom.configMapKeyRef.name ?? '')?.data?.[e.valueFrom.configMapKeyRef.key] ?? '';
    else if (e.valueFrom?.secretKeyRef) {
      const raw = api.tryGet('Secret', ns, e.valueFrom.secretKeyRef.name ?? '')?.data?.[e.valueFrom.secretKeyRef.key];
      out[e.name] = raw ? decodeBase64(raw) : '';
    } else if (e.valueFrom?.fieldRef) out[e.name] = fieldValue(pod, e.valueFrom.fieldRef.fieldPath);
    else out[e.name] = '';
  }
  return out;
}

function fieldValue(pod: Stored<K8s<Pod>>, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
  }
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]!] ?? '';
  return '';
}

/** The environment a container's processes see. */
export function containerEnv(api: Store, pod: Stored<K8s<Pod>>, container: Container): Record<string, string> {
  const hostname = pod.spec?.hostname ?? pod.metadata.name ?? '';
  const base: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: hostname,
    HOME: '/root',
  };
  const fromSources: Record<string, string> = {};
  for (const src of container.envFrom ?? []) {
    const prefix = src.prefix ?? '';
    if (src.configMapRef) {
      for (const [k, v] of Object.entries((api.tryGet('ConfigMap', pod.metadata.namespace, src.configMapRef.name ?? '')?.data ?? {}) as Record<string, string>)) fromSources[prefix + k] = v;
    }
    if (src.secretRef) {
      for (const [k, v] of Object.entries((api.tryGet('Secret', pod.metadata.namespace, src.secretRef.name ?? '')?.data ?? {}) as Record<string, string>)) fromSources[prefix + k] = decodeBase64(v);
    }
  }
  const k8s = {
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
    KUBERNETES_SERVICE_PORT_HTTPS: '443',
    KUBERNETES_PORT: 'tcp://10.96.0.1:443',
    KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
    KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
    KUBERNETES_PORT_443_TCP_PORT: '443',
    KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
  };
  const links = pod.spec?.enableServiceLinks === false ? {} : serviceLinks(api, pod.metadata.namespace ?? 'default');
  return { ...base, ...k8s, ...links, ...fromSources, ...resolveEnv(api, pod, container.env) };
}

/**
 * Docker-link style variables for every service with a cluster IP in the namespace
 * (pkg/kubelet/envvars): NGINX_SERVICE_HOST, NGINX_SERVICE_PORT, NGINX_PORT_80_TCP…
 */
function serviceLinks(api: Store, namespace: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const svc of api.list('Service', { namespace })) {
    const ip: string | undefined = svc.spec?.clusterIP;
    if (!ip || ip === 'None' || svc.metadata.name === 'kubernetes') continue;
    const name = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
    const ports: { name?: string; port: number; protocol?: string }[] = svc.spec?.ports ?? [];
    if (ports.length === 0) continue;
    out[`${name}_SERVICE_HOST`] = ip;
    out[`${name}_SERVICE_PORT`] = String(ports[0]!.port);
    for (const p of ports) if (p.name) out[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    const first = ports[0]!;
    out[`${name}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`;
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      const prefix = `${name}_PORT_${p.port}_${proto}`;
      out[prefix] = `${proto.toLowerCase()}://${ip}:${p.port}`;
      out[`${prefix}_PROTO`] = proto.toLowerCase();
      out[`${prefix}_PORT`] = String(p.port);
      out[`${prefix}_ADDR`] = ip;
    }
  }
  return out;
}

export function processContext(proc: ContainerProcess, fs: ContainerFs): ProcessContext {
  return {
    env: proc.env,
    hostname: proc.env.HOSTNAME ?? '',
    startedAt: proc.startedAt,
    readFile: (p) => fs.read(p),
    listDir: (p) => fs.list(p),
    isReadOnly: (p) => fs.isReadOnly(p),
    interactive: progress(proc).interactive,
    ...(progress(proc).memoryLimit !== undefined ? { memoryLimit: progress(proc).memoryLimit } : {}),
  };
}

export interface StartOptions {
  api: Store;
  runtime: Runtime;
  pod: Stored<K8s<Pod>>;
  container: Container;
  behaviour: ImageBehaviour;
  id: string;
  image: string;
  now: number;
}

/** Starts a container's main process; returns it (with its planned exit, if any). */
export function startProcess(o: StartOptions): ContainerProcess {
  const key = `${o.pod.metadata.uid}/${o.container.name}`;
  const index = indexOf(o.runtime);
  const priorId = index.get(key);
  const prior = priorId === undefined ? undefined : o.runtime.state.containers[priorId];
  if (prior) {
    o.runtime.state.previous[key] = prior;
    delete o.runtime.state.containers[priorId!];
  }
  const argv = containerArgv(o.behaviour, o.container.command, o.container.args);
  const proc: ContainerProcess = {
    id: o.id,
    podUid: o.pod.metadata.uid!,
    container: o.container.name,
    node: o.pod.spec?.nodeName ?? '',
    image: o.image,
    behaviour: o.behaviour.name,
    startedAt: o.now,
    state: { argv, appliedUntil: -1, interactive: Boolean(o.container.stdin), ...memoryLimitOf(o.container) } satisfies ProcessProgress as unknown as Record<string, unknown>,
    logs: [],
    files: {},
    env: containerEnv(o.api, o.pod, o.container),
  };
  o.runtime.state.containers[o.id] = proc;
  index.set(key, o.id);
  const fs = containerFs(o.api, o.runtime, o.pod, o.container, proc.files);
  const run = o.behaviour.run(argv, { ...processContext(proc, fs), lookahead: true }, EXIT_HORIZON_MS);
  if (run.exit) {
    progress(proc).exitAt = run.exit.at;
    progress(proc).exitCode = run.exit.code;
    if (run.exit.reason) progress(proc).exitReason = run.exit.reason;
  }
  return proc;
}

/** When the process exits on its own: `{ at (virtual ms), code, reason? }`, or undefined. */
export function plannedExit(proc: ContainerProcess): { at: number; code: number; reason?: string } | undefined {
  const p = progress(proc);
  if (p.exitAt === undefined) return undefined;
  return { at: proc.startedAt + p.exitAt, code: p.exitCode ?? 0, ...(p.exitReason ? { reason: p.exitReason } : {}) };
}

function memoryLimitOf(c: Container): { memoryLimit?: number } {
  const q = c.resources?.limits?.memory;
  return q === undefined ? {} : { memoryLimit: intValue(q) };
}

/** Applies the process's output and file writes up to `now` (or its end). */
export function catchUp(api: Store, runtime: Runtime, pod: Stored<K8s<Pod>>, container: Container, proc: ContainerProcess, now: number): void {
  const end = Math.min(now, proc.finishedAt ?? Infinity);
  const p = progress(proc);
  const fs = containerFs(api, runtime, pod, container, proc.files);
  const behaviour = behaviourNamed(proc.behaviour);
  const run = behaviour.run(p.argv, processContext(proc, fs), Math.max(0, end - proc.startedAt));
  const until = end - proc.startedAt;
  if (until <= p.appliedUntil) return;
  const reached = run.stoppedAt === undefined ? until : Math.min(until, run.stoppedAt - 1);
  const fresh = run.events.filter((e) => e.at > p.appliedUntil && e.at <= reached);
  for (const e of fresh) {
    if (e.log !== undefined) proc.logs.push({ time: proc.startedAt + e.at, text: e.log });
    if (e.write?.remove) fs.remove(e.write.path);
    else if (e.write) fs.write(e.write.path, e.write.content, e.write.append);
  }
  p.appliedUntil = Math.max(p.appliedUntil, reached);
  if (proc.logs.length > MAX_LOG_LINES) proc.logs.splice(0, proc.logs.length - MAX_LOG_LINES);
}

/** Marks a process finished at `at` with `code`, after applying its output up to then. */
export function stopProcess(api: Store, runtime: Runtime, pod: Stored<K8s<Pod>>, container: Container, proc: ContainerProcess, at: number, code: number): void {
  catchUp(api, runtime, pod, container, proc, at);
  proc.finishedAt = at;
  proc.exitCode = code;
}

/**
 * Index `podUid/container` → process id over `runtime.state.containers`. Every change to that map
 * goes through this module (startProcess, dropPodProcesses), so the index stays exact; a restored
 * runtime brings a new map object, which rebuilds it.
 */
const processIndex = new WeakMap<Record<string, ContainerProcess>, Map<string, string>>();

function indexOf(runtime: Runtime): Map<string, string> {
  const containers = runtime.state.containers;
  let index = processIndex.get(containers);
  if (!index) {
    index = new Map();
    for (const [id, p] of Object.entries(containers)) index.set(`${p.podUid}/${p.container}`, id);
    processIndex.set(containers, index);
  }
  return index;
}

/** The current process of a pod's container (running or last finished), if any. */
export function findProcess(runtime: Runtime, podUid: string, container: string): ContainerProcess | undefined {
  const id = indexOf(runtime).get(`${podUid}/${container}`);
  return id === undefined ? undefined : runtime.state.containers[id];
}

/** Forgets every process of a pod (the kubelet after the pod is gone). */
export function dropPodProcesses(runtime: Runtime, podUid: string): void {
  const index = indexOf(runtime);
  for (const [id, p] of Object.entries(runtime.state.containers)) {
    if (p.podUid !== podUid) continue;
    delete runtime.state.containers[id];
    index.delete(`${p.podUid}/${p.container}`);
  }
  for (const [k, p] of Object.entries(runtime.state.previous)) if (p.podUid === podUid) delete runtime.state.previous[k];
}

/** Makes a running process end at `at` with `code` (a crash, a failed liveness probe's kill). */
export function markExit(proc: ContainerProcess, at: number, code: number): void {
  const p = progress(proc);
  p.exitAt = Math.max(0, at - proc.startedAt);
  p.exitCode = code;
  delete p.exitReason;
}
