/**
 * Generic ephemeral volumes: a pod volume with `ephemeral.volumeClaimTemplate` is backed by a
 * claim named `<pod>-<volume>`, created for and owned by the pod (k8s.io/component-helpers
 * storage/ephemeral VolumeClaimName).
 */
import type { Volume } from 'kubernetes-types/core/v1';

/** The claim behind a pod volume: its own claim, or the ephemeral one; undefined for other volumes. */
export function claimNameOf(podName: string, volume: Volume): string | undefined {
  if (volume.persistentVolumeClaim) return volume.persistentVolumeClaim.claimName;
  if (volume.ephemeral) return `${podName}-${volume.name}`;
  return undefined;
}
