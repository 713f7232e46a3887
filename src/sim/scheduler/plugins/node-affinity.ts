/**
 * NodeAffinity: spec.nodeSelector and requiredDuringScheduling node affinity filter; the
 * preferred terms add their weights to the score (pkg/scheduler/framework/plugins/nodeaffinity).
 */
import { nodeSelectorTermMatches, nodeSelectorTermsMatch } from '../node-affinity.ts';
import { fail, type FilterPlugin, type ScorePlugin } from './plugin.ts';

export const nodeAffinity: FilterPlugin & ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  normalize: 'max',
  filter(pod, node) {
    const labels: Record<string, string> = node.metadata.labels ?? {};
    const selector = pod.spec?.nodeSelector ?? {};
    const selectorOk = Object.entries(selector).every(([k, v]) => labels[k] === v);
    const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    const affinityOk = !terms || nodeSelectorTermsMatch(terms, node);
    if (selectorOk && affinityOk) return undefined;
    return fail("node(s) didn't match Pod's node affinity/selector", true);
  },
  score(pod, node) {
    let total = 0;
    for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (p.weight && nodeSelectorTermMatches(p.preference, node)) total += p.weight;
    }
    return total;
  },
};
