/**
 * ControllerRevisions: the template history of StatefulSets and DaemonSets
 * (pkg/controller/history/controller_history.go, and the `getPatch`/`newRevision` helpers of
 * stateful_set_utils.go and daemon/update.go). A revision stores a patch that restores the
 * template: `{"spec":{"template":{…,"$patch":"replace"}}}`, is named `<owner>-<hash>`, and carries
 * an increasing `.revision` number. Rolling back re-numbers the old revision as the newest.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import { clone, type K8s, type KubeObject, type Stored } from '../apiserver/types.ts';
import { fnv1a, safeEncode } from '../random.ts';
import { controllerRef, isControlledBy } from './ownership.ts';

export type StoredRevision = Stored<K8s<ControllerRevision>>;

/** JSON with object keys sorted: a stable input for hashing. */
export function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** controller.ComputeHash: a hash of the template, salted with the collision count. */
export function computeHash(value: unknown, collisionCount?: number): string {
  let h = fnv1a(canonicalJSON(value));
  if (collisionCount !== undefined && collisionCount !== 0) h = fnv1a(String(collisionCount), h);
  return safeEncode(h);
}

/** The patch a revision stores for a template. */
export function templatePatch(template: PodTemplateSpec | Readonly<PodTemplateSpec>): Record<string, unknown> {
  return { spec: { template: { ...clone(template), $patch: 'replace' } } };
}

/** The template a revision restores. */
export function templateOf(rev: StoredRevision): PodTemplateSpec {
  const t = clone((rev.data as { spec?: { template?: Record<string, unknown> } })?.spec?.template ?? {});
  delete t.$patch;
  return t as PodTemplateSpec;
}

/** The owner's revisions, oldest first (history.SortControllerRevisions). */
export function listRevisions(api: Store, owner: Stored): StoredRevision[] {
  return (api.list('ControllerRevision', { namespace: owner.metadata.namespace }) as StoredRevision[])
    .filter((r) => isControlledBy(r, owner))
    .sort((a, b) => a.revision - b.revision || (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

export function nextRevisionNumber(revisions: readonly StoredRevision[]): number {
  return revisions.length === 0 ? 1 : revisions[revisions.length - 1]!.revision + 1;
}

/** A revision object (not yet stored) for the owner's current template. */
export function newRevision(owner: Stored, template: PodTemplateSpec, revision: number, labels: Record<string, string>): K8s<ControllerRevision> {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      namespace: owner.metadata.namespace,
      labels: { ...labels },
      // Upstream copies the owner's annotations (kubernetes.io/change-cause shows in rollout history).
      ...(owner.metadata.annotations ? { annotations: { ...owner.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    data: templatePatch(template),
    revision,
  };
}

export function isSameRevisionData(a: { data?: unknown }, b: { data?: unknown }): boolean {
  return canonicalJSON(a.data) === canonicalJSON(b.data);
}

/**
 * history.CreateControllerRevision: names the revision `<owner>-<hash>`; on a name clash with
 * different data, bumps the collision count and tries again. With `hashLabel`, the hash is also
 * written to that label (DaemonSets: `controller-revision-hash`). Returns the stored revision and
 * the collision count used.
 */
export function createRevision(
  api: Store,
  owner: Stored,
  rev: K8s<ControllerRevision>,
  collisionCount: number,
  hashLabel?: string,
): { revision: StoredRevision; collisionCount: number } {
  for (let count = collisionCount; ; count++) {
    const hash = computeHash(rev.data, count);
    const name = `${owner.metadata.name}-${hash}`;
    const existing = api.tryGet('ControllerRevision', owner.metadata.namespace, name) as StoredRevision | undefined;
    if (existing) {
      if (isControlledBy(existing, owner) && isSameRevisionData(existing, rev)) {
        return { revision: existing, collisionCount: count };
      }
      continue;
    }
    const labels = hashLabel ? { ...(rev.metadata.labels ?? {}), [hashLabel]: hash } : rev.metadata.labels;
    const obj: KubeObject = { ...rev, metadata: { ...rev.metadata, name, ...(labels ? { labels } : {}) } };
    return { revision: api.create(obj) as StoredRevision, collisionCount: count };
  }
}

/** history.UpdateControllerRevision: gives an existing revision a new number (a rollback). */
export function renumberRevision(api: Store, rev: StoredRevision, revision: number): StoredRevision {
  if (rev.revision === revision) return rev;
  return api.mutate<K8s<ControllerRevision>>('ControllerRevision', rev.metadata.namespace, rev.metadata.name!, (r) => {
    r.revision = revision;
  }) as StoredRevision;
}

/**
 * Deletes the oldest revisions beyond `limit`, never one in `live` (the current and update
 * revisions and any revision a pod still runs).
 */
export function truncateHistory(api: Store, revisions: readonly StoredRevision[], live: ReadonlySet<string>, limit: number): void {
  const old = revisions.filter((r) => !live.has(r.metadata.name!));
  const excess = old.length - Math.max(0, limit);
  for (let i = 0; i < excess; i++) {
    const r = old[i]!;
    api.delete('ControllerRevision', r.metadata.namespace, r.metadata.name!);
  }
}
