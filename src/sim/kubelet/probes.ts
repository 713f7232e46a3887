/**
 * Container probes (pkg/kubelet/prober): startup, liveness and readiness probes run every
 * periodSeconds after initialDelaySeconds against the simulated container: exec probes run the
 * command in it, httpGet probes ask its HTTP server, tcpSocket probes check that it listens.
 * Results flip `ready`/`started` after successThreshold/failureThreshold consecutive results;
 * failures record Unhealthy events, and a failed liveness or startup probe kills the container
 * (kill.ts), which the kubelet then starts again.
 */
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../apiserver/types.ts';
import { execInContainer } from '../images/exec.ts';
import { findProcess } from '../images/process.ts';
import { httpGet, listens } from '../images/network.ts';
import { slotsOf, slotStatus, fieldPathOf, putSlotStatus, type Slot, type Stage, type StageContext, type StageEvent } from './stages.ts';
import { graceSeconds, planKill } from './kill.ts';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

const LABEL: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

interface DueProbe {
  slot: Slot;
  kind: ProbeKind;
  probe: Probe;
  at: number;
}

function probeOf(c: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'startup' ? c.startupProbe : kind === 'liveness' ? c.livenessProbe : c.readinessProbe;
}

function isProbed(slot: Slot): boolean {
  return !slot.init || slot.container.restartPolicy === 'Always';
}

/** The probe that runs next across the pod's running containers. */
export function dueProbe(pod: Stored<K8s<Pod>>, ctx: StageContext): DueProbe | undefined {
  if (pod.metadata.deletionTimestamp) return undefined;
  let best: DueProbe | undefined;
  for (const slot of slotsOf(pod)) {
    // A container being killed is probed no more (the probe worker holds until it is replaced).
    if (!isProbed(slot) || ctx.record.kills?.[slot.id]) continue;
    const cs = slotStatus(pod, slot);
    if (!cs?.state?.running) continue;
    const proc = findProcess(ctx.runtime, pod.metadata.uid!, slot.container.name);
    if (!proc || proc.finishedAt !== undefined) continue;
    const kinds: ProbeKind[] = slot.container.startupProbe && !cs.started ? ['startup'] : ['liveness', 'readiness'];
    for (const kind of kinds) {
      const probe = probeOf(slot.container, kind);
      if (!probe) continue;
      const rec = ctx.record.probes[`${slot.id}/${kind}`];
      const at = rec ? rec.last + (probe.periodSeconds ?? 10) * 1000 : proc.startedAt + (probe.initialDelaySeconds ?? 0) * 1000;
      if (!best || at < best.at) best = { slot, kind, probe, at };
    }
  }
  return best;
}

export interface ProbeResult {
  ok: boolean;
  /** What follows "Readiness probe failed: ". */
  output: string;
}

function namedPort(c: Container, port: number | string | undefined): number {
  if (typeof port === 'number') return port;
  const p = c.ports?.find((x) => x.name === port);
  return p?.containerPort ?? Number(port ?? 0);
}

/** Runs a probe against the container now. */
export function runProbe(pod: Stored<K8s<Pod>>, slot: Slot, probe: Probe, ctx: StageContext): ProbeResult {
  const host = { api: ctx.api, runtime: ctx.runtime, clock: { now: () => ctx.now } };
  const ip = pod.status?.podIP ?? '';
  if (probe.exec) {
    const r = execInContainer(host, pod, slot.container.name, [...(probe.exec.command ?? [])]);
    return { ok: r.exitCode === 0, output: (r.stdout + r.stderr).replace(/\n$/, '') };
  }
  if (probe.httpGet) {
    const port = namedPort(slot.container, probe.httpGet.port);
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    const url = `${scheme}://${ip}:${port}${path}`;
    if (!listens(host, pod, port)) return { ok: false, output: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
    const gateway = ip.split('.').slice(0, 3).join('.') + '.1';
    const res = httpGet(host, pod, port, path, gateway, `kube-probe/1.34`);
    if (!res) return { ok: false, output: `Get "${url}": EOF` };
    if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
    return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket || probe.grpc) {
    const port = probe.tcpSocket ? namedPort(slot.container, probe.tcpSocket.port) : probe.grpc!.port;
    if (listens(host, pod, port)) return { ok: true, output: '' };
    return { ok: false, output: `dial tcp ${ip}:${port}: connect: connection refused` };
  }
  return { ok: true, output: '' };
}

/** Whether running the probe now would leave everything as it is (a steady state). */
function isSteady(pod: Stored<K8s<Pod>>, due: DueProbe, ctx: StageContext): boolean {
  const cs = slotStatus(pod, due.slot);
  const rec = ctx.record.probes[`${due.slot.id}/${due.kind}`];
  const result = runProbe(pod, due.slot, due.probe, ctx);
  if (due.kind === 'readiness') {
    if (result.ok) return Boolean(cs?.ready);
    return !cs?.ready && (rec?.failures ?? 0) >= (due.probe.failureThreshold ?? 3);
  }
  return due.kind === 'liveness' && result.ok;
}

/** One probe run: updates counters, readiness, started, or restarts the container. */
export const probeStage: Stage = {
  name: 'probe',
  matches: (pod, ctx) => dueProbe(pod, ctx) !== undefined,
  since: (pod, ctx) => dueProbe(pod, ctx)!.at,
  delay: () => 0,
  background: (pod, ctx) => isSteady(pod, dueProbe(pod, ctx)!, ctx),
  next(pod, ctx) {
    const due = dueProbe(pod as Stored<K8s<Pod>>, ctx)!;
    const { slot, kind, probe } = due;
    const key = `${slot.id}/${kind}`;
    const rec = (ctx.record.probes[key] ??= { successes: 0, failures: 0, last: ctx.now });
    rec.last = ctx.now;
    const result = runProbe(pod as Stored<K8s<Pod>>, slot, probe, ctx);
    const events: StageEvent[] = [];
    const fp = fieldPathOf(slot);
    const name = slot.container.name;
    if (result.ok) {
      rec.successes++;
      rec.failures = 0;
    } else {
      rec.failures++;
      rec.successes = 0;
      events.push({ type: 'Warning', reason: 'Unhealthy', message: `${LABEL[kind]} probe failed: ${result.output}`, fieldPath: fp });
    }
    const cs = slotStatus(pod, slot)!;
    const successThreshold = kind === 'readiness' ? (probe.successThreshold ?? 1) : 1;
    const failureThreshold = probe.failureThreshold ?? 3;
    if (kind === 'readiness') {
      if (rec.successes >= successThreshold && !cs.ready) putSlotStatus(pod, slot, { ...cs, ready: true });
      if (rec.failures >= failureThreshold && cs.ready) putSlotStatus(pod, slot, { ...cs, ready: false });
      return { events, explain: result.ok ? undefined : `readiness probe of ${name} failed: ${result.output}` };
    }
    if (kind === 'startup' && rec.successes >= 1) {
      putSlotStatus(pod, slot, { ...cs, started: true, ready: !slot.container.readinessProbe });
      return { events };
    }
    if (rec.failures >= failureThreshold) {
      events.push({ type: 'Normal', reason: 'Killing', message: `Container ${name} failed ${kind} probe, will be restarted`, fieldPath: fp });
      // killContainer as for a deletion: preStop, the stop signal, SIGKILL when the grace period
      // (the probe's own terminationGracePeriodSeconds if it has one) runs out.
      (ctx.record.kills ??= {})[slot.id] = planKill(pod as Stored<K8s<Pod>>, slot, cs, ctx, 'restart', graceSeconds(pod, probe.terminationGracePeriodSeconds), events);
      for (const k of Object.keys(ctx.record.probes)) if (k.startsWith(slot.id + '/')) delete ctx.record.probes[k];
      return { events, explain: `${kind} probe of ${name} failed ${failureThreshold} times: restarting it` };
    }
    return { events };
  },
};
