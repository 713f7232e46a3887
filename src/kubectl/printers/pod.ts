/**
 * `kubectl get pods`: printers.go printPod. STATUS follows the phase, then the reason, then init
 * container progress, then the last container with a waiting or terminated reason; a pod being
 * deleted shows Terminating (or Unknown when its node was lost).
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { parseTime } from '../../sim/clock.ts';
import { humanDuration } from '../format/duration.ts';
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const podPrinter: KindPrinter = {
  kind: 'Pod',
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  row(obj, { now }) {
    const pod = obj as Pod;
    const s = podStatusSummary(pod);
    const restarts =
      s.restarts !== 0 && s.lastRestart !== undefined
        ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)`
        : String(s.restarts);
    const gates = pod.spec?.readinessGates ?? [];
    let readinessGates = '<none>';
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const g of gates) {
        const c = pod.status?.conditions?.find((x) => x.type === g.conditionType);
        if (c?.status === 'True') trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    return [
      pod.metadata!.name!,
      `${s.ready}/${s.total}`,
      s.reason,
      restarts,
      age(pod.metadata?.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates,
    ];
  },
};

export interface PodStatusSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  /** When the most recently restarted container last terminated (ms), if known. */
  lastRestart?: number;
}

/** The READY, STATUS and RESTARTS cells of printPod. */
export function podStatusSummary(pod: Pod): PodStatusSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const initSpecs = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
  const isSidecar = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';
  let total = spec?.containers?.length ?? 0;
  for (const c of spec?.initContainers ?? []) if (c.restartPolicy === 'Always') total++;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let reason = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const later = (a: number | undefined, cs: ContainerStatus) => {
    const t = parseTime(cs.lastState?.terminated?.finishedAt);
    return t !== undefined && (a === undefined || t > a) ? t : a;
  };

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, c);
    if (isSidecar(c.name)) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, c);
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (isSidecar(c.name) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c);
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
    reason = 'Terminating';
  }
  return { ready, total, reason, restarts, lastRestart };
}
