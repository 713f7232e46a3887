/**
 * How a Deployment moves replicas between its ReplicaSets (pkg/controller/deployment/rolling.go,
 * recreate.go, sync.go scale, util/deployment_util.go): surge and unavailability fenceposts
 * (maxSurge rounds up, maxUnavailable down), new-set scale-up, old-set clean-up and scale-down,
 * Recreate, and proportional scaling when replicas change mid-rollout.
 */
import { scaledValue } from '../daemonset/predicates.ts';
import type { StoredReplicaSet } from '../replicaset.ts';
import { byCreation, DESIRED_REPLICAS, type StoredDeployment } from './replica-sets.ts';

/** resolveFenceposts: [maxSurge, maxUnavailable]; both zero becomes unavailable 1. */
export function resolveFenceposts(d: StoredDeployment): [number, number] {
  if (d.spec?.strategy?.type === 'Recreate') return [0, 0];
  const desired = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(ru?.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, Math.min(unavailable, desired)];
}

const specReplicas = (rs: StoredReplicaSet) => rs.spec?.replicas ?? 0;
const available = (rs: StoredReplicaSet) => rs.status?.availableReplicas ?? 0;

/** The scale changes one step of a rolling update wants: new set first, then old sets. */
export interface ScalePlan {
  scale: Map<StoredReplicaSet, number>;
}

/** NewRSNewReplicas for RollingUpdate. */
export function newSetTarget(d: StoredDeployment, all: StoredReplicaSet[], newRS: StoredReplicaSet): number {
  const desired = d.spec?.replicas ?? 1;
  const [surge] = resolveFenceposts(d);
  const current = all.reduce((n, rs) => n + specReplicas(rs), 0);
  const maxTotal = desired + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, desired - specReplicas(newRS));
  return specReplicas(newRS) + up;
}

/**
 * reconcileOldReplicaSets: first scale down unhealthy old pods (cleanupUnhealthyReplicas), then
 * healthy ones while availability stays above replicas - maxUnavailable, oldest set first.
 */
export function oldSetTargets(d: StoredDeployment, all: StoredReplicaSet[], oldSets: StoredReplicaSet[], newRS: StoredReplicaSet | undefined): Map<StoredReplicaSet, number> {
  const out = new Map<StoredReplicaSet, number>();
  const oldCount = oldSets.reduce((n, rs) => n + specReplicas(rs), 0);
  if (oldCount === 0) return out;
  const desired = d.spec?.replicas ?? 1;
  const [, maxUnavailable] = resolveFenceposts(d);
  const allCount = all.reduce((n, rs) => n + specReplicas(rs), 0);
  const minAvailable = desired - maxUnavailable;
  const newUnavailable = newRS ? specReplicas(newRS) - available(newRS) : 0;
  const maxScaledDown = allCount - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return out;
  const sorted = [...oldSets].sort(byCreation);
  let cleaned = 0;
  const size = new Map(sorted.map((rs) => [rs, specReplicas(rs)]));
  for (const rs of sorted) {
    if (cleaned >= maxScaledDown) break;
    const cur = size.get(rs)!;
    if (cur === 0) continue;
    const unhealthy = cur - available(rs);
    if (unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    size.set(rs, cur - down);
    cleaned += down;
  }
  const availableAll = all.reduce((n, rs) => n + available(rs), 0);
  let remaining = maxScaledDown - cleaned;
  if (availableAll > minAvailable) {
    let total = Math.min(availableAll - minAvailable, remaining);
    for (const rs of sorted) {
      if (total <= 0) break;
      const cur = size.get(rs)!;
      if (cur === 0) continue;
      const down = Math.min(cur, total);
      size.set(rs, cur - down);
      total -= down;
      remaining -= down;
    }
  }
  for (const [rs, n] of size) if (n !== specReplicas(rs)) out.set(rs, n);
  return out;
}

/**
 * scale (sync.go): when replicas change during a rollout, spread the difference over the active
 * sets in proportion to their size (larger first; leftovers go to the first), bounded by
 * replicas + maxSurge.
 */
export function proportionalTargets(d: StoredDeployment, active: StoredReplicaSet[]): Map<StoredReplicaSet, number> {
  const out = new Map<StoredReplicaSet, number>();
  const desired = d.spec?.replicas ?? 1;
  const [surge] = resolveFenceposts(d);
  const total = active.reduce((n, rs) => n + specReplicas(rs), 0);
  const allowed = desired > 0 ? desired + surge : 0;
  const toAdd = allowed - total;
  if (toAdd === 0 || total === 0) return out;
  const sorted = [...active].sort((a, b) => (specReplicas(b) - specReplicas(a)) || (toAdd > 0 ? -byCreation(a, b) : byCreation(a, b)));
  let added = 0;
  const sizes = new Map<StoredReplicaSet, number>();
  for (const rs of sorted) {
    const annotated = Number(rs.metadata.annotations?.[DESIRED_REPLICAS] ?? total);
    const fraction = annotated > 0 ? Math.round((specReplicas(rs) * desired) / annotated) - specReplicas(rs) : 0;
    const share = toAdd > 0 ? Math.min(fraction, toAdd - added) : Math.max(fraction, toAdd - added);
    sizes.set(rs, specReplicas(rs) + share);
    added += share;
  }
  if (sorted.length) sizes.set(sorted[0]!, Math.max(0, sizes.get(sorted[0]!)! + (toAdd - added)));
  for (const [rs, n] of sizes) if (n !== specReplicas(rs)) out.set(rs, Math.max(0, n));
  return out;
}
