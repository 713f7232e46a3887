/**
 * Whether a pod's volumes can be mounted on its node yet. The kubelet asks before it creates the
 * pod's containers; until then the pod stays ContainerCreating.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import type { K8s, Stored } from '../apiserver/types.ts';

export interface VolumeWait {
  /** Event reason the kubelet records while waiting (e.g. FailedMount, FailedAttachVolume). */
  reason: string;
  message: string;
}

/**
 * Returns undefined when every volume is ready to mount, or what the pod waits for. ConfigMap and
 * Secret volumes need their object to exist unless marked optional; claims must be Bound.
 */
export function podVolumesWait(api: Store, pod: Stored<K8s<Pod>>): VolumeWait | undefined {
  const ns = pod.metadata?.namespace;
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap && !v.configMap.optional && !api.tryGet('ConfigMap', ns, v.configMap.name ?? '')) {
      return { reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found` };
    }
    if (v.secret && !v.secret.optional && !api.tryGet('Secret', ns, v.secret.secretName ?? '')) {
      return { reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found` };
    }
    if (v.persistentVolumeClaim) {
      const claim = api.tryGet('PersistentVolumeClaim', ns, v.persistentVolumeClaim.claimName);
      if (!claim || claim.status?.phase !== 'Bound') {
        return {
          reason: 'FailedMount',
          message: `Unable to attach or mount volumes: unmounted volumes=[${v.name}], unattached volumes=[${v.name}]: timed out waiting for the condition`,
        };
      }
    }
  }
  return undefined;
}
