/**
 * The scheduler's volume checks: upstream's VolumeBinding plugin (pkg/scheduler/framework/plugins/
 * volumebinding: PreFilter, Filter, and the Reserve/PreBind step that binds WaitForFirstConsumer
 * claims on the chosen node) and the ReadWriteOncePod part of VolumeRestrictions.
 *
 * - PreFilter (`volumesPreFilter`): a missing or terminating claim, an unbound claim of an
 *   Immediate class, or a ReadWriteOncePod claim already in use make the pod unschedulable
 *   everywhere.
 * - Filter (`volumesFit`): bound volumes must allow the node (node affinity) and exist; unbound
 *   WaitForFirstConsumer claims need an Available volume reachable from the node, or a class that
 *   can provision there (a provisioner, allowedTopologies, the node already selected).
 * - Bind (`bindPodVolumes`): pre-binds the chosen volumes to their claims, or asks for
 *   provisioning with `volume.kubernetes.io/selected-node`; the pod is bound to the node once
 *   every claim is Bound.
 */
import type { PersistentVolumeClaim, Pod, TopologySelectorTerm } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Store } from '../apiserver/store.ts';
import type { K8s, KubeObject, Stored } from '../apiserver/types.ts';
import { ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, NO_PROVISIONER } from '../storage/constants.ts';
import { claimClass, findBestMatch, type PVC } from '../storage/pv-match.ts';
import type { PV } from '../storage/volume-identity.ts';
import { nodeSelectorTermsMatch } from './node-affinity.ts';

export interface VolumeFit {
  fits: boolean;
  /** The FailedScheduling reason fragment, e.g. `node(s) had volume node affinity conflict`. */
  reason?: string;
}

export const ERR_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_RWOP_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

type PodObj = Stored<Pod & KubeObject>;
type SC = Stored<K8s<StorageClass>>;

function podClaims(api: Store, pod: PodObj): { name: string; claim: PVC | undefined }[] {
  const ns = pod.metadata?.namespace;
  const out: { name: string; claim: PVC | undefined }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${pod.metadata.name}-${v.name}` : undefined);
    if (!name) continue;
    out.push({ name, claim: api.tryGet<K8s<PersistentVolumeClaim>>('PersistentVolumeClaim', ns, name) as PVC | undefined });
  }
  return out;
}

function isClaimBound(claim: PVC): boolean {
  return Boolean(claim.spec?.volumeName);
}

/** The claim waits for its first consumer: unbound, class WaitForFirstConsumer. */
function isDelayedBinding(api: Store, claim: PVC): boolean {
  const cls = claimClass(claim);
  if (!cls) return false;
  const sc = api.tryGet('StorageClass', undefined, cls) as SC | undefined;
  return sc?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** PreFilter: the message that makes every node unschedulable for this pod, or undefined. */
export function volumesPreFilter(api: Store, pod: PodObj): string | undefined {
  const claims = podClaims(api, pod);
  for (const { name, claim } of claims) {
    if (!claim) return `persistentvolumeclaim "${name}" not found`;
    if (claim.metadata.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
  }
  for (const { claim } of claims) {
    if (!isClaimBound(claim!) && !isDelayedBinding(api, claim!)) return ERR_UNBOUND_IMMEDIATE;
  }
  for (const { name, claim } of claims) {
    if (!(claim!.spec?.accessModes ?? []).includes('ReadWriteOncePod')) continue;
    const users = api.list('Pod', { namespace: pod.metadata.namespace }).filter(
      (p) =>
        p.metadata.uid !== pod.metadata.uid &&
        p.spec?.nodeName &&
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed' &&
        (p.spec?.volumes ?? []).some((v: { persistentVolumeClaim?: { claimName: string } }) => v.persistentVolumeClaim?.claimName === name),
    );
    if (users.length > 0) return ERR_RWOP_CONFLICT;
  }
  return undefined;
}

/** The class can create a volume reachable from this node (checkVolumeProvisions). */
function canProvisionOn(api: Store, claim: PVC, node: Stored): boolean {
  const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  if (selected) return selected === node.metadata.name;
  const sc = api.tryGet('StorageClass', undefined, claimClass(claim)) as SC | undefined;
  if (!sc || sc.provisioner === NO_PROVISIONER) return false;
  const topologies = sc.allowedTopologies ?? [];
  return topologies.length === 0 || topologyMatches(topologies, node);
}

function topologyMatches(terms: readonly TopologySelectorTerm[], node: Stored): boolean {
  const labels: Record<string, string> = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key] ?? '\0')));
}

/**
 * For each unbound WaitForFirstConsumer claim, the volume it would get on this node, or
 * 'provision', or undefined when the node cannot serve it.
 */
function placementOn(api: Store, pod: PodObj, node: Stored): Map<string, PV | 'provision'> | undefined {
  const chosen = new Set<string>();
  const out = new Map<string, PV | 'provision'>();
  let volumes: PV[] | undefined;
  for (const { claim } of podClaims(api, pod)) {
    if (!claim || isClaimBound(claim)) continue;
    volumes ??= api.list('PersistentVolume') as PV[];
    const pv = claim.metadata.annotations?.[ANN_SELECTED_NODE] ? undefined : findBestMatch(claim, volumes, { node, excluded: chosen });
    if (pv) {
      chosen.add(pv.metadata.name!);
      out.set(claim.metadata.name!, pv);
    } else if (canProvisionOn(api, claim, node)) {
      out.set(claim.metadata.name!, 'provision');
    } else {
      return undefined;
    }
  }
  return out;
}

export function volumesFit(api: Store, pod: PodObj, node: Stored): VolumeFit {
  for (const { claim } of podClaims(api, pod)) {
    if (!claim || !isClaimBound(claim)) continue;
    const pv = api.tryGet('PersistentVolume', undefined, claim.spec!.volumeName!) as PV | undefined;
    if (!pv) return { fits: false, reason: ERR_PV_NOT_EXIST };
    const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    if (terms && !nodeSelectorTermsMatch(terms, node)) return { fits: false, reason: ERR_NODE_CONFLICT };
  }
  if (!placementOn(api, pod, node)) return { fits: false, reason: ERR_BIND_CONFLICT };
  return { fits: true };
}

/**
 * Reserve + PreBind on the chosen node: pre-binds matched volumes (claimRef, as the PV
 * controller would) and marks claims to provision with the selected node. Returns true when
 * every claim of the pod is bound and the pod itself may be bound to the node.
 */
export function bindPodVolumes(api: Store, pod: PodObj, nodeName: string): boolean {
  const node = api.tryGet('Node', undefined, nodeName);
  if (!node) return false;
  const placement = placementOn(api, pod, node);
  if (!placement) return false;
  for (const [claimName, target] of placement) {
    const claim = api.tryGet('PersistentVolumeClaim', pod.metadata.namespace, claimName) as PVC | undefined;
    if (!claim) return false;
    if (target === 'provision') {
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE] !== nodeName) {
        api.mutate<KubeObject>('PersistentVolumeClaim', claim.metadata.namespace, claimName, (c) => {
          c.metadata.annotations = { ...c.metadata.annotations, [ANN_SELECTED_NODE]: nodeName };
        });
      }
      continue;
    }
    if (target.spec?.claimRef?.uid === claim.metadata.uid) continue;
    api.mutate<KubeObject>('PersistentVolume', undefined, target.metadata.name!, (v) => {
      const setByController = !v.spec.claimRef;
      v.spec.claimRef = {
        kind: 'PersistentVolumeClaim',
        namespace: claim.metadata.namespace,
        name: claimName,
        uid: claim.metadata.uid,
        apiVersion: 'v1',
        resourceVersion: claim.metadata.resourceVersion,
      };
      if (setByController) v.metadata.annotations = { ...v.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    });
  }
  return podClaims(api, pod).every(({ claim }) => claim !== undefined && claim.status?.phase === 'Bound');
}
