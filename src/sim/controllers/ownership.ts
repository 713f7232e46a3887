/**
 * Owner references between workloads and what they create, and the adopt/release step of
 * upstream's ControllerRefManager (pkg/controller/controller_ref_manager.go): an orphan that
 * matches a controller's selector is adopted; an owned object that no longer matches is released.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Store } from '../apiserver/store.ts';
import { labelSelectorMatches } from '../apiserver/selectors.ts';
import { controllerOf, type KubeObject, type OwnerReference, type Stored } from '../apiserver/types.ts';

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
): Stored[] {
  const out: Stored[] = [];
  for (const obj of api.list(kind, { namespace: owner.metadata.namespace })) {
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
