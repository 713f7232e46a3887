/**
 * Objects shaped as the API server and controllers store them, one or more per printed kind,
 * covering the cells' special cases (placeholders, wide columns, status precedence).
 */
import type { KubeObject } from '../../../src/sim/apiserver/types.ts';
import { ago, meta, pod, running } from './fixtures.ts';

const readyCond = [{ type: 'Ready', status: 'True' }];
export const pods: KubeObject[] = [
  pod('web-0', 300, { phase: 'Running', conditions: readyCond, podIPs: [{ip:'10.244.1.5'}], podIP: '10.244.1.5', containerStatuses: [running()] }, { nodeName: 'node01' }, { labels: { app: 'web', tier: 'front' } }),
  pod('creating', 5, { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }, { nodeName: 'node02' }),
  pod('crashy', 900, { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(40) } } }] }, { nodeName: 'node01' }),
  pod('done', 7200, { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }),
  pod('init-wait', 20, { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { running: {} } }], containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] }, { initContainers: [{ name: 'init', image: 'busybox' }, { name: 'init2', image: 'busybox' }] }),
  pod('init-crash', 20, { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(10) } } }] }, { initContainers: [{ name: 'init', image: 'busybox' }] }),
  pod('init-exit', 20, { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { terminated: { exitCode: 3 } } }] }, { initContainers: [{ name: 'init', image: 'busybox' }] }),
  pod('going', 60, { phase: 'Running', conditions: readyCond, containerStatuses: [running()] }, {}, { deletionTimestamp: ago(-30), deletionGracePeriodSeconds: 30 }),
  pod('lost', 60, { phase: 'Running', reason: 'NodeLost', containerStatuses: [running()] }, {}, { deletionTimestamp: ago(5) }),
  pod('pending', 1, { phase: 'Pending' }),
  pod('half', 60, { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }, running('b')] }, { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] }),
  pod('sidecar', 60, { phase: 'Running', conditions: readyCond, initContainerStatuses: [{ name: 'log', ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } } }], containerStatuses: [running()] }, { initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Always' }] }),
  pod('gated', 60, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
  pod('killed', 60, { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] }),
  pod('evicted', 60, { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }),
  pod('gates', 60, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }, { type: 'www.example.com/feature-1', status: 'True' }], containerStatuses: [running()] }, { readinessGates: [{ conditionType: 'www.example.com/feature-1' }, { conditionType: 'www.example.com/feature-2' }], nodeName: 'node03' }, { namespace: 'kube-system' }),
];

const tmpl = (containers: [string,string][]) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: containers.map(([name, image]) => ({ name, image })) } });
export const objects: Record<string, KubeObject[]> = {
  nodes: [
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'controlplane', creationTimestamp: ago(86400 * 3), labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: {}, status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '172.30.1.2' }], nodeInfo: { kubeletVersion: 'v1.34.1', osImage: 'Ubuntu 24.04.3 LTS', kernelVersion: '6.8.0-79-generic', containerRuntimeVersion: 'containerd://2.1.4' } } },
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01', creationTimestamp: ago(86400 * 3), labels: { 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/infra': '' } }, spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }], nodeInfo: { kubeletVersion: 'v1.34.1' } } },
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node02', creationTimestamp: ago(30) }, spec: {}, status: { nodeInfo: { kubeletVersion: 'v1.34.1' } } },
  ],
  namespaces: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: ago(600) }, status: { phase: 'Active' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old', creationTimestamp: ago(60) }, status: { phase: 'Terminating' } }],
  services: [
    { apiVersion: 'v1', kind: 'Service', metadata: meta('kubernetes', 600), spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP', targetPort: 6443, name: 'https' }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: meta('web', 60), spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP' }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: meta('np', 60), spec: { type: 'NodePort', clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], selector: { app: 'web', tier: 'x' }, ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, nodePort: 30053, protocol: 'UDP' }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: meta('lb', 60), spec: { type: 'LoadBalancer', clusterIP: '10.96.7.7', clusterIPs: ['10.96.7.7'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }, status: { loadBalancer: {} } },
    { apiVersion: 'v1', kind: 'Service', metadata: meta('ext', 60), spec: { type: 'ExternalName', externalName: 'db.example.com' } },
  ],
  endpoints: [
    { apiVersion: 'v1', kind: 'Endpoints', metadata: meta('web', 60), subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }, { ip: '10.244.3.2' }, { ip: '10.244.1.3' }], ports: [{ port: 80, protocol: 'TCP' }] }] },
    { apiVersion: 'v1', kind: 'Endpoints', metadata: meta('none', 60) },
  ],
  endpointslices: [{ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta('web-abcde', 60), addressType: 'IPv4', ports: [{ port: 80, name: '', protocol: 'TCP' }], endpoints: [{ addresses: ['10.244.1.2'] }, { addresses: ['10.244.2.2'] }] }, { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta('empty-xyz', 60), addressType: 'IPv4', endpoints: [] }],
  configmaps: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('kube-root-ca.crt', 600), data: { 'ca.crt': 'x' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg', 6), data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }],
  secrets: [{ apiVersion: 'v1', kind: 'Secret', metadata: meta('db', 60), type: 'Opaque', data: { user: 'YQ==', pass: 'Yg==' } }],
  serviceaccounts: [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', 600) }],
  events: [{ apiVersion: 'v1', kind: 'Event', metadata: meta('web-0.188', 30), involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'default', fieldPath: 'spec.containers{nginx}' }, reason: 'Pulled', message: 'Successfully pulled image "nginx"\n', type: 'Normal', source: { component: 'kubelet', host: 'node01' }, firstTimestamp: ago(90), lastTimestamp: ago(30), count: 3 }, { apiVersion: 'v1', kind: 'Event', metadata: meta('web.189', 40), involvedObject: { kind: 'StatefulSet', name: 'web', namespace: 'default' }, reason: 'SuccessfulCreate', message: 'create Pod web-0 in StatefulSet web successful', type: 'Normal', source: { component: 'statefulset-controller' }, firstTimestamp: ago(40), lastTimestamp: ago(40), count: 1 }],
  leases: [{ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { ...meta('node01', 600), namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node01' } }],
  statefulsets: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('web', 125), spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tmpl([['nginx', 'nginx:1.27'], ['log', 'busybox']]) }, status: { readyReplicas: 2, replicas: 3 } }],
  daemonsets: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('fluentd', 3 * 3600 + 60), spec: { selector: { matchLabels: { name: 'fluentd' } }, template: { ...tmpl([['fluentd', 'fluentd:v1']]), spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'fluentd', image: 'fluentd:v1' }] } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } }],
  deployments: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web', 60), spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tmpl([['nginx', 'nginx']]) }, status: { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 } }],
  replicasets: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('web-5d4f8c', 60), spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d4f8c' } }, template: tmpl([['nginx', 'nginx']]) }, status: { replicas: 3, readyReplicas: 1 } }],
  jobs: [
    { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('pi', 300), spec: { completions: 5, parallelism: 2, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, template: tmpl([['pi', 'perl:5.34']]) }, status: { succeeded: 5, startTime: ago(290), completionTime: ago(200), conditions: [{ type: 'Complete', status: 'True' }] } },
    { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('work', 100), spec: { parallelism: 3, template: tmpl([['w', 'busybox']]) }, status: { succeeded: 1, startTime: ago(95) } },
    { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('bad', 100), spec: { completions: 1, template: tmpl([['w', 'busybox']]) }, status: { failed: 7, startTime: ago(95), conditions: [{ type: 'FailureTarget', status: 'True' }, { type: 'Failed', status: 'True' }] } },
    { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('later', 10), spec: { completions: 1, suspend: true, template: tmpl([['w', 'busybox']]) }, status: { conditions: [{ type: 'Suspended', status: 'True' }] } },
  ],
  cronjobs: [{ apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('hello', 3600), spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template: tmpl([['hello', 'busybox']]) } } }, status: { active: [{ name: 'hello-1' }], lastScheduleTime: ago(65) } }, { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('tz', 60), spec: { schedule: '0 3 * * *', timeZone: 'Europe/Paris', jobTemplate: { spec: { template: tmpl([['x', 'y']]) } } } }],
  controllerrevisions: [{ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { ...meta('web-7847fb5ccd', 60), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }] }, revision: 1 }, { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: meta('orphan-1', 60), revision: 2 }],
  persistentvolumes: [
    { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-a', creationTimestamp: ago(600) }, spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'manual', claimRef: { namespace: 'default', name: 'data' }, volumeMode: 'Filesystem' }, status: { phase: 'Bound' } },
    { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-b', creationTimestamp: ago(60), deletionTimestamp: ago(1) }, spec: { capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteOncePod'], persistentVolumeReclaimPolicy: 'Delete' }, status: { phase: 'Released' } },
  ],
  persistentvolumeclaims: [
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('data', 600), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } }, volumeName: 'pv-a', storageClassName: 'manual', volumeMode: 'Filesystem' }, status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] } },
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('wait', 5), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'local-path' }, status: { phase: 'Pending' } },
  ],
  storageclasses: [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', creationTimestamp: ago(600), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'kubelab.dev/network', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: true }, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-path', creationTimestamp: ago(600) }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' }],
  volumeattachments: [{ apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name: 'csi-123', creationTimestamp: ago(60) }, spec: { attacher: 'kubelab.dev/network', nodeName: 'node01', source: { persistentVolumeName: 'pv-a' } }, status: { attached: true } }],
  priorityclasses: [{ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-node-critical', creationTimestamp: ago(600) }, value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' }, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high', creationTimestamp: ago(60) }, value: 1000, globalDefault: true, preemptionPolicy: 'Never' }],
};
