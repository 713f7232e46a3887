/**
 * PersistentVolumeClaim defaults: volumeMode Filesystem, phase Pending, the DefaultStorageClass
 * admission plugin (a claim with no storageClassName gets the default class; `""` means none),
 * and the `kubernetes.io/pvc-protection` finalizer.
 */
import { ANN_DEFAULT_CLASS, PVC_PROTECTION_FINALIZER } from '../../storage/constants.ts';
import { parseQuantity } from '../quantity.ts';
import type { StrategyContext } from '../strategy.ts';
import type { KubeObject, Stored } from '../types.ts';

/**
 * The default class: among classes annotated default, the newest wins, ties by name
 * (plugin/pkg/admission/storage/storageclass/setdefault, since v1.28 no longer an error).
 */
export function defaultStorageClass(classes: readonly Stored[]): Stored | undefined {
  const defaults = classes.filter((c) => c.metadata.annotations?.[ANN_DEFAULT_CLASS] === 'true' || c.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true');
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta > tb ? -1 : 1;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return defaults[0];
}

export function defaultPersistentVolumeClaim(pvc: KubeObject, ctx: StrategyContext): void {
  const spec = (pvc.spec ??= {});
  spec.volumeMode ??= 'Filesystem';
  if (spec.storageClassName === undefined || spec.storageClassName === null) {
    const cls = defaultStorageClass(ctx.list('StorageClass'));
    if (cls) spec.storageClassName = cls.metadata.name;
  }
  pvc.status = { phase: 'Pending' };
  const finalizers = pvc.metadata.finalizers ?? [];
  if (!finalizers.includes(PVC_PROTECTION_FINALIZER)) pvc.metadata.finalizers = [...finalizers, PVC_PROTECTION_FINALIZER];
}

/**
 * The PersistentVolumeClaimResize admission plugin: growing a bound claim needs a class with
 * allowVolumeExpansion (plugin/pkg/admission/storage/persistentvolume/resize/admission.go).
 * Returns the reason to forbid the update, or undefined.
 */
export function resizeForbidden(pvc: KubeObject, old: Stored, ctx: StrategyContext): string | undefined {
  if (old.status?.phase !== 'Bound') return undefined;
  const requested = parseQuantity(pvc.spec?.resources?.requests?.storage);
  const previous = parseQuantity(old.spec?.resources?.requests?.storage);
  if (requested === undefined || previous === undefined || requested <= previous) return undefined;
  const className = old.spec?.storageClassName;
  const cls = className ? ctx.list('StorageClass').find((c) => c.metadata.name === className) : undefined;
  if (!cls || cls.allowVolumeExpansion !== true) {
    return 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';
  }
  return undefined;
}
