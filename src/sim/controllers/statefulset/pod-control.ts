/**
 * Object operations of the StatefulSet controller (pkg/controller/statefulset/stateful_pod_control.go):
 * build a pod for an ordinal, create its claims and then the pod, update identity and storage,
 * delete, keep claim owner references in line with persistentVolumeClaimRetentionPolicy, and
 * record the events upstream records.
 */
import type { PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import { clone, type KubeObject, type OwnerReference, type Stored } from '../../apiserver/types.ts';
import type { ControllerContext } from '../controller.ts';
import { controllerRef } from '../ownership.ts';
import type { StoredPod } from '../pod-status.ts';
import {
  claimsFor,
  ordinalOf,
  podName,
  POD_INDEX_LABEL,
  POD_NAME_LABEL,
  REVISION_LABEL,
  startOrdinal,
  replicaCount,
  type StoredSet,
} from './predicates.ts';

const SOURCE = { component: 'statefulset-controller' };

/** newVersionedStatefulSetPod / newStatefulSetPod: a pod for `ordinal` from `template`. */
export function newStatefulSetPod(set: StoredSet, template: PodTemplateSpec, ordinal: number, revision: string): KubeObject {
  const t = clone(template);
  const name = podName(set, ordinal);
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ...(t.metadata?.finalizers ? { finalizers: [...t.metadata.finalizers] } : {}),
      ownerReferences: [controllerRef(set)],
    },
    spec: t.spec ?? { containers: [] },
  };
  updateIdentity(set, pod, ordinal);
  updateStorage(set, pod, ordinal);
  pod.metadata.labels![REVISION_LABEL] = revision;
  return pod;
}

function updateIdentity(set: StoredSet, pod: KubeObject, ordinal: number): void {
  const name = podName(set, ordinal);
  pod.metadata.name = name;
  pod.metadata.namespace = set.metadata.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) };
  pod.spec.hostname = name;
  if (set.spec?.serviceName) pod.spec.subdomain = set.spec.serviceName;
}

/** Claim volumes first, then the template's other volumes, as upstream's updateStorage. */
function updateStorage(set: StoredSet, pod: KubeObject, ordinal: number): void {
  const claims = claimsFor(set, ordinal);
  if (claims.size === 0) return;
  const volumes: Volume[] = [];
  for (const [name, claim] of claims) {
    volumes.push({ name, persistentVolumeClaim: { claimName: claim.metadata.name! } });
  }
  for (const v of (pod.spec.volumes ?? []) as Volume[]) if (!claims.has(v.name)) volumes.push(v);
  pod.spec.volumes = volumes;
}

/**
 * createPersistentVolumeClaims then the pod. A claim being deleted blocks the pod (upstream
 * returns an error and retries).
 */
export function createStatefulPod(ctx: ControllerContext, set: StoredSet, pod: KubeObject): boolean {
  const ordinal = ordinalOf(pod);
  for (const claim of claimsFor(set, ordinal).values()) {
    const existing = ctx.api.tryGet('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name!);
    if (existing) {
      if (existing.metadata.deletionTimestamp) {
        ctx.explain.add('statefulset', refOf(set), `waiting for claim ${claim.metadata.name} to finish deleting before creating ${pod.metadata.name}`);
        ctx.enqueueAfter(key(set), 1000);
        return false;
      }
      continue;
    }
    setClaimOwners(set, claim, undefined, false);
    ctx.api.create(claim);
    ctx.events.normal(set, 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`, SOURCE);
  }
  ctx.api.create(pod);
  ctx.events.normal(set, 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
  ctx.explain.add('statefulset', refOf(set), `created ${pod.metadata.name}`);
  return true;
}

export function deleteStatefulPod(ctx: ControllerContext, set: StoredSet, pod: StoredPod, why: string): void {
  ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name!, { uid: pod.metadata.uid });
  ctx.events.normal(set, 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
  ctx.explain.add('statefulset', refOf(set), `deleted ${pod.metadata.name}: ${why}`);
}

/** UpdateStatefulPod: restores the pod's identity labels and claim volumes. */
export function updateStatefulPod(ctx: ControllerContext, set: StoredSet, pod: StoredPod): void {
  const ordinal = ordinalOf(pod);
  ctx.api.mutate('Pod', pod.metadata.namespace, pod.metadata.name!, (p) => {
    const name = podName(set, ordinal);
    p.metadata.labels = { ...(p.metadata.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) };
  });
  ctx.events.normal(set, 'SuccessfulUpdate', `update Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
}

/**
 * updateClaimOwnerRefForSetAndPod: whenDeleted=Delete makes the set an owner of the claim;
 * whenScaled=Delete makes a condemned pod (ordinal beyond the replicas) its owner.
 */
export function setClaimOwners(set: StoredSet, claim: KubeObject, pod: StoredPod | undefined, condemned: boolean): void {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
  let refs: OwnerReference[] = [...(claim.metadata.ownerReferences ?? [])];
  const setRef = controllerRef(set);
  refs = refs.filter((r) => r.uid !== set.metadata.uid);
  if (policy?.whenDeleted === 'Delete') refs.push(setRef);
  if (pod) {
    refs = refs.filter((r) => r.uid !== pod.metadata.uid);
    if (policy?.whenScaled === 'Delete' && condemned) {
      refs.push({ apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name!, uid: pod.metadata.uid! });
    }
  }
  if (refs.length) claim.metadata.ownerReferences = refs;
  else delete claim.metadata.ownerReferences;
}

/** Brings the claims of a pod in line with the retention policy (no write when they already are). */
export function syncClaimOwners(ctx: ControllerContext, set: StoredSet, pod: StoredPod): void {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
  if ((policy?.whenDeleted ?? 'Retain') === 'Retain' && (policy?.whenScaled ?? 'Retain') === 'Retain') return;
  const ordinal = ordinalOf(pod);
  const start = startOrdinal(set);
  const condemned = ordinal < start || ordinal >= start + replicaCount(set);
  for (const claim of claimsFor(set, ordinal).values()) {
    const existing = ctx.api.tryGet('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name!);
    if (!existing || existing.metadata.deletionTimestamp) continue;
    const copy = clone(existing) as KubeObject;
    setClaimOwners(set, copy, pod, condemned);
    if (JSON.stringify(copy.metadata.ownerReferences ?? []) !== JSON.stringify(existing.metadata.ownerReferences ?? [])) {
      ctx.api.update(copy);
    }
  }
}

export function key(set: Stored): string {
  return `${set.metadata.namespace}/${set.metadata.name}`;
}

export function refOf(set: Stored): { kind: string; namespace?: string; name: string } {
  return { kind: 'StatefulSet', namespace: set.metadata.namespace, name: set.metadata.name! };
}

