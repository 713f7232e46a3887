/**
 * VolumeBinding as a filter: claims must exist (PreFilter) and the node must satisfy the bound
 * volumes' node affinity (the fit itself is `volumesFit` from ../volume-binding.ts).
 */
import { volumesFit, volumesPreFilter } from '../volume-binding.ts';
import type { FilterPlugin, SchedPod, SchedulingContext } from './plugin.ts';

/**
 * The PreFilter message that rules out every node (a missing or terminating claim, an unbound
 * Immediate claim, a ReadWriteOncePod claim in use), else undefined.
 */
export function missingClaim(pod: SchedPod, ctx: SchedulingContext): string | undefined {
  return volumesPreFilter(ctx.api, pod);
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
