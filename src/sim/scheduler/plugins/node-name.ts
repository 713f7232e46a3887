/** NodeName: a pod that names a node in spec.nodeName fits only there. */
import { fail, type FilterPlugin } from './plugin.ts';

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, node) {
    const wanted = pod.spec?.nodeName;
    if (!wanted || wanted === node.metadata.name) return undefined;
    return fail("node(s) didn't match the requested node name", true);
  },
};
