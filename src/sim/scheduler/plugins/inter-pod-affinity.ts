/**
 * InterPodAffinity: required pod affinity and anti-affinity over any topologyKey, and the
 * anti-affinity of pods already placed (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go).
 * Preferred terms score by weight.
 */
import type { PodAffinityTerm } from 'kubernetes-types/core/v1';
import type { Stored } from '../../apiserver/types.ts';
import { labelSelectorMatches } from '../../apiserver/selectors.ts';
import type { PodSummary } from '../node-info.ts';
import { fail, type FilterFailure, type FilterPlugin, type SchedPod, type SchedulingContext, type ScorePlugin } from './plugin.ts';

function termNamespaces(term: PodAffinityTerm, ownerNamespace: string): string[] | 'all' {
  if (term.namespaceSelector && Object.keys(term.namespaceSelector).length === 0) return 'all';
  return term.namespaces?.length ? [...term.namespaces] : [ownerNamespace];
}

function termMatchesPod(term: PodAffinityTerm, ownerNamespace: string, other: { namespace: string; labels: Record<string, string> }): boolean {
  const ns = termNamespaces(term, ownerNamespace);
  if (ns !== 'all' && !ns.includes(other.namespace)) return false;
  return labelSelectorMatches(term.labelSelector, other.labels);
}

/** Pods on every node that shares `node`'s value of `topologyKey`. */
function podsInDomain(node: Stored, topologyKey: string, ctx: SchedulingContext): PodSummary[] {
  const value = node.metadata.labels?.[topologyKey];
  if (value === undefined) return [];
  if (topologyKey === 'kubernetes.io/hostname') return [...ctx.index.get(node.metadata.name!).pods.values()];
  const out: PodSummary[] = [];
  for (const n of ctx.nodes) {
    if (n.metadata.labels?.[topologyKey] === value) out.push(...ctx.index.get(n.metadata.name!).pods.values());
  }
  return out;
}

function anyPodMatches(term: PodAffinityTerm, ns: string, ctx: SchedulingContext): boolean {
  for (const n of ctx.nodes) {
    for (const p of ctx.index.get(n.metadata.name!).pods.values()) if (termMatchesPod(term, ns, p)) return true;
  }
  return false;
}

/** The pod's own required affinity, then anti-affinity terms (upstream checks them first). */
function ownTermsFailure(pod: SchedPod, node: Stored, ctx: SchedulingContext): FilterFailure | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const self = { namespace: ns, labels: pod.metadata.labels ?? {} };
  for (const term of pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
    const domain = podsInDomain(node, term.topologyKey, ctx);
    if (domain.some((p) => termMatchesPod(term, ns, p))) continue;
    // The first pod of a group may match its own affinity term when nothing else does.
    const selfMatch = termMatchesPod(term, ns, self) && node.metadata.labels?.[term.topologyKey] !== undefined;
    if (selfMatch && !anyPodMatches(term, ns, ctx)) continue;
    return fail("node(s) didn't match pod affinity rules", true);
  }
  for (const term of pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (podsInDomain(node, term.topologyKey, ctx).some((p) => termMatchesPod(term, ns, p))) {
      return fail("node(s) didn't match pod anti-affinity rules", false);
    }
  }
  return undefined;
}

function hasAffinity(pod: SchedPod): boolean {
  const a = pod.spec?.affinity;
  return Boolean(a?.podAffinity || a?.podAntiAffinity);
}

export const interPodAffinity: FilterPlugin & ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  normalize: 'minmax',
  filter(pod, node, _info, ctx) {
    const ns = pod.metadata.namespace ?? 'default';
    const self = { namespace: ns, labels: pod.metadata.labels ?? {} };
    if (hasAffinity(pod)) {
      const own = ownTermsFailure(pod, node, ctx);
      if (own) return own;
    }
    // Then existing pods' required anti-affinity against this pod.
    for (const { summary: other, node: otherNode } of ctx.index.withAntiAffinity.values()) {
      const terms = other.pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
      for (const term of terms) {
        if (!termMatchesPod(term, other.namespace, self)) continue;
        const v = ctx.nodeByName.get(otherNode)?.metadata.labels?.[term.topologyKey];
        if (v !== undefined && node.metadata.labels?.[term.topologyKey] === v) {
          return fail("node(s) didn't satisfy existing pods anti-affinity rules", false);
        }
      }
    }
    return undefined;
  },
  score(pod, node, _info, ctx) {
    if (!hasAffinity(pod)) return 0;
    const ns = pod.metadata.namespace ?? 'default';
    let total = 0;
    for (const w of pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (podsInDomain(node, w.podAffinityTerm.topologyKey, ctx).some((p) => termMatchesPod(w.podAffinityTerm, ns, p))) total += w.weight;
    }
    for (const w of pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (podsInDomain(node, w.podAffinityTerm.topologyKey, ctx).some((p) => termMatchesPod(w.podAffinityTerm, ns, p))) total -= w.weight;
    }
    return total;
  },
};
