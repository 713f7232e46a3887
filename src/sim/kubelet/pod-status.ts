/**
 * Pure derivations of a pod's status from its container statuses, as the kubelet computes them
 * (pkg/kubelet/kubelet_pods.go getPhase, pkg/kubelet/status/generate.go): phase, the kubelet's
 * conditions in upstream's order (PodReadyToStartContainers, Initialized, Ready, ContainersReady,
 * then PodScheduled), and the waiting statuses of containers not created yet.
 */
import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Mutable } from '../apiserver/types.ts';

export type MPodStatus = Mutable<PodStatus>;
export type MContainerStatus = Mutable<ContainerStatus>;
export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** The API server serialises an unset metav1.Time as `null`; conditions carry lastProbeTime: null. */
const NULL_TIME = null as unknown as string;

export function condition(type: string, status: 'True' | 'False', at: string, reason?: string, message?: string): Mutable<PodCondition> {
  const c: Mutable<PodCondition> = { type, status, lastProbeTime: NULL_TIME, lastTransitionTime: at };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** Sets a condition, keeping its lastTransitionTime when the status does not change. */
export function setCondition(status: MPodStatus, next: Mutable<PodCondition>): void {
  const conditions = status.conditions ?? [];
  const old = conditions.find((c) => c.type === next.type);
  if (old && old.status === next.status) next.lastTransitionTime = old.lastTransitionTime;
  status.conditions = [...conditions.filter((c) => c.type !== next.type), next];
}

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'];

/** Orders conditions as the kubelet's status manager writes them: its own four first, the rest after. */
export function orderConditions(status: MPodStatus): void {
  const conditions = status.conditions ?? [];
  const rank = (t: string) => {
    const i = KUBELET_CONDITIONS.indexOf(t);
    return i === -1 ? KUBELET_CONDITIONS.length : i;
  };
  status.conditions = [...conditions].sort((a, b) => rank(a.type) - rank(b.type));
}

export function isTerminalPhase(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/** A container that ran and stopped, or is waiting to run again after stopping. */
function hasStopped(cs: ContainerStatus): boolean {
  return Boolean(cs.state?.terminated || (cs.state?.waiting && cs.lastState?.terminated));
}

function exitedOk(cs: ContainerStatus): boolean {
  const t = cs.state?.terminated ?? cs.lastState?.terminated;
  return t?.exitCode === 0;
}

/** Init containers that have not completed successfully, in order. */
export function pendingInitContainers(pod: Pod): string[] {
  const statuses = pod.status?.initContainerStatuses ?? [];
  return (pod.spec?.initContainers ?? [])
    .filter((c) => {
      const cs = statuses.find((s) => s.name === c.name);
      if (c.restartPolicy === 'Always') return !cs?.started;
      return cs?.state?.terminated?.exitCode !== 0;
    })
    .map((c) => c.name);
}

/** getPhase: the pod phase from its containers' states and restart policy. */
export function computePhase(pod: Pod): Phase {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const initPending = pendingInitContainers(pod);
  if (initPending.length > 0) {
    // A failed init container with restartPolicy Never fails the pod.
    const failedInit = (pod.status?.initContainerStatuses ?? []).some((s) => s.state?.terminated && s.state.terminated.exitCode !== 0);
    return failedInit && policy === 'Never' ? 'Failed' : 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of pod.spec?.containers ?? []) {
    const cs = pod.status?.containerStatuses?.find((s) => s.name === c.name);
    if (!cs) {
      waiting++;
      continue;
    }
    if (cs.state?.running) running++;
    else if (hasStopped(cs)) {
      stopped++;
      if (exitedOk(cs) && cs.state?.terminated) succeeded++;
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    // OnFailure: failed containers restart; the pod is Running until they all succeed.
    const allTerminated = (pod.status?.containerStatuses ?? []).every((cs) => cs.state?.terminated);
    return allTerminated && stopped === succeeded ? 'Succeeded' : 'Running';
  }
  return 'Pending';
}

/**
 * Recomputes phase and the kubelet's conditions after container statuses changed. `at` is the
 * current time in RFC 3339.
 */
export function refreshPodStatus(pod: Pod & { status: MPodStatus }, at: string, generation?: number): void {
  const status = pod.status;
  const stamped: MPodStatus & { observedGeneration?: number } = status;
  if (generation !== undefined) stamped.observedGeneration = generation;
  const phase = isTerminalPhase(status.phase) ? (status.phase as Phase) : computePhase(pod);
  status.phase = phase;
  const sandboxReady = Boolean(status.podIP) && !isTerminalPhase(phase);
  setCondition(status, condition('PodReadyToStartContainers', sandboxReady ? 'True' : 'False', at));
  const initPending = pendingInitContainers(pod);
  if (phase === 'Succeeded' || phase === 'Failed') {
    const completed = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    setCondition(status, condition('Initialized', initPending.length ? 'False' : 'True', at, initPending.length ? 'ContainersNotInitialized' : completed, initPending.length ? `containers with incomplete status: [${initPending.join(' ')}]` : undefined));
    setCondition(status, condition('Ready', 'False', at, completed));
    setCondition(status, condition('ContainersReady', 'False', at, completed));
  } else {
    if (initPending.length) {
      setCondition(status, condition('Initialized', 'False', at, 'ContainersNotInitialized', `containers with incomplete status: [${initPending.join(' ')}]`));
    } else {
      setCondition(status, condition('Initialized', 'True', at));
    }
    const unready = (pod.spec?.containers ?? [])
      .filter((c) => !status.containerStatuses?.find((s) => s.name === c.name)?.ready)
      .map((c) => c.name);
    const unreadyInit = (pod.spec?.initContainers ?? [])
      .filter((c) => c.restartPolicy === 'Always' && !status.initContainerStatuses?.find((s) => s.name === c.name)?.ready)
      .map((c) => c.name);
    const allUnready = [...unreadyInit, ...unready];
    if (allUnready.length) {
      const message = `containers with unready status: [${allUnready.join(' ')}]`;
      setCondition(status, condition('Ready', 'False', at, 'ContainersNotReady', message));
      setCondition(status, condition('ContainersReady', 'False', at, 'ContainersNotReady', message));
    } else {
      setCondition(status, condition('Ready', 'True', at));
      setCondition(status, condition('ContainersReady', 'True', at));
    }
  }
  // A pod created with spec.nodeName never met the scheduler: the kubelet reports it scheduled.
  if (!status.conditions?.some((c) => c.type === 'PodScheduled')) setCondition(status, condition('PodScheduled', 'True', at));
  if (generation !== undefined) {
    for (const c of status.conditions ?? []) {
      if (KUBELET_CONDITIONS.includes(c.type)) (c as Mutable<PodCondition> & { observedGeneration?: number }).observedGeneration = generation;
    }
  }
  orderConditions(status);
}

/** The status of a container the kubelet has not created yet. */
export function waitingStatus(name: string, image: string, reason: string): MContainerStatus {
  return {
    name,
    image,
    imageID: '',
    lastState: {},
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { reason } },
  };
}
