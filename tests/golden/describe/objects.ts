/** The objects the describe goldens print. */
import type { KubeObject } from '../../../src/sim/apiserver/types.ts';
import { ago, event } from './fixtures.ts';

const sts: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', uid: 'sts-uid', creationTimestamp: ago(300), labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}\n' }, generation: 1 },
  spec: {
    replicas: 2,
    serviceName: 'web',
    selector: { matchLabels: { app: 'web' } },
    podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
      },
    },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } }],
  },
  status: { replicas: 2, readyReplicas: 1 },
};

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-0',
    namespace: 'default',
    uid: 'pod-uid',
    creationTimestamp: ago(290),
    labels: { app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'sts-uid', controller: true }],
  },
  spec: {
    nodeName: 'node01',
    serviceAccountName: 'default',
    priority: 0,
    initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'echo ready > /work/ok'], volumeMounts: [{ name: 'work', mountPath: '/work' }] }],
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP' }],
        resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
        readinessProbe: { httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        env: [
          { name: 'MODE', value: 'prod' },
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'pass' } } },
        ],
        envFrom: [{ configMapRef: { name: 'cfg' } }],
        volumeMounts: [
          { name: 'www', mountPath: '/usr/share/nginx/html' },
          { name: 'config', mountPath: '/etc/nginx/conf.d', readOnly: true },
        ],
      },
    ],
    volumes: [
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } },
      { name: 'work', emptyDir: {} },
      { name: 'config', configMap: { name: 'nginx-conf' } },
      { name: 'logs', hostPath: { path: '/var/log', type: 'Directory' } },
    ],
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '172.30.2.2',
    podIP: '10.244.1.4',
    podIPs: [{ ip: '10.244.1.4' }],
    startTime: ago(288),
    qosClass: 'Burstable',
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'False' },
      { type: 'PodScheduled', status: 'True' },
    ],
    initContainerStatuses: [{ name: 'setup', ready: true, restartCount: 0, image: 'busybox:1.36', imageID: 'docker.io/library/busybox@sha256:abc', containerID: 'containerd://111', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(286), finishedAt: ago(285) } } }],
    containerStatuses: [
      {
        name: 'nginx',
        ready: false,
        restartCount: 2,
        image: 'nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:def',
        containerID: 'containerd://222',
        state: { running: { startedAt: ago(60) } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: ago(200), finishedAt: ago(61) } },
      },
    ],
  },
};

export const describeCases: Record<string, { target: KubeObject; others: KubeObject[] }> = {
  statefulset: {
    target: sts,
    others: [pod, event(sts, 'SuccessfulCreate', 'create Pod web-0 in StatefulSet web successful', { component: 'statefulset-controller', first: 290 })],
  },
  pod: {
    target: pod,
    others: [
      event(pod, 'Scheduled', 'Successfully assigned default/web-0 to node01', { component: 'default-scheduler', first: 290 }),
      event(pod, 'BackOff', 'Back-off restarting failed container nginx in pod web-0_default(pod-uid)', { type: 'Warning', component: 'kubelet', host: 'node01', first: 200, last: 62, count: 4 }),
      event(pod, 'Pulled', 'Container image "nginx:1.27" already present on machine', { component: 'kubelet', host: 'node01', first: 61 }),
    ],
  },
  daemonset: {
    target: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'fluentd', namespace: 'kube-system', uid: 'ds-uid', creationTimestamp: ago(600), labels: { 'k8s-app': 'fluentd-logging' }, annotations: { 'deprecated.daemonset.template.generation': '1' } },
      spec: {
        selector: { matchLabels: { name: 'fluentd' } },
        template: {
          metadata: { labels: { name: 'fluentd' } },
          spec: {
            tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
            containers: [{ name: 'fluentd', image: 'fluentd:v1.16', volumeMounts: [{ name: 'varlog', mountPath: '/var/log' }] }],
            volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
          },
        },
      },
      status: { desiredNumberScheduled: 4, currentNumberScheduled: 4, updatedNumberScheduled: 4, numberAvailable: 3, numberReady: 3, numberMisscheduled: 0 },
    },
    others: [],
  },
  job: {
    target: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default', uid: 'job-uid', creationTimestamp: ago(120), labels: { 'batch.kubernetes.io/job-name': 'pi' }, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'cj', controller: true }] },
      spec: {
        parallelism: 2,
        completions: 4,
        completionMode: 'Indexed',
        backoffLimit: 6,
        suspend: false,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-uid' } },
        template: { metadata: { labels: { 'batch.kubernetes.io/job-name': 'pi' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } },
      },
      status: { startTime: ago(118), completionTime: ago(20), succeeded: 4, active: 0, ready: 0, failed: 1, completedIndexes: '0-3' },
    },
    others: [],
  },
  cronjob: {
    target: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly', namespace: 'default', uid: 'cj', creationTimestamp: ago(3600) },
      spec: {
        schedule: '*/1 * * * *',
        concurrencyPolicy: 'Forbid',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'date; echo Hello'] }] } } } },
      },
      status: { lastScheduleTime: ago(30), active: [{ kind: 'Job', name: 'nightly-29000001', namespace: 'default' }] },
    },
    others: [],
  },
  persistentvolume: {
    target: {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-local', uid: 'pv-uid', creationTimestamp: ago(600), finalizers: ['kubernetes.io/pv-protection'], annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'local-storage',
        volumeMode: 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: 'pvc-uid' },
        local: { path: '/mnt/disks/ssd1' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node01', 'node02'] }] }] } },
      },
      status: { phase: 'Bound' },
    },
    others: [],
  },
  persistentvolumeclaim: {
    target: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www-web-0', namespace: 'default', uid: 'pvc-uid', creationTimestamp: ago(295), labels: { app: 'web' }, finalizers: ['kubernetes.io/pvc-protection'], annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem', volumeName: 'pvc-0a1b' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    },
    others: [pod],
  },
  storageclass: {
    target: {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'local-path', creationTimestamp: ago(600), annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      parameters: { nodePath: '/opt/local-path' },
    },
    others: [],
  },
  service: {
    target: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', creationTimestamp: ago(300), labels: { app: 'web' } },
      spec: { type: 'NodePort', clusterIP: '10.96.12.34', clusterIPs: ['10.96.12.34'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
    },
    others: [
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'web-x1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
        addressType: 'IPv4',
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        endpoints: [
          { addresses: ['10.244.1.4'], conditions: { ready: true } },
          { addresses: ['10.244.2.4'], conditions: { ready: true } },
          { addresses: ['10.244.3.4'], conditions: { ready: false } },
        ],
      },
    ],
  },
  configmap: {
    target: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default', creationTimestamp: ago(60) }, data: { 'app.properties': 'mode=prod\nlevel=2\n', MODE: 'prod' } },
    others: [],
  },
  secret: {
    target: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default', creationTimestamp: ago(60) }, type: 'Opaque', data: { pass: 'czNjcjN0', user: 'YWRtaW4=' } },
    others: [],
  },
  namespace: {
    target: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', creationTimestamp: ago(60), labels: { 'kubernetes.io/metadata.name': 'team-a' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
    others: [],
  },
  controllerrevision: {
    target: {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'web-6b78fbb54b', namespace: 'default', uid: 'cr-uid', creationTimestamp: '2026-01-05T09:05:00Z', resourceVersion: '1200', labels: { app: 'web', 'controller.kubernetes.io/hash': '6b78fbb54b' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'sts-uid', controller: true, blockOwnerDeletion: true }] },
      data: { spec: { template: { $patch: 'replace', metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } },
      revision: 1,
    },
    others: [],
  },
  serviceaccount: {
    target: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'default', creationTimestamp: ago(60) }, imagePullSecrets: [{ name: 'regcred' }], secrets: [{ name: 'old-token' }, { name: 'gone' }] },
    others: [
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'default' }, type: 'kubernetes.io/dockerconfigjson' },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'old-token', namespace: 'default', annotations: { 'kubernetes.io/service-account.name': 'builder' } }, type: 'kubernetes.io/service-account-token' },
    ],
  },
  priorityclass: {
    target: { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high', creationTimestamp: ago(60) }, value: 1000, globalDefault: false, preemptionPolicy: 'Never', description: 'batch jobs that must not preempt' },
    others: [],
  },
  node: {
    target: {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node01', uid: 'node-uid', creationTimestamp: ago(3600), labels: { 'kubernetes.io/hostname': 'node01', 'kubernetes.io/os': 'linux', disk: 'ssd' }, annotations: { 'node.alpha.kubernetes.io/ttl': '0' } },
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }, { key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] },
      status: {
        capacity: { cpu: '2', memory: '4015852Ki', pods: '110', 'ephemeral-storage': '50620216Ki', 'hugepages-2Mi': '0' },
        allocatable: { cpu: '2', memory: '3913452Ki', pods: '110', 'ephemeral-storage': '46651590989', 'hugepages-2Mi': '0' },
        conditions: [
          { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: ago(20), lastTransitionTime: ago(3600), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
          { type: 'Ready', status: 'True', lastHeartbeatTime: ago(20), lastTransitionTime: ago(3590), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
        ],
        addresses: [{ type: 'InternalIP', address: '172.30.2.2' }, { type: 'Hostname', address: 'node01' }],
        nodeInfo: { machineID: 'm1', systemUUID: 's1', bootID: 'b1', kernelVersion: '6.8.0-79-generic', osImage: 'Ubuntu 24.04.3 LTS', operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'containerd://2.1.4', kubeletVersion: 'v1.34.1', kubeProxyVersion: '' },
      },
    },
    others: [
      pod,
      { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node01', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node01', leaseDurationSeconds: 40, renewTime: '2026-01-05T09:09:50.000000Z' } },
    ],
  },
  endpointslice: {
    target: {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-x1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.244.1.4'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'web-0' }, nodeName: 'node01' },
        { addresses: ['10.244.3.4'], conditions: { ready: false }, hostname: 'web-1', targetRef: { kind: 'Pod', name: 'web-1' }, nodeName: 'node03' },
      ],
    },
    others: [],
  },
};
