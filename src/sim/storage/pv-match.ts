/**
 * Which PersistentVolume a claim may bind to (pkg/controller/volume/persistentvolume/util
 * FindMatchingVolume, CheckVolumeSatisfyClaim): the smallest volume that satisfies the claim's
 * access modes, volume mode, class, selector, size and — when a node is known — node affinity.
 * A volume pre-bound to the claim (claimRef naming it) wins over everything else.
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { quantityValue } from '../apiserver/quantity.ts';
import { labelSelectorMatches } from '../apiserver/selectors.ts';
import type { K8s, Stored } from '../apiserver/types.ts';
import { nodeSelectorTermsMatch } from '../scheduler/node-affinity.ts';
import type { PV } from './volume-identity.ts';

export type PVC = Stored<K8s<PersistentVolumeClaim>>;

/** The storage quantity in a resource list (`{storage: "1Gi"}`), in bytes; 0 when absent. */
export function storageBytes(list: Readonly<Record<string, unknown>> | undefined): number {
  return quantityValue(list?.storage as string | undefined);
}

/** The claim's class: `spec.storageClassName`, or the legacy beta annotation. */
export function claimClass(claim: PVC): string {
  return claim.spec?.storageClassName ?? claim.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

export function volumeClass(pv: PV): string {
  return pv.spec?.storageClassName ?? pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

/** The claimRef names this claim, and either carries its uid or none yet (pre-bound by an admin). */
export function isVolumeBoundToClaim(pv: PV, claim: PVC): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== claim.metadata.name || (ref.namespace ?? 'default') !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** Every mode the claim asks for is one the volume offers. */
export function hasAccessModes(pv: PV, claim: PVC): boolean {
  const offered = pv.spec?.accessModes ?? [];
  return (claim.spec?.accessModes ?? []).every((m) => offered.includes(m));
}

function volumeModeOf(o: { spec?: { volumeMode?: string } }): string {
  return o.spec?.volumeMode ?? 'Filesystem';
}

export function isNodeAffinityMatch(pv: PV, node: Stored | undefined): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms || !node) return true;
  return nodeSelectorTermsMatch(terms, node);
}

/**
 * Why a volume named by the claim's `spec.volumeName` cannot serve it (the VolumeMismatch event
 * text), or undefined when it can.
 */
export function volumeMismatch(pv: PV, claim: PVC): string | undefined {
  if (storageBytes(pv.spec?.capacity) < storageBytes(claim.spec?.resources?.requests)) return 'requested PV is too small';
  if (volumeClass(pv) !== claimClass(claim)) return 'storageClassName does not match';
  if (volumeModeOf(pv) !== volumeModeOf(claim)) return 'incompatible volumeMode';
  if (!hasAccessModes(pv, claim)) return 'incompatible accessMode';
  return undefined;
}

/**
 * The best volume for an unbound claim. With `delayBinding` and no node (WaitForFirstConsumer
 * before scheduling) only a volume pre-bound to the claim is returned.
 */
export function findBestMatch(
  claim: PVC,
  volumes: readonly PV[],
  opts: { node?: Stored; delayBinding?: boolean; excluded?: ReadonlySet<string> } = {},
): PV | undefined {
  const requested = storageBytes(claim.spec?.resources?.requests);
  const cls = claimClass(claim);
  let best: PV | undefined;
  let bestSize = Infinity;
  for (const pv of volumes) {
    if (pv.metadata.deletionTimestamp) continue;
    if (!hasAccessModes(pv, claim)) continue;
    if (volumeModeOf(pv) !== volumeModeOf(claim)) continue;
    const size = storageBytes(pv.spec?.capacity);
    const affinityOk = isNodeAffinityMatch(pv, opts.node);
    if (isVolumeBoundToClaim(pv, claim)) {
      if (size < requested) continue;
      if (affinityOk) return pv;
      continue;
    }
    if (!opts.node && opts.delayBinding) continue;
    if (pv.spec?.claimRef) continue;
    if (claim.spec?.selector && !labelSelectorMatches(claim.spec.selector, pv.metadata.labels)) continue;
    if (volumeClass(pv) !== cls) continue;
    if (!affinityOk) continue;
    if (opts.excluded?.has(pv.metadata.name ?? '')) continue;
    if (size >= requested && size < bestSize) {
      best = pv;
      bestSize = size;
    }
  }
  return best;
}

/**
 * Why a volume is not a candidate for an unbound claim, in words for the explanation log
 * (`pv-a: too small (1Gi < 2Gi)`), or undefined when it is one.
 */
export function whyNotCandidate(pv: PV, claim: PVC, node?: Stored): string | undefined {
  const name = pv.metadata.name;
  if (pv.metadata.deletionTimestamp) return `${name}: being deleted`;
  const ref = pv.spec?.claimRef;
  if (ref && !isVolumeBoundToClaim(pv, claim)) {
    const phase = pv.status?.phase === 'Released' ? ' (Released: remove its claimRef to reuse it)' : '';
    return `${name}: claimed by ${ref.namespace ?? 'default'}/${ref.name}${phase}`;
  }
  if (volumeClass(pv) !== claimClass(claim)) return `${name}: storageClassName "${volumeClass(pv)}" is not "${claimClass(claim)}"`;
  if (!hasAccessModes(pv, claim)) return `${name}: access modes ${(pv.spec?.accessModes ?? []).join(',')} lack ${(claim.spec?.accessModes ?? []).join(',')}`;
  if (volumeModeOf(pv) !== volumeModeOf(claim)) return `${name}: volumeMode ${volumeModeOf(pv)} is not ${volumeModeOf(claim)}`;
  const size = pv.spec?.capacity?.storage;
  const wanted = claim.spec?.resources?.requests?.storage;
  if (storageBytes(pv.spec?.capacity) < storageBytes(claim.spec?.resources?.requests)) return `${name}: too small (${size} < ${wanted})`;
  if (claim.spec?.selector && !labelSelectorMatches(claim.spec.selector, pv.metadata.labels)) return `${name}: labels do not match the claim's selector`;
  if (!isNodeAffinityMatch(pv, node)) return `${name}: not reachable from ${node?.metadata.name}`;
  return undefined;
}
