/**
 * What `kubectl exec` and `kubectl logs` reach: commands run inside a simulated container
 * (its files, environment, hostname and network view), the container's log lines with their
 * times, and the fault hook that crashes a container. Errors carry the texts kubectl prints.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { ApiError, badRequest } from '../apiserver/errors.ts';
import type { K8s, Stored } from '../apiserver/types.ts';
import type { ContainerProcess } from '../runtime.ts';
import { behaviourNamed } from './registry.ts';
import { containerFs } from './container-fs.ts';
import { catchUp, findProcess, markExit } from './process.ts';
import { isBuiltinCommand, Shell } from './shell/interpreter.ts';
import { hasTool, networkTools } from './net-tools.ts';
import type { NetHost } from './network.ts';
import { rfc3339Nano } from './time-format.ts';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** With `timed`: how long the command ran (virtual ms); absent when it never ends. */
  elapsedMs?: number;
  /** With `timed`: the container runtime's own error when the command could not start. */
  runtimeError?: string;
}

/** What exec and logs need from a cluster (a `Cluster` satisfies it). */
export interface RuntimeHost extends NetHost {
  enqueue?(controller: string, key: string): void;
}

type PodObj = Stored<K8s<Pod>>;

function pickContainer(pod: PodObj, name: string | undefined): Container | undefined {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])] as Container[];
  return name === undefined ? (pod.spec?.containers?.[0] as Container | undefined) : all.find((c) => c.name === name);
}

function containerStatus(pod: PodObj, name: string) {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === name);
}

/** containerd's error for an executable that is not in the image. */
function ociNotFoundCause(proc: ContainerProcess, cmd: string): string {
  return `failed to exec in container: failed to start exec "${proc.id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown`;
}

function ociNotFound(proc: ContainerProcess, cmd: string, timed: boolean): ExecResult {
  const cause = ociNotFoundCause(proc, cmd);
  return {
    stdout: '',
    stderr: `error: Internal error occurred: Internal error occurred: error executing command in container: ${cause}\n`,
    exitCode: 1,
    // What the kubelet's own ExecSync call gets back over CRI.
    ...(timed ? { elapsedMs: 0, runtimeError: `rpc error: code = Unknown desc = ${cause}` } : {}),
  };
}

/**
 * Runs `argv` in a running container. Output and exit code are what the command produced;
 * failures to reach the container come back as kubectl's error text on stderr with exit code 1.
 */
export function execInContainer(host: RuntimeHost, pod: PodObj, containerName: string | undefined, argv: string[], opts: { stdin?: string; timed?: boolean } = {}): ExecResult {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return { stdout: '', stderr: `error: cannot exec into a container in a completed pod; current phase is ${phase}\n`, exitCode: 1 };
  }
  const container = pickContainer(pod, containerName);
  const name = containerName ?? container?.name ?? '';
  if (!container) {
    return { stdout: '', stderr: `Error from server (BadRequest): container ${name} is not valid for pod ${pod.metadata.name}\n`, exitCode: 1 };
  }
  const proc = findProcess(host.runtime, pod.metadata.uid!, container.name);
  if (!containerStatus(pod, container.name)?.state?.running || !proc || proc.finishedAt !== undefined) {
    return { stdout: '', stderr: `error: unable to upgrade connection: container not found ("${container.name}")\n`, exitCode: 1 };
  }
  const now = host.clock.now();
  catchUpSharing(host, pod, now);
  const behaviour = behaviourNamed(proc.behaviour);
  const cmd = (argv[0] ?? '').replace(/^\/(usr\/)?(local\/)?s?bin\//, '');
  const shells = behaviour.shell === 'bash' ? ['sh', 'bash'] : behaviour.shell === 'busybox' ? ['sh', 'ash'] : [];
  const exists = behaviour.shell !== 'none' && (isBuiltinCommand(cmd) ? !['sh', 'bash', 'ash'].includes(cmd) || shells.includes(cmd) : hasTool(proc.behaviour, cmd));
  if (!exists) return ociNotFound(proc, argv[0] ?? '', Boolean(opts.timed));
  const fs = containerFs(host.api, host.runtime, pod, container, proc.files);
  const run = Shell.execute(
    {
      fs,
      env: { ...proc.env },
      startedAt: now,
      until: Number.MAX_SAFE_INTEGER,
      flavour: behaviour.shell === 'bash' ? 'bash' : 'busybox',
      external: networkTools(host, pod, proc.behaviour, proc.image),
      stdin: opts.stdin ?? '',
    },
    { argv },
  );
  for (const w of run.writes) {
    if (w.remove) fs.remove(w.path);
    else fs.write(w.path, w.content, w.append);
  }
  const stdout = run.output.filter((o) => o.stream === 1).map((o) => o.text).join('');
  const stderr = run.output.filter((o) => o.stream === 2).map((o) => o.text).join('');
  const finished = opts.timed && run.exit && run.stoppedAt === undefined;
  return { stdout, stderr, exitCode: run.exit?.code ?? 0, ...(finished ? { elapsedMs: run.exit!.at } : {}) };
}

function hasDataVolume(pod: PodObj): boolean {
  return (pod.spec?.volumes ?? []).some((v) => v.emptyDir || v.hostPath || v.persistentVolumeClaim);
}

/**
 * Brings every process whose output could be visible from `pod` up to `now`: the pod's own
 * containers, and the containers of every pod with a data volume (they may share it).
 */
function catchUpSharing(host: RuntimeHost, pod: PodObj, now: number): void {
  const uids = new Set<string>([pod.metadata.uid!]);
  if (hasDataVolume(pod)) {
    for (const p of host.api.list<K8s<Pod>>('Pod')) if (hasDataVolume(p)) uids.add(p.metadata.uid!);
  }
  const pods = new Map<string, PodObj>();
  for (const p of host.api.list<K8s<Pod>>('Pod')) if (uids.has(p.metadata.uid!)) pods.set(p.metadata.uid!, p);
  for (const proc of Object.values(host.runtime.state.containers)) {
    const owner = pods.get(proc.podUid);
    if (!owner || proc.finishedAt !== undefined) continue;
    const c = pickContainer(owner, proc.container);
    if (c) catchUp(host.api, host.runtime, owner, c, proc, now);
  }
}

export interface LogOptions {
  previous?: boolean;
  /** Last N lines (`--tail`); negative or undefined for all. */
  tail?: number;
  /** Only lines newer than this many ms before now (`--since`). */
  sinceMs?: number;
  /** Only lines at or after this time (`--since-time`, ms since epoch). */
  sinceTime?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

function waitingReason(pod: PodObj, name: string): string | undefined {
  const w = containerStatus(pod, name)?.state?.waiting;
  if (!w) return undefined;
  if (w.reason === 'ErrImagePull' || w.reason === 'ImagePullBackOff') return 'trying and failing to pull image';
  if (w.reason === 'InvalidImageName') return 'InvalidImageName';
  return w.reason;
}

/**
 * A container's log as `kubectl logs` prints it. Throws ApiError (BadRequest) with the API
 * server's texts when there is nothing to read.
 */
export function readLogs(host: RuntimeHost, pod: PodObj, containerName: string | undefined, opts: LogOptions = {}): string {
  const container = pickContainer(pod, containerName);
  const podName = pod.metadata.name;
  if (!container) throw badRequest(`container ${containerName} is not valid for pod ${podName}`);
  const name = container.name;
  let proc: ContainerProcess | undefined;
  if (opts.previous) {
    proc = host.runtime.state.previous[`${pod.metadata.uid}/${name}`];
    if (!proc) throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`);
  } else {
    proc = findProcess(host.runtime, pod.metadata.uid!, name);
    const reason = waitingReason(pod, name);
    if (!proc && reason) throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${reason}`);
    if (!proc) throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ContainerCreating`);
    catchUpSharing(host, pod, host.clock.now());
  }
  const now = host.clock.now();
  let lines = proc.logs;
  if (opts.sinceMs !== undefined) lines = lines.filter((l) => l.time >= now - opts.sinceMs!);
  if (opts.sinceTime !== undefined) lines = lines.filter((l) => l.time >= opts.sinceTime!);
  if (opts.tail !== undefined && opts.tail >= 0) lines = opts.tail === 0 ? [] : lines.slice(-opts.tail);
  let out = lines.map((l) => (opts.timestamps ? `${rfc3339Nano(l.time)} ${l.text}\n` : `${l.text}\n`)).join('');
  if (opts.limitBytes !== undefined && opts.limitBytes >= 0) out = out.slice(0, opts.limitBytes);
  return out;
}

/**
 * The fault hook: the container's main process dies now with `exitCode`. The kubelet notices on
 * its next sync (queued here) and restarts it per the pod's restartPolicy.
 */
export function crashContainer(host: RuntimeHost, pod: PodObj, containerName: string, exitCode: number): void {
  const proc = findProcess(host.runtime, pod.metadata.uid!, containerName);
  if (!proc || proc.finishedAt !== undefined) {
    throw new ApiError('BadRequest', 400, `container "${containerName}" in pod "${pod.metadata.name}" is not running`);
  }
  markExit(proc, host.clock.now(), exitCode);
  host.enqueue?.('kubelet', `${pod.metadata.namespace}/${pod.metadata.name}`);
}
