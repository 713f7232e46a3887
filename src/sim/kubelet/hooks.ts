/**
 * Container lifecycle hooks as the kubelet runs them (pkg/kubelet/lifecycle/handlers.go): an exec
 * handler runs its command in the container and fails when the command cannot start or exits
 * non-zero; an httpGet handler fails only when the request itself fails (no connection): the
 * status code of a response is not looked at; a sleep handler waits and never fails. A hook runs
 * at once here and its outcome is data: how long it takes (or that it never returns) and the
 * error text the kubelet would carry, so the kubelet's stages wait for it with timers.
 */
import type { Container, LifecycleHandler, Pod } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../apiserver/types.ts';
import { execInContainer } from '../images/exec.ts';
import { httpGet, listens } from '../images/network.ts';
import type { MContainerStatus } from './pod-status.ts';
import type { StageContext } from './stages.ts';

export interface HookOutcome {
  /** Which handler ran. */
  handler: 'exec' | 'httpGet' | 'sleep' | 'tcpSocket';
  /** How long the handler runs (ms); absent when it never returns on its own. */
  durationMs?: number;
  /** The handler's error as the kubelet formats it; absent when the hook succeeded. */
  error?: string;
  /** An HTTPS hook answered in plain HTTP and retried (the LifecycleHTTPFallback event's message). */
  fallback?: string;
}

/** The round trip of an exec or HTTP call from the kubelet into the container. */
const CALL_MS = 40;

/** `format.Pod`: name_namespace(uid). */
function formatPod(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;
}

/** Go's %q for a string. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A view of the pod in which `container` runs (a hook may run before the status says so). */
function withRunning(pod: Stored<K8s<Pod>>, container: Container, cs: MContainerStatus, ip: string): Stored<K8s<Pod>> {
  const others = (pod.status?.containerStatuses ?? []).filter((s) => s.name !== container.name);
  const inits = (pod.status?.initContainerStatuses ?? []).filter((s) => s.name !== container.name);
  const isInit = (pod.spec?.initContainers ?? []).some((c) => c.name === container.name);
  return {
    ...pod,
    status: {
      ...pod.status,
      podIP: pod.status?.podIP ?? ip,
      containerStatuses: isInit ? others : [...others, cs],
      initContainerStatuses: isInit ? [...inits, cs] : inits,
    },
  } as Stored<K8s<Pod>>;
}

function resolvePort(c: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined || port === '') return 80;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/**
 * Runs a lifecycle handler of `container` now. `cs` is the container's running status (it may not
 * be in the pod's status yet: postStart runs before the kubelet reports the container running).
 */
export function runHook(pod: Stored<K8s<Pod>>, container: Container, cs: MContainerStatus, handler: LifecycleHandler, ctx: StageContext): HookOutcome {
  const ip = pod.status?.podIP ?? ctx.record.ip ?? '';
  const view = withRunning(pod, container, cs, ip);
  const host = { api: ctx.api, runtime: ctx.runtime, clock: { now: () => ctx.now } };
  const name = container.name;
  if (handler.exec) {
    const command = [...(handler.exec.command ?? [])];
    const r = execInContainer(host, view, name, command, { timed: true });
    const durationMs = r.elapsedMs === undefined ? undefined : r.elapsedMs + CALL_MS;
    if (r.runtimeError === undefined && r.exitCode === 0) return { handler: 'exec', ...(durationMs === undefined ? {} : { durationMs }) };
    // The CRI's ExecSync error for a non-zero exit: command '<argv joined>' exited with N: <stderr>.
    const err = r.runtimeError ?? `command '${command.join(' ')}' exited with ${r.exitCode}: ${r.stderr}`;
    const output = r.runtimeError === undefined ? r.stdout + r.stderr : '';
    const error = `Exec lifecycle hook ([${command.join(' ')}]) for Container "${name}" in Pod "${formatPod(pod)}" failed - error: ${err}, message: ${goQuote(output)}`;
    return { handler: 'exec', ...(durationMs === undefined ? {} : { durationMs }), error };
  }
  if (handler.httpGet) {
    const get = handler.httpGet;
    const target = get.host || ip;
    const port = resolvePort(container, get.port as number | string | undefined);
    const path = get.path ?? '';
    const fail = (e: string): HookOutcome => ({ handler: 'httpGet', durationMs: CALL_MS, error: `HTTP lifecycle hook (${path}) for Container "${name}" in Pod "${formatPod(pod)}" failed - error: ${e}` });
    if (port === undefined) return fail(`couldn't find port: ${String(get.port)} in ${name}`);
    const scheme = (get.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${target}:${port}${path && !path.startsWith('/') ? '/' : ''}${path}`;
    if (target !== ip || !listens(host, view, port)) return fail(`Get "${url}": dial tcp ${target}:${port}: connect: connection refused`);
    const gateway = ip.split('.').slice(0, 3).join('.') + '.1';
    // Any response is a success: handlers.go discards the body and never looks at the code.
    // The simulated servers speak plain HTTP: an HTTPS hook gets an HTTP answer and is retried so.
    httpGet(host, view, port, path || '/', gateway, 'kube-lifecycle/1.34');
    if (scheme === 'https') return { handler: 'httpGet', durationMs: 2 * CALL_MS, fallback: `request to HTTPS lifecycle hook ${target}:${port} got HTTP response, retry with HTTP succeeded` };
    return { handler: 'httpGet', durationMs: CALL_MS };
  }
  if (handler.sleep) return { handler: 'sleep', durationMs: Math.max(0, handler.sleep.seconds) * 1000 };
  // tcpSocket passes validation but the kubelet has no runner for it: the hook fails at once.
  return { handler: 'tcpSocket', durationMs: 0, error: `Cannot run handler: invalid handler: ${goHandler(handler)}` };
}

/** A LifecycleHandler as Go's %v prints the API type. */
function goHandler(h: LifecycleHandler): string {
  const port = h.tcpSocket?.port;
  const intOrString = typeof port === 'number' ? `{0 ${port} }` : `{1 0 ${port ?? ''}}`;
  const tcp = h.tcpSocket ? `&TCPSocketAction{Port:${intOrString},Host:${h.tcpSocket.host ?? ''},}` : 'nil';
  return `&LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:${tcp},Sleep:nil,}`;
}
