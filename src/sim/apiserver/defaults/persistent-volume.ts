/**
 * PersistentVolume defaults: v1 defaulting (reclaim policy Retain, volumeMode Filesystem), the
 * registry's PrepareForCreate (phase Pending), and the StorageObjectInUseProtection admission
 * plugin's `kubernetes.io/pv-protection` finalizer.
 */
import { toRFC3339 } from '../../clock.ts';
import { PV_PROTECTION_FINALIZER } from '../../storage/constants.ts';
import type { StrategyContext } from '../strategy.ts';
import type { KubeObject } from '../types.ts';

export function defaultPersistentVolume(pv: KubeObject, ctx: StrategyContext): void {
  const spec = (pv.spec ??= {});
  spec.persistentVolumeReclaimPolicy ??= 'Retain';
  spec.volumeMode ??= 'Filesystem';
  if (spec.hostPath) spec.hostPath.type ??= '';
  pv.status = { phase: 'Pending', lastPhaseTransitionTime: toRFC3339(ctx.now) };
  const finalizers = pv.metadata.finalizers ?? [];
  if (!finalizers.includes(PV_PROTECTION_FINALIZER)) pv.metadata.finalizers = [...finalizers, PV_PROTECTION_FINALIZER];
}

/** Status writes stamp lastPhaseTransitionTime when the phase moves (PersistentVolumeLastPhaseTransitionTime, GA in v1.31). */
export function defaultPersistentVolumeOnUpdate(pv: KubeObject, old: KubeObject, ctx: StrategyContext): void {
  if (pv.status?.phase && pv.status.phase !== old.status?.phase) {
    pv.status = { ...pv.status, lastPhaseTransitionTime: toRFC3339(ctx.now) };
  }
}
