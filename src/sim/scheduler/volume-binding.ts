/**
 * The scheduler's volume checks (upstream's VolumeBinding and VolumeRestrictions plugins): a pod
 * whose claim is bound to a node-affine PV can only go to a node that PV's nodeAffinity allows.
 */
import type { PersistentVolume, Pod } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import type { KubeObject, Stored } from '../apiserver/types.ts';
import { nodeSelectorTermsMatch } from './node-affinity.ts';

export interface VolumeFit {
  fits: boolean;
  /** The FailedScheduling reason fragment, e.g. `node(s) had volume node affinity conflict`. */
  reason?: string;
}

export function volumesFit(api: Store, pod: Stored<Pod & KubeObject>, node: Stored): VolumeFit {
  const ns = pod.metadata?.namespace;
  for (const v of pod.spec?.volumes ?? []) {
    if (!v.persistentVolumeClaim) continue;
    const claim = api.tryGet('PersistentVolumeClaim', ns, v.persistentVolumeClaim.claimName);
    if (!claim) continue;
    const pvName: string | undefined = claim.spec?.volumeName;
    if (!pvName) continue;
    const pv = api.tryGet<PersistentVolume & KubeObject>('PersistentVolume', undefined, pvName);
    const terms = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    if (terms && !nodeSelectorTermsMatch(terms, node)) {
      return { fits: false, reason: 'node(s) had volume node affinity conflict' };
    }
  }
  return { fits: true };
}
