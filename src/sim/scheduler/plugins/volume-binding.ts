/**
 * VolumeBinding as a filter: claims must exist (PreFilter) and the node must satisfy the bound
 * volumes' node affinity (the fit itself is `volumesFit` from ../volume-binding.ts).
 */
import { volumesFit } from '../volume-binding.ts';
import type { FilterPlugin, SchedPod, SchedulingContext } from './plugin.ts';

/** The PreFilter message when a claim the pod uses does not exist, else undefined. */
export function missingClaim(pod: SchedPod, ctx: SchedulingContext): string | undefined {
  const ns = pod.metadata.namespace;
  for (const v of pod.spec?.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (claim && !ctx.api.tryGet('PersistentVolumeClaim', ns, claim)) return `persistentvolumeclaim "${claim}" not found`;
  }
  return undefined;
}

export const volumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  filter(pod, node, _info, ctx) {
    if (!pod.spec?.volumes?.some((v) => v.persistentVolumeClaim)) return undefined;
    const fit = volumesFit(ctx.api, pod, node);
    if (fit.fits) return undefined;
    return { reasons: [fit.reason ?? 'node(s) had volume node affinity conflict'], unresolvable: true };
  },
};
