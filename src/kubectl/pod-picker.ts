/**
 * Finding the pod and container `kubectl logs` and `kubectl exec` talk to: a pod name, or
 * TYPE/NAME of a workload (its first pod, as polymorphichelpers.AttachablePodForObject picks it),
 * and the default container with kubectl's "Defaulted container" notice
 * (staging/src/k8s.io/kubectl/pkg/cmd/util/podcmd/podcmd.go).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector } from '../sim/apiserver/selectors.ts';
import type { K8s, Stored } from '../sim/apiserver/types.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { resolveTypeOrThrow } from './targets.ts';

export type PodObj = Stored<K8s<Pod>>;

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** True when a pod is in a state `kubectl logs deploy/x` prefers (running and ready first). */
function podRank(p: PodObj): number {
  if (p.metadata.deletionTimestamp) return 3;
  if (p.status?.phase === 'Running') return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1;
  return 2;
}

/** The pod an argument names: `web-0`, `pod/web-0`, `sts/web`, `deploy/api`, `job/pi`. */
export function podFor(inv: Invocation, arg: string): PodObj {
  const slash = arg.indexOf('/');
  if (slash === -1) return inv.cluster.api.get<K8s<Pod>>('Pod', inv.namespace, arg);
  const type = resolveTypeOrThrow(arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  if (type.kind === 'Pod') return inv.cluster.api.get<K8s<Pod>>('Pod', inv.namespace, name);
  const owner = inv.cluster.api.get(type.kind, type.namespaced ? inv.namespace : undefined, name);
  const selector =
    type.kind === 'Service' ? fromLabelSelector({ matchLabels: owner.spec?.selector ?? {} }) : fromLabelSelector(owner.spec?.selector);
  if (!selector) throw new KubectlError(`cannot attach to ${type.kind.toLowerCase()}: selector for ${type.kind.toLowerCase()}/${name} is empty`);
  const pods = inv.cluster.api
    .list<K8s<Pod>>('Pod', { namespace: inv.namespace, labelSelector: selector })
    .slice()
    .sort((a, b) => podRank(a) - podRank(b) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  if (pods.length === 0) throw new KubectlError(`timed out waiting for the condition`);
  if (pods.length > 1) inv.io.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n`);
  return pods[0]!;
}

/**
 * The container to use: `-c`, else the default-container annotation, else the first container
 * (printing `Defaulted container "x" out of: …` when there was a choice).
 */
export function containerFor(inv: Invocation, pod: PodObj, requested: string | undefined): string | undefined {
  if (requested) return requested;
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  const containers = pod.spec?.containers ?? [];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  const first = containers[0]?.name;
  const all = [
    ...containers.map((c) => c.name),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
  ];
  if (all.length > 1 && first) inv.io.err(`Defaulted container ${JSON.stringify(first)} out of: ${all.join(', ')}\n`);
  return first;
}
