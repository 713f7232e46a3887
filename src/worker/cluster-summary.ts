/**
 * The cluster view's data: a compact, plain summary of one cluster (nodes, pods, the controllers
 * that own them, claims and volumes, the latest explanations) computed in the worker from the
 * API objects, and sent to the page — never the objects themselves.
 */
import type { Cluster } from '../sim/cluster.ts';
import type { Stored } from '../sim/apiserver/types.ts';
import { nodeKubeletState } from '../sim/faults.ts';

export type NodeHealth = 'Ready' | 'NotReady' | 'Unknown';

export interface NodeSummary {
  name: string;
  health: NodeHealth;
  /** `kubectl cordon`: spec.unschedulable. */
  cordoned: boolean;
  /** `key=value:Effect` for each taint. */
  taints: string[];
  roles: string[];
  /** The node's kubelet was taken away for good (a fault): drawn greyed out. */
  lost: boolean;
}

export interface PodSummary {
  namespace: string;
  name: string;
  node: string | null;
  phase: string;
  /** What `kubectl get pods` would show in STATUS (ContainerCreating, CrashLoopBackOff, Terminating…). */
  status: string;
  ready: boolean;
  /** The controller that owns the pod, as `Kind/name` (a ReplicaSet's Deployment is not resolved). */
  owner: string | null;
}

export interface ControllerSummary {
  kind: string;
  namespace: string;
  name: string;
  /** `Kind/name`, matching PodSummary.owner. */
  ref: string;
  desired: number | null;
  ready: number | null;
}

export interface ClaimSummary {
  namespace: string;
  name: string;
  phase: string;
  volume: string | null;
}

export interface VolumeSummary {
  name: string;
  phase: string;
  /** `namespace/name` of the bound claim. */
  claim: string | null;
}

export interface ClusterSummary {
  name: string;
  /** Cluster time, ms since the Unix epoch. */
  time: number;
  nodes: NodeSummary[];
  pods: PodSummary[];
  controllers: ControllerSummary[];
  claims: ClaimSummary[];
  volumes: VolumeSummary[];
  /** The latest explanations, newest last: `controller: message`. */
  explanations: string[];
}

const CONTROLLER_KINDS = new Set(['StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Deployment', 'CronJob']);

function isNodeReady(node: Stored): NodeHealth {
  const cond = (node.status?.conditions as { type: string; status: string }[] | undefined)?.find((c) => c.type === 'Ready');
  if (!cond) return 'Unknown';
  return cond.status === 'True' ? 'Ready' : cond.status === 'False' ? 'NotReady' : 'Unknown';
}

function isPodReady(pod: Stored): boolean {
  const conds = pod.status?.conditions as { type: string; status: string }[] | undefined;
  return conds?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** A short STATUS in the spirit of kubectl's pod printer: the reason if there is one, else the phase. */
function podStatus(pod: Stored): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const phase: string = pod.status?.phase ?? 'Pending';
  if (pod.status?.reason) return pod.status.reason as string;
  type CS = { state?: { waiting?: { reason?: string }; terminated?: { reason?: string } } };
  const statuses = (pod.status?.containerStatuses ?? []) as CS[];
  for (const cs of statuses) {
    const reason = cs.state?.waiting?.reason ?? cs.state?.terminated?.reason;
    if (reason && reason !== 'Completed') return reason;
  }
  if (phase === 'Pending' && pod.spec?.nodeName) return 'ContainerCreating';
  if (phase === 'Succeeded') return 'Completed';
  if (phase === 'Failed') return 'Error';
  return phase;
}

function ownerOf(obj: Stored): string | null {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : null;
}

function countOrNull(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

function controllerSummary(obj: Stored): ControllerSummary {
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name ?? '';
  let desired: number | null = null;
  let ready: number | null = null;
  switch (obj.kind) {
    case 'DaemonSet':
      desired = countOrNull(obj.status?.desiredNumberScheduled);
      ready = countOrNull(obj.status?.numberReady);
      break;
    case 'Job':
      desired = countOrNull(obj.spec?.completions ?? 1);
      ready = countOrNull(obj.status?.succeeded ?? 0);
      break;
    case 'CronJob':
      desired = null;
      ready = countOrNull((obj.status?.active as unknown[] | undefined)?.length ?? 0);
      break;
    default:
      desired = countOrNull(obj.spec?.replicas ?? 1);
      ready = countOrNull(obj.status?.readyReplicas ?? 0);
  }
  return { kind: obj.kind, namespace: ns, name, ref: `${obj.kind}/${name}`, desired, ready };
}

/** Summarises `cluster` for the view; system namespaces' pods are left out unless asked for. */
export function summarizeCluster(cluster: Cluster, opts: { includeSystem?: boolean; explanations?: number } = {}): ClusterSummary {
  const nodes: NodeSummary[] = [];
  const pods: PodSummary[] = [];
  const controllers: ControllerSummary[] = [];
  const claims: ClaimSummary[] = [];
  const volumes: VolumeSummary[] = [];
  const isShown = (ns: string | undefined) => opts.includeSystem || !ns?.startsWith('kube-');

  for (const obj of cluster.api.all()) {
    switch (obj.kind) {
      case 'Node': {
        const labels = obj.metadata.labels ?? {};
        const taints = (obj.spec?.taints ?? []) as { key: string; value?: string; effect: string }[];
        nodes.push({
          name: obj.metadata.name ?? '',
          health: isNodeReady(obj),
          cordoned: obj.spec?.unschedulable === true,
          taints: taints.map((t) => `${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`),
          roles: Object.keys(labels)
            .filter((k) => k.startsWith('node-role.kubernetes.io/'))
            .map((k) => k.slice('node-role.kubernetes.io/'.length)),
          lost: nodeKubeletState(cluster.runtime, obj.metadata.name) === 'lost',
        });
        break;
      }
      case 'Pod':
        if (!isShown(obj.metadata.namespace)) break;
        pods.push({
          namespace: obj.metadata.namespace ?? '',
          name: obj.metadata.name ?? '',
          node: (obj.spec?.nodeName as string | undefined) ?? null,
          phase: obj.status?.phase ?? 'Pending',
          status: podStatus(obj),
          ready: isPodReady(obj),
          owner: ownerOf(obj),
        });
        break;
      case 'PersistentVolumeClaim':
        claims.push({
          namespace: obj.metadata.namespace ?? '',
          name: obj.metadata.name ?? '',
          phase: obj.status?.phase ?? 'Pending',
          volume: (obj.spec?.volumeName as string | undefined) || null,
        });
        break;
      case 'PersistentVolume': {
        const ref = obj.spec?.claimRef as { namespace?: string; name?: string } | undefined;
        volumes.push({
          name: obj.metadata.name ?? '',
          phase: obj.status?.phase ?? 'Pending',
          claim: ref?.name ? `${ref.namespace}/${ref.name}` : null,
        });
        break;
      }
      default:
        if (CONTROLLER_KINDS.has(obj.kind) && isShown(obj.metadata.namespace)) controllers.push(controllerSummary(obj));
    }
  }
  const byName = (a: { name: string; namespace?: string }, b: { name: string; namespace?: string }) =>
    (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name, 'en', { numeric: true });
  nodes.sort(byName);
  pods.sort(byName);
  controllers.sort((a, b) => a.kind.localeCompare(b.kind) || byName(a, b));
  claims.sort(byName);
  volumes.sort(byName);
  const recent = cluster.explanations.list().slice(-(opts.explanations ?? 8));
  return {
    name: cluster.name,
    time: cluster.clock.now(),
    nodes,
    pods,
    controllers,
    claims,
    volumes,
    explanations: recent.map((e) => `${e.controller}: ${e.message}`),
  };
}
