/**
 * Owner references between workloads and what they create, and the adopt/release step of
 * upstream's ControllerRefManager (pkg/controller/controller_ref_manager.go): an orphan that
 * matches a controller's selector is adopted; an owned object that no longer matches is released.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Store } from '../apiserver/store.ts';
import { labelSelectorMatches } from '../apiserver/selectors.ts';
import { controllerOf, type KubeObject, type OwnerReference, type Stored, type WatchEvent } from '../apiserver/types.ts';

/** metav1.NewControllerRef: controller and blockOwnerDeletion set. */
export function controllerRef(owner: Stored): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isControlledBy(obj: Stored | KubeObject, owner: Stored): boolean {
  return controllerOf(obj)?.uid === owner.metadata.uid;
}

/**
 * Lists the objects of `kind` in the owner's namespace that belong to it: those it controls and
 * still match, plus matching orphans, which it adopts. Owned objects that stopped matching are
 * released. A controller being deleted adopts nothing.
 */
export function claimObjects(
  api: Store,
  kind: string,
  owner: Stored,
  selector: Readonly<LabelSelector> | undefined,
  filter: (obj: Stored) => boolean = () => true,
  index?: OwnerIndex,
): Stored[] {
  const out: Stored[] = [];
  const candidates = index ? index.candidates(api, owner) : api.list(kind, { namespace: owner.metadata.namespace });
  for (const obj of candidates) {
    const ref = controllerOf(obj);
    const matches = labelSelectorMatches(selector, obj.metadata.labels) && filter(obj);
    if (ref?.uid === owner.metadata.uid) {
      if (matches) {
        out.push(obj);
      } else if (!obj.metadata.deletionTimestamp) {
        api.mutate(kind, obj.metadata.namespace, obj.metadata.name!, (o) => {
          o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
          if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
        });
      }
      continue;
    }
    if (ref || !matches || obj.metadata.deletionTimestamp || owner.metadata.deletionTimestamp) continue;
    out.push(
      api.mutate(kind, obj.metadata.namespace, obj.metadata.name!, (o) => {
        o.metadata.ownerReferences = [...(o.metadata.ownerReferences ?? []), controllerRef(owner)];
      }),
    );
  }
  return out;
}

/** The namespace/name keys of the controllers of `kind` whose selector matches an orphan's labels. */
export function selectingOwners(
  api: Store,
  kind: string,
  obj: Stored,
  selectorOf: (owner: Stored) => Readonly<LabelSelector> | undefined,
): Stored[] {
  if (!obj.metadata.labels) return [];
  return api
    .list(kind, { namespace: obj.metadata.namespace })
    .filter((o) => labelSelectorMatches(selectorOf(o), obj.metadata.labels));
}

/**
 * Which objects of one kind each controller owns, kept from watch events (an informer's owner
 * index): a controller reads its own pods instead of listing the namespace on every sync. After a
 * restore every object is seen again as ADDED; entries for objects that are gone are skipped.
 */
export class OwnerIndex {
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly ownerOfKey = new Map<string, string>();
  private readonly orphans = new Map<string, Set<string>>();

  constructor(readonly kind: string) {}

  observe(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind !== this.kind) return;
    const ns = obj.metadata.namespace ?? '';
    const key = `${ns}/${obj.metadata.name}`;
    const prev = this.ownerOfKey.get(key);
    if (prev !== undefined) {
      this.byOwner.get(prev)?.delete(key);
      this.ownerOfKey.delete(key);
    }
    this.orphans.get(ns)?.delete(obj.metadata.name!);
    if (ev.type === 'DELETED') return;
    const ref = controllerOf(obj);
    if (ref) {
      let set = this.byOwner.get(ref.uid);
      if (!set) this.byOwner.set(ref.uid, (set = new Set()));
      set.add(key);
      this.ownerOfKey.set(key, ref.uid);
    } else {
      let set = this.orphans.get(ns);
      if (!set) this.orphans.set(ns, (set = new Set()));
      set.add(obj.metadata.name!);
    }
  }

  /** How many objects the owner controls. */
  count(ownerUid: string): number {
    return this.byOwner.get(ownerUid)?.size ?? 0;
  }

  /** The owner's objects and the namespace's orphans, sorted by name as a list would be. */
  candidates(api: Store, owner: Stored): Stored[] {
    const out: Stored[] = [];
    const ns = owner.metadata.namespace;
    for (const key of this.byOwner.get(owner.metadata.uid!) ?? []) {
      const obj = api.tryGet(this.kind, ns, key.slice(key.indexOf('/') + 1));
      if (obj && controllerOf(obj)?.uid === owner.metadata.uid) out.push(obj);
    }
    for (const name of this.orphans.get(ns ?? '') ?? []) {
      const obj = api.tryGet(this.kind, ns, name);
      if (obj && !controllerOf(obj)) out.push(obj);
    }
    return out.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
  }
}

/**
 * Whether a pod change can matter to its workload controller: created or deleted, or a change of
 * phase, readiness, deletion, labels, owners or finalizers (status churn such as container
 * state messages cannot change a controller's decision).
 */
export function isRelevantPodChange(ev: WatchEvent): boolean {
  if (ev.type !== 'MODIFIED' || !ev.old) return true;
  return podSignature(ev.old) !== podSignature(ev.object);
}

/** Signatures of stored (frozen, so unchanging) pods: every controller asks about the same event. */
const signatures = new WeakMap<Stored, string>();

function podSignature(p: Stored): string {
  const known = signatures.get(p);
  if (known !== undefined) return known;
  const signature = computePodSignature(p);
  if (Object.isFrozen(p)) signatures.set(p, signature);
  return signature;
}

function computePodSignature(p: Stored): string {
  const ready = p.status?.conditions?.find((c: { type: string }) => c.type === 'Ready');
  const containers = (p.status?.containerStatuses ?? []).map(
    (c: { restartCount?: number; state?: { terminated?: { exitCode?: number } } }) => `${c.restartCount ?? 0}:${c.state?.terminated?.exitCode ?? ''}`,
  );
  return JSON.stringify([
    p.status?.phase,
    ready?.status,
    ready?.lastTransitionTime,
    p.metadata.deletionTimestamp,
    p.spec?.nodeName,
    p.metadata.labels,
    p.metadata.annotations,
    (p.metadata.ownerReferences ?? []).map((r: OwnerReference) => r.uid),
    p.metadata.finalizers,
    containers,
    p.status?.conditions?.filter((c: { type: string }) => c.type === 'DisruptionTarget').map((c: { status: string }) => c.status),
  ]);
}

/**
 * Whether a change to a controller's own object needs a sync: anything but a status-only write
 * (the controller's own status updates would otherwise re-queue it at once, every round).
 */
export function isSpecOrMetaChange(ev: WatchEvent): boolean {
  if (ev.type !== 'MODIFIED' || !ev.old) return true;
  const a = ev.old;
  const b = ev.object;
  return (
    a.metadata.generation !== b.metadata.generation ||
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp ||
    JSON.stringify([a.metadata.labels, a.metadata.annotations, a.metadata.ownerReferences, a.metadata.finalizers]) !==
      JSON.stringify([b.metadata.labels, b.metadata.annotations, b.metadata.ownerReferences, b.metadata.finalizers])
  );
}
