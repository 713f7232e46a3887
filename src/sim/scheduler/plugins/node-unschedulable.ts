/**
 * NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the
 * `node.kubernetes.io/unschedulable:NoSchedule` taint (pkg/scheduler/framework/plugins/nodeunschedulable).
 */
import { isTolerated } from './taint-toleration.ts';
import { fail, type FilterPlugin } from './plugin.ts';

export const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, node) {
    if (!node.spec?.unschedulable) return undefined;
    if (isTolerated(pod.spec?.tolerations ?? [], UNSCHEDULABLE_TAINT)) return undefined;
    return fail('node(s) were unschedulable', true);
  },
};
