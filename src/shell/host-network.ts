/**
 * The network as the learner's shell sees it: the shell runs on the `controlplane` node, as on a
 * kubeadm cluster (and the CKA/CKAD terminals). From a node, kube-proxy's rules make ClusterIPs
 * reachable, pod IPs are routed by the CNI, and every node's IP (and localhost, the shell's own
 * node) answers on each Service's NodePort, on the hostPorts of the pods it runs, and on the
 * ports hostNetwork pods listen on there (see connectNode in sim/images/network.ts). Cluster DNS names (`*.svc.cluster.local`) do not resolve on a node, and
 * nothing outside the cluster is reachable: the simulator has no internet.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../sim/cluster.ts';
import type { K8s, Stored } from '../sim/apiserver/types.ts';
import { connect, connectNode, httpGet, nodeNamedByIP, type ConnectTarget, type NetHost } from '../sim/images/network.ts';
import type { HttpResponse } from '../sim/images/behaviour.ts';

type NodeObj = Stored<K8s<Node>>;
type PodObj = Stored<K8s<Pod>>;

/** The node the learner's shell runs on. */
export const SHELL_NODE = 'controlplane';

export type HostConnect = ConnectTarget | { unresolved: true };

function internalIP(node: NodeObj | undefined): string | undefined {
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

function netHost(cluster: Cluster): NetHost {
  return { api: cluster.api, runtime: cluster.runtime, clock: cluster.clock };
}

/** The shell's node, dressed as the `from` end of a connection (its IP and a stable uid). */
function shellEndpoint(cluster: Cluster): PodObj {
  const node = cluster.api.tryGet<K8s<Node>>('Node', undefined, SHELL_NODE);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: SHELL_NODE, uid: `node-${SHELL_NODE}` },
    status: { podIP: internalIP(node) ?? '127.0.0.1' },
  } as unknown as PodObj;
}

/** Resolves a host name the way the node's /etc/hosts would: IPs, localhost and node names. */
export function resolveHost(cluster: Cluster, host: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  if (host === 'localhost') return '127.0.0.1';
  const node = cluster.api.tryGet<K8s<Node>>('Node', undefined, host);
  return internalIP(node);
}

/** Where a TCP connection from the shell's node to host:port ends up. */
export function connectFromHost(cluster: Cluster, host: string, port: number): HostConnect {
  const ip = resolveHost(cluster, host);
  if (ip === undefined) return { unresolved: true };
  const node = ip === '127.0.0.1' ? SHELL_NODE : nodeNamedByIP(cluster.api, ip);
  if (node) return connectNode(netHost(cluster), shellEndpoint(cluster), node, port);
  return connect(netHost(cluster), shellEndpoint(cluster), ip, port);
}

/** An HTTP GET from the shell's node to a pod that accepted the connection. */
export function httpGetFromHost(cluster: Cluster, pod: PodObj, port: number, path: string, userAgent: string): HttpResponse | undefined {
  const clientIP = shellEndpoint(cluster).status?.podIP ?? '127.0.0.1';
  return httpGet(netHost(cluster), pod, port, path, clientIP, userAgent);
}
