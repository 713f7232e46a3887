/**
 * Node selector terms (nodeAffinity, PV nodeAffinity, the DaemonSet controller's matchFields):
 * terms are ORed, expressions within a term ANDed (k8s.io/component-helpers/scheduling/corev1).
 */
import type { NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1';
import type { Stored } from '../apiserver/types.ts';

export function nodeSelectorTermsMatch(terms: readonly NodeSelectorTerm[], node: Stored): boolean {
  return terms.some((t) => nodeSelectorTermMatches(t, node));
}

export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Stored): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  // An empty term matches no objects.
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels: Record<string, string> = node.metadata.labels ?? {};
  for (const e of exprs) if (!requirementMatches(e, labels[e.key], e.key in labels)) return false;
  for (const f of fields) {
    if (f.key !== 'metadata.name') return false;
    if (!requirementMatches(f, node.metadata.name, true)) return false;
  }
  return true;
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined, has: boolean): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
      return has && Number(value) > Number(values[0]);
    case 'Lt':
      return has && Number(value) < Number(values[0]);
    default:
      return false;
  }
}
