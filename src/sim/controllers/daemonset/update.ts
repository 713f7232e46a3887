/**
 * The DaemonSet rolling update (pkg/controller/daemon/update.go rollingUpdate): without surge,
 * delete old pods while fewer than maxUnavailable nodes are unavailable (the manage step then
 * creates the replacements); with surge, create a new pod beside an old one on up to maxSurge
 * nodes and delete the old one once the new one is available. Also the revision history.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { K8s } from '../../apiserver/types.ts';
import type { ControllerContext } from '../controller.ts';
import {
  createRevision,
  isSameRevisionData,
  listRevisions,
  nextRevisionNumber,
  renumberRevision,
  templatePatch,
  truncateHistory,
  type StoredRevision,
} from '../history.ts';
import { controllerRef } from '../ownership.ts';
import { isPodAvailable, isPodTerminating, type StoredPod } from '../pod-status.ts';
import { HASH_LABEL, isPodUpdated, scaledValue, surgeValue, type StoredDaemonSet } from './predicates.ts';

export interface RollingPlan {
  deletePods: StoredPod[];
  createOnNodes: string[];
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok. */
export function splitPodsOnNode(pods: StoredPod[], hash: string, generation: string | undefined): { newPod?: StoredPod; oldPod?: StoredPod; ok: boolean } {
  let newPod: StoredPod | undefined;
  let oldPod: StoredPod | undefined;
  for (const pod of pods) {
    if (isPodTerminating(pod)) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** rollingUpdate over the nodes that should run a pod, in node-name order. */
export function planRollingUpdate(
  ds: StoredDaemonSet,
  nodeToPods: Map<string, StoredPod[]>,
  desired: number,
  hash: string,
  generation: string | undefined,
  now: number,
): RollingPlan & { maxSurge: number; maxUnavailable: number } {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let maxSurge = scaledValue(surgeValue(ds), desired, true);
  let maxUnavailable = scaledValue(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  const nodes = [...nodeToPods.keys()].sort();
  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: StoredPod[] = [];
    const candidates: StoredPod[] = [];
    for (const node of nodes) {
      const { newPod, oldPod, ok } = splitPodsOnNode(nodeToPods.get(node)!, hash, generation);
      if (!ok) continue;
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!isPodAvailable(newPod, minReady, now)) numUnavailable++;
      } else if (!isPodAvailable(oldPod!, minReady, now)) allowed.push(oldPod!);
      else if (numUnavailable >= maxUnavailable) continue;
      else candidates.push(oldPod!);
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return { deletePods: [...allowed, ...candidates.slice(0, remaining)], createOnNodes: [], maxSurge, maxUnavailable };
  }
  let numSurge = 0;
  const createOnNodes: string[] = [];
  const deletePods: StoredPod[] = [];
  for (const node of nodes) {
    const { newPod, oldPod, ok } = splitPodsOnNode(nodeToPods.get(node)!, hash, generation);
    if (!ok || !oldPod) continue;
    if (!newPod) {
      if (!isPodAvailable(oldPod, minReady, now)) createOnNodes.push(node);
      else if (numSurge < maxSurge) {
        numSurge++;
        createOnNodes.push(node);
      }
    } else if (!isPodAvailable(newPod, minReady, now)) numSurge++;
    else deletePods.push(oldPod);
  }
  maxUnavailable = Math.max(maxUnavailable, 0);
  return { deletePods, createOnNodes, maxSurge, maxUnavailable };
}

/**
 * constructHistory: the revision of the current template (created, or an old one renumbered as
 * the newest on rollback) and the hash pods carry.
 */
export function currentRevision(ctx: ControllerContext, ds: StoredDaemonSet): { hash: string; revision: StoredRevision; collisionCount: number } {
  const revisions = listRevisions(ctx.api, ds);
  const template = ds.spec!.template as PodTemplateSpec;
  const data = templatePatch(template);
  const equal = revisions.filter((r) => isSameRevisionData(r, { data }));
  const next = nextRevisionNumber(revisions);
  if (equal.length > 0) {
    const cur = equal[equal.length - 1]!;
    const renumbered = cur.revision < next - 1 ? renumberRevision(ctx.api, cur, next) : cur;
    return { hash: renumbered.metadata.labels?.[HASH_LABEL] ?? '', revision: renumbered, collisionCount: ds.status?.collisionCount ?? 0 };
  }
  const collision = ds.status?.collisionCount ?? 0;
  const rev: K8s<ControllerRevision> = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      namespace: ds.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(ds)],
    },
    data,
    revision: next,
  };
  const made = createRevision(ctx.api, ds, rev, collision, HASH_LABEL);
  return { hash: made.revision.metadata.labels?.[HASH_LABEL] ?? '', revision: made.revision, collisionCount: made.collisionCount };
}

/** cleanupHistory: keeps revisionHistoryLimit revisions that no pod runs. */
export function cleanupDaemonHistory(ctx: ControllerContext, ds: StoredDaemonSet, pods: StoredPod[], current: StoredRevision): void {
  const liveHashes = new Set(pods.map((p) => p.metadata.labels?.[HASH_LABEL]).filter(Boolean));
  const revisions = listRevisions(ctx.api, ds);
  const live = new Set<string>([current.metadata.name!]);
  for (const r of revisions) if (liveHashes.has(r.metadata.labels?.[HASH_LABEL])) live.add(r.metadata.name!);
  truncateHistory(ctx.api, revisions, live, ds.spec?.revisionHistoryLimit ?? 10);
}
