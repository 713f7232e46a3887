/** NodePorts: a pod's hostPorts must be free on the node (pkg/scheduler/framework/plugins/nodeports). */
import { isHostPortConflict, podHostPorts } from '../pod-resources.ts';
import { fail, type FilterPlugin } from './plugin.ts';

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(pod, _node, info) {
    const wanted = podHostPorts(pod);
    if (wanted.length === 0) return undefined;
    for (const other of info.pods.values()) {
      if (other.ports.some((p) => wanted.some((w) => isHostPortConflict(p, w)))) {
        return fail("node(s) didn't have free ports for the requested pod ports", false);
      }
    }
    return undefined;
  },
};
