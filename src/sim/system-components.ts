/**
 * The kube-system contents of a fresh kubeadm v1.34 cluster with the Canal CNI, as a
 * killercoda-style playground shows them: the control plane's static pods (mirrored into the
 * API, owned by their Node), kube-proxy and canal DaemonSets, the coredns and
 * calico-kube-controllers Deployments, their ServiceAccounts and ConfigMaps, and the kube-dns
 * Service. Plain manifests; `bootstrap.ts` creates them.
 */
import type { KubeObject } from './apiserver/types.ts';
import { fnv1a } from './random.ts';

export const KUBERNETES_VERSION = 'v1.34.1';
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.6.4-0';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.1';
export const CALICO_VERSION = 'v3.30.3';
export const FLANNEL_IMAGE = 'ghcr.io/flannel-io/flannel:v0.27.3';

/** Every image the system pods use, pre-pulled on every node. */
export const SYSTEM_IMAGES = [
  ETCD_IMAGE,
  `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  COREDNS_IMAGE,
  `docker.io/calico/node:${CALICO_VERSION}`,
  `docker.io/calico/kube-controllers:${CALICO_VERSION}`,
  FLANNEL_IMAGE,
  'registry.k8s.io/pause:3.10.1',
];

const SYSTEM = 'kube-system';

function hostPathVolume(name: string, path: string, type: string) {
  return { name, hostPath: { path, type } };
}

function hex32(text: string): string {
  let out = '';
  for (let i = 0; out.length < 32; i++) out += fnv1a(`${text}/${i}`).toString(16).padStart(8, '0');
  return out.slice(0, 32);
}

/** A static pod's mirror: owned by its Node, annotated with the manifest hash. */
function mirrorPod(
  component: string,
  node: { name: string; uid: string; ip: string },
  seenAt: string,
  container: Record<string, unknown>,
  volumes: unknown[],
  extraAnnotations: Record<string, string> = {},
  extraSpec: Record<string, unknown> = {},
): KubeObject {
  const hash = hex32(`${component}@${node.name}`);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node.name}`,
      namespace: SYSTEM,
      labels: { component, tier: 'control-plane' },
      annotations: {
        ...extraAnnotations,
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': seenAt,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
    },
    spec: {
      containers: [{ name: component, imagePullPolicy: 'IfNotPresent', resources: { requests: { cpu: component === 'etcd' ? '100m' : component === 'kube-apiserver' ? '250m' : component === 'kube-controller-manager' ? '200m' : '100m', ...(component === 'etcd' ? { memory: '100Mi' } : {}) } }, ...container }],
      hostNetwork: true,
      nodeName: node.name,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      volumes,
      ...extraSpec,
    },
  };
}

/** etcd, kube-apiserver, kube-controller-manager and kube-scheduler on the control-plane node. */
export function staticPods(node: { name: string; uid: string; ip: string }, seenAt: string): KubeObject[] {
  const ip = node.ip;
  const pki = '/etc/kubernetes/pki';
  const kubeconfigMount = (file: string) => ({ mountPath: `/etc/kubernetes/${file}`, name: 'kubeconfig', readOnly: true });
  return [
    mirrorPod(
      'etcd',
      node,
      seenAt,
      {
        image: ETCD_IMAGE,
        command: [
          'etcd',
          `--advertise-client-urls=https://${ip}:2379`,
          `--cert-file=${pki}/etcd/server.crt`,
          '--client-cert-auth=true',
          '--data-dir=/var/lib/etcd',
          '--feature-gates=InitialCorruptCheck=true',
          `--initial-advertise-peer-urls=https://${ip}:2380`,
          `--initial-cluster=${node.name}=https://${ip}:2380`,
          `--key-file=${pki}/etcd/server.key`,
          `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
          '--listen-metrics-urls=http://127.0.0.1:2381',
          `--listen-peer-urls=https://${ip}:2380`,
          `--name=${node.name}`,
          `--peer-cert-file=${pki}/etcd/peer.crt`,
          '--peer-client-cert-auth=true',
          `--peer-key-file=${pki}/etcd/peer.key`,
          `--peer-trusted-ca-file=${pki}/etcd/ca.crt`,
          '--snapshot-count=10000',
          `--trusted-ca-file=${pki}/etcd/ca.crt`,
          '--watch-progress-notify-interval=5s',
        ],
        volumeMounts: [
          { mountPath: '/var/lib/etcd', name: 'etcd-data' },
          { mountPath: `${pki}/etcd`, name: 'etcd-certs' },
        ],
      },
      [hostPathVolume('etcd-certs', `${pki}/etcd`, 'DirectoryOrCreate'), hostPathVolume('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
      { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    ),
    mirrorPod(
      'kube-apiserver',
      node,
      seenAt,
      {
        image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
        command: [
          'kube-apiserver',
          `--advertise-address=${ip}`,
          '--allow-privileged=true',
          '--authorization-mode=Node,RBAC',
          `--client-ca-file=${pki}/ca.crt`,
          '--enable-admission-plugins=NodeRestriction',
          '--enable-bootstrap-token-auth=true',
          `--etcd-cafile=${pki}/etcd/ca.crt`,
          `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
          `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
          '--etcd-servers=https://127.0.0.1:2379',
          '--secure-port=6443',
          '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
          `--service-account-key-file=${pki}/sa.pub`,
          `--service-account-signing-key-file=${pki}/sa.key`,
          '--service-cluster-ip-range=10.96.0.0/12',
          `--tls-cert-file=${pki}/apiserver.crt`,
          `--tls-private-key-file=${pki}/apiserver.key`,
        ],
        volumeMounts: [
          { mountPath: '/etc/ssl/certs', name: 'ca-certs', readOnly: true },
          { mountPath: pki, name: 'k8s-certs', readOnly: true },
        ],
      },
      [hostPathVolume('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'), hostPathVolume('k8s-certs', pki, 'DirectoryOrCreate')],
      { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    ),
    mirrorPod(
      'kube-controller-manager',
      node,
      seenAt,
      {
        image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
        command: [
          'kube-controller-manager',
          '--allocate-node-cidrs=true',
          '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
          '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
          '--bind-address=127.0.0.1',
          `--client-ca-file=${pki}/ca.crt`,
          '--cluster-cidr=10.244.0.0/16',
          '--cluster-name=kubernetes',
          `--cluster-signing-cert-file=${pki}/ca.crt`,
          `--cluster-signing-key-file=${pki}/ca.key`,
          '--controllers=*,bootstrapsigner,tokencleaner',
          '--kubeconfig=/etc/kubernetes/controller-manager.conf',
          '--leader-elect=true',
          `--root-ca-file=${pki}/ca.crt`,
          `--service-account-private-key-file=${pki}/sa.key`,
          '--service-cluster-ip-range=10.96.0.0/12',
          '--use-service-account-credentials=true',
        ],
        volumeMounts: [
          { mountPath: '/etc/ssl/certs', name: 'ca-certs', readOnly: true },
          { mountPath: pki, name: 'k8s-certs', readOnly: true },
          kubeconfigMount('controller-manager.conf'),
        ],
      },
      [
        hostPathVolume('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
        hostPathVolume('k8s-certs', pki, 'DirectoryOrCreate'),
        hostPathVolume('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'),
      ],
    ),
    mirrorPod(
      'kube-scheduler',
      node,
      seenAt,
      {
        image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
        command: [
          'kube-scheduler',
          '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
          '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
          '--bind-address=127.0.0.1',
          '--kubeconfig=/etc/kubernetes/scheduler.conf',
          '--leader-elect=true',
        ],
        volumeMounts: [kubeconfigMount('scheduler.conf')],
      },
      [hostPathVolume('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
    ),
  ];
}

function serviceAccount(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: SYSTEM } };
}

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

const KUBE_PROXY_CONFIG = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
clientConnection:
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
clusterCIDR: 10.244.0.0/16
kind: KubeProxyConfiguration
mode: ""
`;

/** ServiceAccounts and ConfigMaps the system workloads need. */
export function systemConfig(): KubeObject[] {
  return [
    serviceAccount('coredns'),
    serviceAccount('kube-proxy'),
    serviceAccount('canal'),
    serviceAccount('calico-kube-controllers'),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: SYSTEM }, data: { Corefile: COREFILE } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: SYSTEM, labels: { app: 'kube-proxy' } },
      data: { 'config.conf': KUBE_PROXY_CONFIG },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'canal-config', namespace: SYSTEM },
      data: { canal_iface: '', masquerade: 'true', typha_service_name: 'none', veth_mtu: '0' },
    },
  ];
}

/** The kube-dns Service at the well-known 10.96.0.10. */
export function kubeDNSService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: SYSTEM,
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
  };
}

/** The system Deployments and DaemonSets. */
export function systemWorkloads(): KubeObject[] {
  const criticalAddons = { key: 'CriticalAddonsOnly', operator: 'Exists' };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', namespace: SYSTEM, labels: { 'k8s-app': 'kube-proxy' } },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-proxy' } },
          spec: {
            containers: [
              {
                name: 'kube-proxy',
                image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
                imagePullPolicy: 'IfNotPresent',
                command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
                env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
                securityContext: { privileged: true },
                volumeMounts: [
                  { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                  { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                  { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
                ],
              },
            ],
            hostNetwork: true,
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-node-critical',
            serviceAccountName: 'kube-proxy',
            tolerations: [{ operator: 'Exists' }],
            volumes: [
              { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
              hostPathVolume('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
              hostPathVolume('lib-modules', '/lib/modules', ''),
            ],
          },
        },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'canal', namespace: SYSTEM, labels: { 'k8s-app': 'canal' } },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'canal' } },
        template: {
          metadata: { labels: { 'k8s-app': 'canal' } },
          spec: {
            containers: [
              {
                name: 'calico-node',
                image: `docker.io/calico/node:${CALICO_VERSION}`,
                imagePullPolicy: 'IfNotPresent',
                env: [
                  { name: 'DATASTORE_TYPE', value: 'kubernetes' },
                  { name: 'FELIX_IPINIPMTU', valueFrom: { configMapKeyRef: { name: 'canal-config', key: 'veth_mtu' } } },
                  { name: 'CALICO_NETWORKING_BACKEND', value: 'none' },
                  { name: 'CLUSTER_TYPE', value: 'k8s,canal' },
                  { name: 'NODENAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
                ],
                resources: { requests: { cpu: '250m' } },
                securityContext: { privileged: true },
                volumeMounts: [
                  { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
                  { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                  { mountPath: '/var/run/calico', name: 'var-run-calico' },
                ],
              },
              {
                name: 'kube-flannel',
                image: FLANNEL_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                command: ['/opt/bin/flanneld', '--ip-masq', '--kube-subnet-mgr'],
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
                  { name: 'FLANNELD_IFACE', valueFrom: { configMapKeyRef: { name: 'canal-config', key: 'canal_iface' } } },
                ],
                securityContext: { privileged: true },
                volumeMounts: [
                  { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                  { mountPath: '/etc/kube-flannel/', name: 'flannel-cfg' },
                ],
              },
            ],
            hostNetwork: true,
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-node-critical',
            serviceAccountName: 'canal',
            terminationGracePeriodSeconds: 0,
            tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, criticalAddons, { effect: 'NoExecute', operator: 'Exists' }],
            volumes: [
              hostPathVolume('lib-modules', '/lib/modules', ''),
              hostPathVolume('var-run-calico', '/var/run/calico', 'DirectoryOrCreate'),
              hostPathVolume('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
              { name: 'flannel-cfg', configMap: { name: 'canal-config' } },
            ],
          },
        },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: SYSTEM, labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight: 100,
                    podAffinityTerm: {
                      labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] },
                      topologyKey: 'kubernetes.io/hostname',
                    },
                  },
                ],
              },
            },
            containers: [
              {
                name: 'coredns',
                image: COREDNS_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args: ['-conf', '/etc/coredns/Corefile'],
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
                resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                  readOnlyRootFilesystem: true,
                },
                volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
              },
            ],
            dnsPolicy: 'Default',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            tolerations: [criticalAddons, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
            volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
          },
        },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'calico-kube-controllers', namespace: SYSTEM, labels: { 'k8s-app': 'calico-kube-controllers' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { 'k8s-app': 'calico-kube-controllers' } },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { name: 'calico-kube-controllers', namespace: SYSTEM, labels: { 'k8s-app': 'calico-kube-controllers' } },
          spec: {
            containers: [
              {
                name: 'calico-kube-controllers',
                image: `docker.io/calico/kube-controllers:${CALICO_VERSION}`,
                imagePullPolicy: 'IfNotPresent',
                env: [
                  { name: 'ENABLED_CONTROLLERS', value: 'node,loadbalancer' },
                  { name: 'DATASTORE_TYPE', value: 'kubernetes' },
                ],
              },
            ],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'calico-kube-controllers',
            tolerations: [criticalAddons, { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
          },
        },
      },
    },
  ];
}
