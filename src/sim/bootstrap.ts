/**
 * What a freshly installed cluster contains: namespaces, nodes, the `kubernetes` Service and the
 * default StorageClass.
 */
import type { Cluster } from './cluster.ts';

export interface NodeSpec {
  name: string;
  /** `control-plane` gets the control-plane role label and NoSchedule taint. */
  role?: 'control-plane' | 'worker';
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  /** e.g. { cpu: '2', memory: '4Gi', pods: '110' } */
  capacity?: Record<string, string>;
}

export const DEFAULT_NODES: NodeSpec[] = [
  { name: 'controlplane', role: 'control-plane' },
  { name: 'node01' },
  { name: 'node02' },
  { name: 'node03' },
];

export const KUBELET_VERSION = 'v1.34.1';

export function bootstrap(cluster: Cluster, nodes: NodeSpec[]): void {
  const api = cluster.api;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  nodes.forEach((spec, i) => api.create(nodeObject(spec, i)));
}

export function nodeObject(spec: NodeSpec, index: number) {
  const controlPlane = spec.role === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...spec.labels,
  };
  const taints = [
    ...(controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] : []),
    ...(spec.taints ?? []),
  ];
  const capacity = {
    cpu: '2',
    'ephemeral-storage': '50620216Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: '4015852Ki',
    pods: '110',
    ...spec.capacity,
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      ...(taints.length ? { taints } : {}),
    },
    status: {
      capacity,
      allocatable: { ...capacity },
      addresses: [
        { type: 'InternalIP', address: `172.30.${index + 1}.2` },
        { type: 'Hostname', address: spec.name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0-79-generic',
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.3 LTS',
        systemUUID: '',
      },
      conditions: [],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  };
}
