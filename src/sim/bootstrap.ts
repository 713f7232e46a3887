/**
 * What a freshly installed cluster contains, as `kubeadm init` + `kubeadm join` + the Canal CNI
 * leave it: the four system namespaces, the nodes with their full status and Leases, the
 * `kubernetes` Service with its Endpoints and EndpointSlice, kube-dns, the system
 * PriorityClasses, the default StorageClass `standard`, and the kube-system workloads. The
 * controllers then add each namespace's `default` ServiceAccount and `kube-root-ca.crt`, the
 * DaemonSet and Deployment pods, and the kubelets start everything. Bootstrap lets a few minutes
 * of virtual time pass, so the learner finds a settled cluster whose nodes are minutes old.
 */
import type { Cluster, ClusterSnapshot } from './cluster.ts';
import type { KubeObject, Stored } from './apiserver/types.ts';
import { fullName } from './images/reference.ts';
import { resolveImage } from './images/registry.ts';
import { kubeletConditions } from './controllers/node-lease.ts';
import { NETWORK_PROVISIONER } from './storage/constants.ts';
import { fnv1a, safeEncode } from './random.ts';
import { EPOCH_MS, toRFC3339 } from './clock.ts';
import { DEFAULT_TIMINGS, type Timings } from './timings.ts';
import {
  KUBERNETES_VERSION,
  SYSTEM_IMAGES,
  kubeDNSService,
  staticPods,
  systemConfig,
  systemWorkloads,
} from './system-components.ts';

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

export const KUBELET_VERSION = KUBERNETES_VERSION;

/** Virtual time bootstrap lets pass so system pods are Running and nodes a few minutes old. */
export const BOOTSTRAP_MS = 4 * 60_000;

/** The IP of the apiserver's `kubernetes` Service (first address of 10.96.0.0/12). */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

function nodeIP(index: number): string {
  return `172.30.${index + 1}.2`;
}

function hexFrom(text: string, n: number): string {
  let out = '';
  for (let i = 0; out.length < n; i++) out += fnv1a(`${text}#${i}`).toString(16).padStart(8, '0');
  return out.slice(0, n);
}

function uuidFrom(text: string): string {
  const h = hexFrom(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A locally administered unicast MAC, as the kernel picks for the flannel.1 VXLAN device. */
function vtepMAC(name: string): string {
  const bytes = hexFrom(`mac/${name}`, 12).match(/../g)!;
  bytes[0] = ((parseInt(bytes[0]!, 16) & 0xfe) | 0x02).toString(16).padStart(2, '0');
  return bytes.join(':');
}

/** What a node's kubelet, kube-proxy and the node controller record as the node starts. */
function recordNodeStartEvents(cluster: Cluster, node: Stored): void {
  const name = node.metadata.name!;
  const kubelet = { component: 'kubelet', host: name };
  const ev = cluster.events;
  ev.normal(node, 'Starting', '', { component: 'kube-proxy' });
  ev.normal(node, 'Starting', 'Starting kubelet.', kubelet);
  ev.normal(node, 'NodeHasSufficientMemory', `Node ${name} status is now: NodeHasSufficientMemory`, kubelet);
  ev.normal(node, 'NodeHasNoDiskPressure', `Node ${name} status is now: NodeHasNoDiskPressure`, kubelet);
  ev.normal(node, 'NodeHasSufficientPID', `Node ${name} status is now: NodeHasSufficientPID`, kubelet);
  ev.normal(node, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', kubelet);
  ev.normal(node, 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, { component: 'node-controller' });
  ev.normal(node, 'NodeReady', `Node ${name} status is now: NodeReady`, kubelet);
}

export function nodeObject(spec: NodeSpec, index: number, now?: number): KubeObject {
  const controlPlane = spec.role === 'control-plane';
  const ip = nodeIP(index);
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
  const allocatable = { ...capacity };
  if (!spec.capacity?.['ephemeral-storage']) allocatable['ephemeral-storage'] = '46651590989';
  if (!spec.capacity?.memory) allocatable.memory = '3913452Ki';
  const t = now === undefined ? undefined : toRFC3339(now);
  const conditions =
    now === undefined
      ? []
      : [
          {
            type: 'NetworkUnavailable',
            status: 'False',
            lastHeartbeatTime: t,
            lastTransitionTime: t,
            reason: 'CalicoIsUp',
            message: 'Calico is running on this node',
          },
          ...kubeletConditions([], now),
        ];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'flannel.alpha.coreos.com/backend-data': `{"VNI":1,"VtepMAC":"${vtepMAC(spec.name)}"}`,
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': ip,
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
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
      allocatable,
      conditions,
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidFrom(`boot/${spec.name}`),
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0-79-generic',
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID: hexFrom(`machine/${spec.name}`, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.3 LTS',
        systemUUID: uuidFrom(`system/${spec.name}`),
      },
    },
  };
}

/** The `kubernetes` Service and the endpoints the apiserver itself maintains for it. */
function kubernetesService(apiserverIP: string): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        clusterIP: KUBERNETES_SERVICE_IP,
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: apiserverIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [apiserverIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
  ];
}

function priorityClasses(): KubeObject[] {
  return [
    {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'system-cluster-critical' },
      value: 2000000000,
      globalDefault: false,
      description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
      preemptionPolicy: 'PreemptLowerPriority',
    },
    {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'system-node-critical' },
      value: 2000001000,
      globalDefault: false,
      description: 'Used for system critical pods that must not be moved from their current node.',
      preemptionPolicy: 'PreemptLowerPriority',
    },
  ];
}

function standardStorageClass(): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: NETWORK_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    allowVolumeExpansion: true,
  };
}

/**
 * A Deployment whose pods no controller has made (no Deployment controller registered): its
 * ReplicaSet and pods as that controller would create them.
 */
function ensureDeploymentPods(cluster: Cluster, deploy: Stored): string | undefined {
  const api = cluster.api;
  const ns = deploy.metadata.namespace;
  const owned = (kind: string, owner: Stored) =>
    api.list(kind, { namespace: ns }).filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid));
  if (owned('ReplicaSet', deploy).length > 0) return undefined;
  const template = deploy.spec.template;
  const hash = safeEncode(fnv1a(JSON.stringify(template)));
  const labels = { ...template.metadata?.labels, 'pod-template-hash': hash };
  const ref = (o: Stored) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true });
  const rs = api.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deploy.metadata.name}-${hash}`,
      namespace: ns,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(deploy.spec.replicas ?? 1),
        'deployment.kubernetes.io/max-replicas': String((deploy.spec.replicas ?? 1) + 1),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [ref(deploy)],
    },
    spec: {
      replicas: deploy.spec.replicas ?? 1,
      selector: { matchLabels: { ...deploy.spec.selector.matchLabels, 'pod-template-hash': hash } },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  });
  if (owned('Pod', rs).length > 0) return undefined;
  for (let i = 0; i < (deploy.spec.replicas ?? 1); i++) {
    api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: `${rs.metadata.name}-`, namespace: ns, labels, ownerReferences: [ref(rs)] },
      spec: structuredClone(template.spec),
    });
  }
  return rs.metadata.name;
}

/** The statuses a Deployment controller would have written once the fallback pods are ready. */
function settleDeploymentStatus(cluster: Cluster, namespace: string, deployName: string, rsName: string): void {
  const api = cluster.api;
  const rs = api.get('ReplicaSet', namespace, rsName);
  const pods = api.list('Pod', { namespace }).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid));
  const ready = pods.filter((p) => (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')).length;
  const replicas = pods.length;
  api.mutate('ReplicaSet', namespace, rsName, (o) => {
    o.status = { replicas, fullyLabeledReplicas: replicas, readyReplicas: ready, availableReplicas: ready, observedGeneration: o.metadata.generation ?? 1 };
  }, { subresource: 'status' });
  const t = toRFC3339(cluster.clock.now());
  const created = api.get('Deployment', namespace, deployName).metadata.creationTimestamp;
  api.mutate('Deployment', namespace, deployName, (o) => {
    o.status = {
      observedGeneration: o.metadata.generation ?? 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: t, lastTransitionTime: t, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: t, lastTransitionTime: created, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` },
      ],
    };
  }, { subresource: 'status' });
}

/**
 * Bootstrapped clusters by seed, nodes, start time and timings: a cluster made with the same
 * options restores this state instead of replaying the first minutes (same result, a fraction
 * of the time; benchmarks and tests create many clusters).
 */
const bootCache = new Map<string, ClusterSnapshot>();
const BOOT_CACHE_LIMIT = 8;

function bootKey(seed: number, name: string, start: number, timings: Timings, nodes: NodeSpec[]): string {
  return JSON.stringify([seed, name, start, timings, nodes]);
}

/**
 * Hands the cache a bootstrapped state made elsewhere — the site ships the default cluster's
 * snapshot as data, made at build time by this same code — so the next cluster created with
 * these options restores it instead of booting. `start` is the virtual time the boot began at.
 */
export function preloadBootstrap(
  snap: ClusterSnapshot,
  opts: { start?: number; timings?: Partial<Timings>; nodes?: NodeSpec[] } = {},
): void {
  const key = bootKey(snap.seed, snap.name, opts.start ?? EPOCH_MS, { ...DEFAULT_TIMINGS, ...opts.timings }, opts.nodes ?? DEFAULT_NODES);
  bootCache.delete(key);
  if (bootCache.size >= BOOT_CACHE_LIMIT) bootCache.delete(bootCache.keys().next().value!);
  bootCache.set(key, snap);
}

export function bootstrap(cluster: Cluster, nodes: NodeSpec[]): void {
  const key = bootKey(cluster.seed, cluster.name, cluster.clock.now(), cluster.timings, nodes);
  const cached = bootCache.get(key);
  if (cached) {
    cluster.restore(cached);
    return;
  }
  bootstrapFresh(cluster, nodes);
  if (bootCache.size >= BOOT_CACHE_LIMIT) bootCache.delete(bootCache.keys().next().value!);
  bootCache.set(key, cluster.snapshot());
}

function bootstrapFresh(cluster: Cluster, nodes: NodeSpec[]): void {
  const api = cluster.api;
  const t0 = cluster.clock.now();
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  for (const pc of priorityClasses()) api.create(pc);
  const created = nodes.map((spec, i) => api.create(nodeObject(spec, i, t0)));
  for (const node of created) recordNodeStartEvents(cluster, node);
  const controlPlaneIndex = Math.max(0, nodes.findIndex((n) => n.role === 'control-plane'));
  for (const obj of kubernetesService(nodeIP(controlPlaneIndex))) api.create(obj);
  api.create(standardStorageClass());
  for (const obj of systemConfig()) api.create(obj);
  api.create(kubeDNSService());

  const cache = cluster.runtime.state.imageCache;
  const keys = SYSTEM_IMAGES.map((image) => {
    const r = resolveImage(image);
    return r.ref ? fullName(r.ref) : image;
  });
  for (const n of created) cache[n.metadata.name!] = [...new Set([...(cache[n.metadata.name!] ?? []), ...keys])];
  cluster.settle();

  const seenAt = new Date(t0 - 9_000).toISOString().replace('Z', '123456Z');
  nodes.forEach((spec, i) => {
    if (spec.role !== 'control-plane') return;
    const node = created[i]!;
    for (const pod of staticPods({ name: spec.name, uid: node.metadata.uid!, ip: nodeIP(i) }, seenAt)) api.create(pod);
  });
  for (const obj of systemWorkloads()) api.create(obj);
  cluster.settle();
  const fallback: [string, string][] = [];
  for (const deploy of api.list('Deployment', { namespace: 'kube-system' })) {
    const rs = ensureDeploymentPods(cluster, deploy);
    if (rs) fallback.push([deploy.metadata.name!, rs]);
  }
  cluster.advance(BOOTSTRAP_MS);
  for (const [deploy, rs] of fallback) settleDeploymentStatus(cluster, 'kube-system', deploy, rs);
  cluster.settle();
}
