/**
 * Builds a daemon pod (util.CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity): the
 * template with the hash and generation labels, the standard daemon tolerations, and required
 * node affinity pinning it to one node by `metadata.name`.
 */
import type { NodeSelectorTerm, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import { clone, type KubeObject } from '../../apiserver/types.ts';
import { controllerRef } from '../ownership.ts';
import { HASH_LABEL, TEMPLATE_GENERATION_LABEL, type StoredDaemonSet } from './predicates.ts';

/** util.AddOrUpdateDaemonPodTolerations, in upstream's order. */
export function daemonTolerations(template: PodTemplateSpec): Toleration[] {
  const out: Toleration[] = [...(template.spec?.tolerations ?? [])].map((t) => ({ ...t }));
  const add = (key: string, effect: 'NoExecute' | 'NoSchedule') => {
    // v1helper.AddOrUpdateTolerationInPodSpec: a toleration matching key, operator, value and effect is replaced.
    const existing = out.findIndex((t) => t.key === key && t.effect === effect && t.operator === 'Exists' && !t.value);
    const t: Toleration = { key, operator: 'Exists', effect };
    if (existing >= 0) out[existing] = t;
    else out.push(t);
  };
  add('node.kubernetes.io/not-ready', 'NoExecute');
  add('node.kubernetes.io/unreachable', 'NoExecute');
  add('node.kubernetes.io/disk-pressure', 'NoSchedule');
  add('node.kubernetes.io/memory-pressure', 'NoSchedule');
  add('node.kubernetes.io/pid-pressure', 'NoSchedule');
  add('node.kubernetes.io/unschedulable', 'NoSchedule');
  if (template.spec?.hostNetwork) add('node.kubernetes.io/network-unavailable', 'NoSchedule');
  return out;
}

function pinTerms(existing: readonly NodeSelectorTerm[] | undefined, node: string): NodeSelectorTerm[] {
  const field = { key: 'metadata.name', operator: 'In', values: [node] };
  if (!existing || existing.length === 0) return [{ matchFields: [field] }];
  return existing.map((t) => ({ ...clone(t), matchFields: [field] }));
}

export function newDaemonPod(ds: StoredDaemonSet, template: PodTemplateSpec, node: string, hash: string, generation: string | undefined): KubeObject {
  const t = clone(template);
  const spec = (t.spec ?? { containers: [] }) as KubeObject['spec'];
  spec.tolerations = daemonTolerations(t);
  const affinity = spec.affinity ?? {};
  const nodeAffinity = affinity.nodeAffinity ?? {};
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: pinTerms(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms, node),
  };
  spec.affinity = { ...affinity, nodeAffinity };
  const labels: Record<string, string> = { ...(t.metadata?.labels ?? {}), [HASH_LABEL]: hash };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = generation;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(ds)],
    },
    spec,
  };
}
