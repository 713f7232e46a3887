/**
 * The StatefulSet update algorithm (pkg/controller/statefulset/stateful_set_control.go):
 * resolve the current and update revisions, sort pods into replicas and condemned, create in
 * ordinal order (OrderedReady waits for each predecessor to be Running, Ready and available),
 * delete condemned pods from the highest ordinal, then roll one pod at a time from the top down
 * to the partition. Status is recomputed from the pods afterwards.
 */
import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../controller.ts';
import {
  createRevision,
  isSameRevisionData,
  listRevisions,
  newRevision,
  nextRevisionNumber,
  renumberRevision,
  templateOf,
  truncateHistory,
  type StoredRevision,
} from '../history.ts';
import { isPodAvailable, isPodFailed, isPodSucceeded, isPodTerminating, msUntilAvailable, type StoredPod } from '../pod-status.ts';
import {
  createStatefulPod,
  deleteStatefulPod,
  key,
  newStatefulSetPod,
  refOf,
  syncClaimOwners,
  updateStatefulPod,
} from './pod-control.ts';
import {
  allowsBurst,
  identityMatches,
  isCreated,
  isHealthy,
  isRunningAndReady,
  ordinalOf,
  podName,
  podRevision,
  replicaCount,
  startOrdinal,
  storageMatches,
  type StoredSet,
} from './predicates.ts';

/** Most pods created per sync (upstream's burst of 500 a sync); the rest follow a second later. */
export const MAX_CREATES_PER_SYNC = 500;

interface Revisions {
  current: StoredRevision;
  update: StoredRevision;
  collisionCount: number;
}

/** getStatefulSetRevisions: finds or creates the update revision; a rollback renumbers an old one. */
export function resolveRevisions(ctx: ControllerContext, set: StoredSet): Revisions {
  const revisions = listRevisions(ctx.api, set);
  let collisionCount = set.status?.collisionCount ?? 0;
  const labels = { ...(set.spec?.template?.metadata?.labels ?? {}) };
  const candidate = newRevision(set, set.spec!.template as PodTemplateSpec, nextRevisionNumber(revisions), labels);
  const equal = revisions.filter((r) => isSameRevisionData(r, candidate));
  let update: StoredRevision;
  if (equal.length > 0 && equal[equal.length - 1] === revisions[revisions.length - 1]) {
    update = equal[equal.length - 1]!;
  } else if (equal.length > 0) {
    update = renumberRevision(ctx.api, equal[equal.length - 1]!, candidate.revision);
  } else {
    const made = createRevision(ctx.api, set, candidate, collisionCount, 'controller.kubernetes.io/hash');
    update = made.revision;
    collisionCount = made.collisionCount;
  }
  const current = listRevisions(ctx.api, set).find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount };
}

/** A set whose template is the revision's (ApplyRevision). */
function applyRevision(set: StoredSet, rev: StoredRevision): StoredSet {
  return { ...set, spec: { ...set.spec!, template: templateOf(rev) } } as StoredSet;
}

/**
 * updateStatefulSet: one pass of the algorithm. Returns when it must wait; the watch events of
 * the pods it creates or deletes (and timers for minReadySeconds) bring it back.
 */
export function updateStatefulSet(ctx: ControllerContext, set: StoredSet, pods: StoredPod[], revs: Revisions): void {
  const currentSet = applyRevision(set, revs.current);
  const updateSet = applyRevision(set, revs.update);
  const start = startOrdinal(set);
  const count = replicaCount(set);
  const minReady = set.spec?.minReadySeconds ?? 0;
  const now = ctx.clock.now();
  const monotonic = !allowsBurst(set);
  const say = (m: string) => ctx.explain.add('statefulset', refOf(set), m);

  const replicas: (StoredPod | undefined)[] = new Array(count).fill(undefined);
  const condemned: StoredPod[] = [];
  for (const pod of pods) {
    const ord = ordinalOf(pod);
    if (ord >= start && ord < start + count) replicas[ord - start] = pod;
    else if (ord >= 0) condemned.push(pod);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  const firstUnhealthy = [...replicas, ...condemned].find((p) => p && !isHealthy(p));

  if (set.metadata.deletionTimestamp) return;

  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition;
  const rolling = (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  const versioned = (ordinal: number) => {
    const useCurrent =
      rolling &&
      ((partition === undefined && ordinal < (set.status?.currentReplicas ?? 0)) || (partition !== undefined && ordinal < partition));
    return useCurrent
      ? newStatefulSetPod(currentSet, currentSet.spec!.template as PodTemplateSpec, ordinal, revs.current.metadata.name!)
      : newStatefulSetPod(updateSet, updateSet.spec!.template as PodTemplateSpec, ordinal, revs.update.metadata.name!);
  };

  // Living replicas, in ordinal order.
  let created = 0;
  for (let i = 0; i < count; i++) {
    const ordinal = start + i;
    const pod = replicas[i];
    if (!pod) {
      if (created >= MAX_CREATES_PER_SYNC) {
        ctx.enqueueAfter(key(set), 1000);
        return;
      }
      if (createStatefulPod(ctx, set, versioned(ordinal))) created++;
      if (monotonic) return;
      continue;
    }
    syncClaimOwners(ctx, set, pod);
    if (isPodFailed(pod) || isPodSucceeded(pod)) {
      if (!isPodTerminating(pod)) {
        deleteStatefulPod(ctx, set, pod, `pod phase is ${pod.status?.phase}; it will be recreated`);
      }
      if (monotonic) return;
      continue;
    }
    if (!isCreated(pod)) {
      if (monotonic) {
        say(`waiting for ${pod.metadata.name} to be Running and Ready before creating ${podName(set, ordinal + 1)} (OrderedReady)`);
        return;
      }
      continue;
    }
    if (isPodTerminating(pod) && monotonic) {
      say(`waiting for ${pod.metadata.name} to finish terminating before going on (OrderedReady)`);
      return;
    }
    if (!isRunningAndReady(pod) && monotonic) {
      say(
        i + 1 < count
          ? `waiting for ${pod.metadata.name} to be Running and Ready before creating ${podName(set, ordinal + 1)} (OrderedReady)`
          : `waiting for ${pod.metadata.name} to be Running and Ready (OrderedReady)`,
      );
      return;
    }
    if (!isPodAvailable(pod, minReady, now) && monotonic) {
      const wait = msUntilAvailable(pod, minReady, now);
      if (wait !== undefined) ctx.enqueueAfter(key(set), wait);
      say(`waiting for ${pod.metadata.name} to be available for minReadySeconds ${minReady} (OrderedReady)`);
      return;
    }
    if (!identityMatches(set, pod) || !storageMatches(set, pod)) updateStatefulPod(ctx, set, pod);
  }

  // Condemned pods, highest ordinal first.
  for (const pod of condemned) {
    syncClaimOwners(ctx, set, pod);
    if (isPodTerminating(pod)) {
      if (monotonic) {
        say(`waiting for ${pod.metadata.name} to terminate before scaling down further (OrderedReady)`);
        return;
      }
      continue;
    }
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnhealthy) {
      say(`scale down blocked: ${firstUnhealthy?.metadata.name ?? pod.metadata.name} is not Running and Ready (OrderedReady)`);
      return;
    }
    if (!isPodAvailable(pod, minReady, now) && monotonic && pod !== firstUnhealthy) {
      const wait = msUntilAvailable(pod, minReady, now);
      if (wait !== undefined) ctx.enqueueAfter(key(set), wait);
      say(`scale down blocked: ${pod.metadata.name} is not yet available (minReadySeconds ${minReady})`);
      return;
    }
    deleteStatefulPod(ctx, set, pod, `ordinal ${ordinalOf(pod)} is beyond replicas ${count}`);
    if (monotonic) return;
  }

  if (!rolling) {
    const stale = replicas.filter((p) => p && podRevision(p) !== revs.update.metadata.name);
    if (stale.length) say(`OnDelete: ${stale.map((p) => p!.metadata.name).join(', ')} keep the old revision until deleted`);
    return;
  }
  const updateMin = partition ?? 0;
  for (let target = count - 1; target >= updateMin; target--) {
    const pod = replicas[target];
    if (!pod) return;
    if (podRevision(pod) !== revs.update.metadata.name && !isPodTerminating(pod)) {
      deleteStatefulPod(ctx, set, pod, `rolling update to revision ${revs.update.metadata.name}`);
      return;
    }
    if (!isHealthy(pod)) {
      say(`rolling update waiting for ${pod.metadata.name} to be Running and Ready`);
      return;
    }
  }
  if (updateMin > 0 && replicas.some((p, i) => p && i < updateMin && podRevision(p) !== revs.update.metadata.name)) {
    say(`${replicas.slice(0, updateMin).filter((p) => p && podRevision(p) !== revs.update.metadata.name).map((p) => p!.metadata.name).join(', ')} not updated: ordinal < partition ${updateMin}`);
  }
}

/** computeReplicaStatus + completeRollingUpdate + the revision fields. */
export function computeStatus(set: StoredSet, pods: StoredPod[], revs: Revisions, now: number): StatefulSetStatus {
  const minReady = set.spec?.minReadySeconds ?? 0;
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    currentRevision: revs.current.metadata.name,
    updateRevision: revs.update.metadata.name,
    collisionCount: revs.collisionCount,
  };
  const s = status as { -readonly [K in keyof StatefulSetStatus]: StatefulSetStatus[K] };
  for (const pod of pods) {
    if (!isCreated(pod)) continue;
    s.replicas!++;
    if (isRunningAndReady(pod)) {
      s.readyReplicas!++;
      if (isPodAvailable(pod, minReady, now)) s.availableReplicas!++;
    }
    if (!isPodTerminating(pod)) {
      if (podRevision(pod) === revs.current.metadata.name) s.currentReplicas!++;
      if (podRevision(pod) === revs.update.metadata.name) s.updatedReplicas!++;
    }
  }
  const rolling = (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  if (rolling && s.updatedReplicas === s.replicas && s.readyReplicas === s.replicas) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = s.updateRevision;
  }
  return status;
}

export function cleanupHistory(ctx: ControllerContext, set: StoredSet, pods: StoredPod[], status: StatefulSetStatus): void {
  const live = new Set<string>([status.currentRevision ?? '', status.updateRevision ?? '', ...pods.map(podRevision)]);
  truncateHistory(ctx.api, listRevisions(ctx.api, set), live, set.spec?.revisionHistoryLimit ?? 10);
}

