/**
 * PodTopologySpread scoring with the system default constraints (hostname, maxSkew 3,
 * ScheduleAnyway), which apply to pods that belong to a workload: nodes already running more
 * pods of the same owner score lower (pkg/scheduler/framework/plugins/podtopologyspread). The
 * owner's controller reference stands in for the selector upstream derives from services and
 * workloads.
 */
import { controllerOf } from '../../apiserver/types.ts';
import type { ScorePlugin } from './plugin.ts';

export const podTopologySpread: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  normalize: 'reverse',
  score(pod, _node, info) {
    const owner = controllerOf(pod)?.uid;
    if (!owner || pod.spec?.topologySpreadConstraints?.length) return 0;
    return info.owners.get(owner) ?? 0;
  },
};
