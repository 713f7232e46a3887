/**
 * core/v1 structs: Pod and its spec (containers, volumes, probes, affinity, tolerations), Service,
 * PersistentVolume(Claim), ConfigMap, Secret, Namespace, Node, ServiceAccount, Endpoints, Event.
 * Field names and types follow api/openapi-spec/v3/api__v1_openapi.json.
 */
import { arr, bool, f, i32, i64, intOrString, map, opaque, openStruct, quantity, ref, str, strMap, struct, time } from './types.ts';
import './meta.ts';

const apiVersion = f(str(), 'Versioned schema of this object (group/version).');
const kind = f(str(), 'The REST resource this object represents, in CamelCase.');
const metadata = f(ref('ObjectMeta'), "Standard object's metadata.");

/** The apiVersion/kind/metadata triple every top-level kind starts with. */
export function objectHeader() {
  return { apiVersion, kind, metadata };
}

// ------------------------------------------------------------------ Pod

struct('Pod', 'A group of containers scheduled together onto one node, sharing network and volumes.', {
  ...objectHeader(),
  spec: f(ref('PodSpec'), 'What the pod should run.'),
  status: f(ref('PodStatus'), 'What the pod is doing, as last observed. Read-only.'),
});
openStruct('PodStatus', 'Observed state of a pod: phase, conditions, IPs and container statuses.');

struct('PodSpec', 'The desired contents and placement of a pod.', {
  activeDeadlineSeconds: f(i64, 'Seconds the pod may run (from start) before the kubelet kills it.'),
  affinity: f(ref('Affinity'), 'Node, pod and anti-pod affinity rules for scheduling.'),
  automountServiceAccountToken: f(bool, 'Whether a service account token is mounted automatically.'),
  containers: f(arr(ref('Container')), 'The containers of the pod. At least one is required; cannot be added or removed later.', true),
  dnsConfig: f(ref('PodDNSConfig'), 'Extra DNS settings merged into the generated resolv.conf.'),
  dnsPolicy: f(str('ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'), 'How DNS is set up for the pod. Defaults to ClusterFirst.'),
  enableServiceLinks: f(bool, 'Whether service environment variables are injected. Defaults to true.'),
  ephemeralContainers: f(arr(ref('EphemeralContainer')), 'Debugging containers added to a running pod.'),
  hostAliases: f(arr(ref('HostAlias')), 'Extra /etc/hosts entries.'),
  hostIPC: f(bool, "Use the node's IPC namespace."),
  hostNetwork: f(bool, "Use the node's network namespace."),
  hostPID: f(bool, "Use the node's PID namespace."),
  hostUsers: f(bool, "Use the node's user namespace. Defaults to true."),
  hostname: f(str(), 'Hostname of the pod; defaults to the pod name.'),
  imagePullSecrets: f(arr(ref('LocalObjectReference')), 'Secrets used to pull images from private registries.'),
  initContainers: f(arr(ref('Container')), 'Containers run one by one, to completion, before the main containers start.'),
  nodeName: f(str(), 'Node the pod is bound to. Set by the scheduler, or by you to skip scheduling.'),
  nodeSelector: f(strMap, 'Labels a node must carry for the pod to be scheduled on it.'),
  os: f(ref('PodOS'), 'Operating system the containers need.'),
  overhead: f(map(quantity), 'Resources the pod sandbox itself uses.'),
  preemptionPolicy: f(str('Never', 'PreemptLowerPriority'), 'Whether this pod may preempt lower-priority pods.'),
  priority: f(i32, 'Priority value, filled from priorityClassName by the admission plugin.'),
  priorityClassName: f(str(), 'Name of the PriorityClass giving this pod its priority.'),
  readinessGates: f(arr(ref('PodReadinessGate')), 'Extra conditions that must be True for the pod to be Ready.'),
  resourceClaims: f(arr(ref('PodResourceClaim')), 'Dynamic resource claims the pod uses.'),
  resources: f(ref('ResourceRequirements'), 'Pod-level resource requests and limits.'),
  restartPolicy: f(str('Always', 'Never', 'OnFailure'), 'When containers are restarted: Always, OnFailure or Never. Defaults to Always.'),
  runtimeClassName: f(str(), 'RuntimeClass used to run the pod.'),
  schedulerName: f(str(), 'Scheduler that places the pod. Defaults to default-scheduler.'),
  schedulingGates: f(arr(ref('PodSchedulingGate')), 'While any gate is present, the pod is not scheduled.'),
  securityContext: f(ref('PodSecurityContext'), 'Pod-wide security settings.'),
  serviceAccount: f(str(), 'Deprecated alias of serviceAccountName.'),
  serviceAccountName: f(str(), 'ServiceAccount the pod runs as.'),
  setHostnameAsFQDN: f(bool, 'Use the fully qualified domain name as the hostname.'),
  shareProcessNamespace: f(bool, 'Containers share one PID namespace.'),
  subdomain: f(str(), 'With a matching headless Service, gives the pod the DNS name <hostname>.<subdomain>.<namespace>.svc.'),
  terminationGracePeriodSeconds: f(i64, 'Seconds between SIGTERM and SIGKILL when the pod is deleted. Defaults to 30.'),
  tolerations: f(arr(ref('Toleration')), 'Taints this pod tolerates.'),
  topologySpreadConstraints: f(arr(ref('TopologySpreadConstraint')), 'How pods are spread across zones, nodes or other topology domains.'),
  volumes: f(arr(ref('Volume')), 'Volumes containers of this pod can mount.'),
});

const containerFields = {
  args: f(arr(str()), 'Arguments to the entrypoint; replace the image CMD. $(VAR) references are expanded.'),
  command: f(arr(str()), 'Entrypoint array, not run in a shell; replaces the image ENTRYPOINT.'),
  env: f(arr(ref('EnvVar')), 'Environment variables to set.'),
  envFrom: f(arr(ref('EnvFromSource')), 'Sources (ConfigMaps, Secrets) whose keys all become environment variables.'),
  image: f(str(), 'Container image name, e.g. nginx:1.27.'),
  imagePullPolicy: f(str('Always', 'IfNotPresent', 'Never'), 'When to pull the image. Defaults to Always for :latest, IfNotPresent otherwise.'),
  lifecycle: f(ref('Lifecycle'), 'Hooks run after start and before stop.'),
  livenessProbe: f(ref('Probe'), 'Check that restarts the container when it fails.'),
  name: f(str(), 'Name of the container, unique within the pod (a DNS label).', true),
  ports: f(arr(ref('ContainerPort')), 'Ports the container exposes (informational).'),
  readinessProbe: f(ref('Probe'), 'Check that removes the pod from Service endpoints while it fails.'),
  resizePolicy: f(arr(ref('ContainerResizePolicy')), 'How the container is resized in place.'),
  resources: f(ref('ResourceRequirements'), 'Compute resources requested and limited.'),
  restartPolicy: f(str('Always'), 'For init containers only: Always makes it a sidecar.'),
  securityContext: f(ref('SecurityContext'), 'Container security settings.'),
  startupProbe: f(ref('Probe'), 'Check that holds off the other probes until the container has started.'),
  stdin: f(bool, 'Allocate a stdin buffer.'),
  stdinOnce: f(bool, 'Close stdin after the first attach ends.'),
  terminationMessagePath: f(str(), 'File whose contents become the termination message. Defaults to /dev/termination-log.'),
  terminationMessagePolicy: f(str('FallbackToLogsOnError', 'File'), 'How the termination message is filled. Defaults to File.'),
  tty: f(bool, 'Allocate a TTY (needs stdin).'),
  volumeDevices: f(arr(ref('VolumeDevice')), 'Raw block volumes to expose.'),
  volumeMounts: f(arr(ref('VolumeMount')), "Volumes to mount into the container's filesystem."),
  workingDir: f(str(), 'Working directory; defaults to the image setting.'),
};
struct('Container', 'One container to run in a pod.', containerFields);
struct('EphemeralContainer', 'A temporary container added to a running pod for debugging.', {
  ...containerFields,
  targetContainerName: f(str(), 'Container whose namespaces this one joins.'),
});

struct('ContainerPort', 'A network port of a container.', {
  containerPort: f(i32, 'Port number on the pod IP.', true),
  hostIP: f(str(), 'Host IP to bind an external port to.'),
  hostPort: f(i32, 'Port to open on the node.'),
  name: f(str(), 'Name (IANA_SVC_NAME) Services can refer to.'),
  protocol: f(str('SCTP', 'TCP', 'UDP'), 'TCP, UDP or SCTP. Defaults to TCP.'),
});

struct('EnvVar', 'An environment variable.', {
  name: f(str(), 'Name of the variable.', true),
  value: f(str(), 'Literal value; $(VAR) references are expanded.'),
  valueFrom: f(ref('EnvVarSource'), 'Where the value comes from instead of value.'),
});
struct('EnvVarSource', 'A source for one variable value.', {
  configMapKeyRef: f(ref('ConfigMapKeySelector'), 'A key of a ConfigMap.'),
  fieldRef: f(ref('ObjectFieldSelector'), 'A field of the pod (metadata.name, status.podIP, …).'),
  fileKeyRef: f(opaque('FileKeySelector'), 'A key of an env file in a volume.'),
  resourceFieldRef: f(ref('ResourceFieldSelector'), 'A resource request or limit of a container.'),
  secretKeyRef: f(ref('SecretKeySelector'), 'A key of a Secret.'),
});
struct('ConfigMapKeySelector', 'Selects a key of a ConfigMap.', {
  key: f(str(), 'The key.', true),
  name: f(str(), 'Name of the ConfigMap.'),
  optional: f(bool, 'Do not fail when the ConfigMap or key is missing.'),
});
struct('SecretKeySelector', 'Selects a key of a Secret.', {
  key: f(str(), 'The key.', true),
  name: f(str(), 'Name of the Secret.'),
  optional: f(bool, 'Do not fail when the Secret or key is missing.'),
});
struct('ObjectFieldSelector', 'Selects a field of the pod.', {
  apiVersion: f(str(), 'Schema version of fieldPath. Defaults to v1.'),
  fieldPath: f(str(), 'Path of the field.', true),
});
struct('ResourceFieldSelector', 'Selects a container resource.', {
  containerName: f(str(), 'Container, required for volumes.'),
  divisor: f(quantity, 'Unit of the exposed value. Defaults to 1.'),
  resource: f(str(), 'Resource to select, e.g. limits.cpu.', true),
});
struct('EnvFromSource', 'A ConfigMap or Secret whose keys become environment variables.', {
  configMapRef: f(ref('ConfigMapEnvSource'), 'The ConfigMap.'),
  prefix: f(str(), 'Prefix added to every key.'),
  secretRef: f(ref('SecretEnvSource'), 'The Secret.'),
});
struct('ConfigMapEnvSource', 'A ConfigMap to take variables from.', {
  name: f(str(), 'Name of the ConfigMap.'),
  optional: f(bool, 'Do not fail when it is missing.'),
});
struct('SecretEnvSource', 'A Secret to take variables from.', {
  name: f(str(), 'Name of the Secret.'),
  optional: f(bool, 'Do not fail when it is missing.'),
});

struct('ResourceRequirements', 'Compute resource requests and limits.', {
  claims: f(arr(ref('ResourceClaim')), 'Dynamic resource claims used by this container.'),
  limits: f(map(quantity), 'Maximum amount of each resource allowed.'),
  requests: f(map(quantity), 'Amount of each resource reserved; used for scheduling. Defaults to limits when omitted.'),
});
struct('ResourceClaim', 'A reference to one of the pod resourceClaims.', {
  name: f(str(), 'Name of the claim entry.', true),
  request: f(str(), 'Request within the claim.'),
});
struct('ContainerResizePolicy', 'Resize policy for one resource.', {
  resourceName: f(str(), 'cpu or memory.', true),
  restartPolicy: f(str(), 'NotRequired or RestartContainer.', true),
});

struct('VolumeMount', 'Where a volume is mounted in a container.', {
  mountPath: f(str(), 'Path inside the container. Must not contain ":".', true),
  mountPropagation: f(str('Bidirectional', 'HostToContainer', 'None'), 'How mounts propagate between host and container.'),
  name: f(str(), 'Name of the pod volume.', true),
  readOnly: f(bool, 'Mount read-only. Defaults to false.'),
  recursiveReadOnly: f(str(), 'Whether read-only applies recursively.'),
  subPath: f(str(), 'Path within the volume to mount instead of its root.'),
  subPathExpr: f(str(), 'Like subPath, with $(VAR) expansion.'),
});
struct('VolumeDevice', 'A raw block device in a container.', {
  devicePath: f(str(), 'Device path inside the container.', true),
  name: f(str(), 'Name of a persistentVolumeClaim volume of the pod.', true),
});

struct('Probe', 'A health check: an action plus timing.', {
  exec: f(ref('ExecAction'), 'Run a command in the container; exit 0 means healthy.'),
  failureThreshold: f(i32, 'Consecutive failures before the probe counts as failed. Defaults to 3.'),
  grpc: f(ref('GRPCAction'), 'Call a gRPC health check.'),
  httpGet: f(ref('HTTPGetAction'), 'Send an HTTP GET; 2xx/3xx means healthy.'),
  initialDelaySeconds: f(i32, 'Seconds after start before the first probe.'),
  periodSeconds: f(i32, 'Seconds between probes. Defaults to 10.'),
  successThreshold: f(i32, 'Consecutive successes before the probe counts as passed. Defaults to 1.'),
  tcpSocket: f(ref('TCPSocketAction'), 'Open a TCP connection.'),
  terminationGracePeriodSeconds: f(i64, 'Grace period used when this probe fails.'),
  timeoutSeconds: f(i32, 'Seconds before a probe attempt times out. Defaults to 1.'),
});
struct('ExecAction', 'A command to run.', { command: f(arr(str()), 'Command line, run without a shell.') });
struct('HTTPGetAction', 'An HTTP GET request.', {
  host: f(str(), 'Host to connect to; defaults to the pod IP.'),
  httpHeaders: f(arr(ref('HTTPHeader')), 'Extra request headers.'),
  path: f(str(), 'Path to request.'),
  port: f(intOrString, 'Port number or name.', true),
  scheme: f(str('HTTP', 'HTTPS'), 'HTTP or HTTPS. Defaults to HTTP.'),
});
struct('HTTPHeader', 'One HTTP header.', {
  name: f(str(), 'Header name.', true),
  value: f(str(), 'Header value.', true),
});
struct('TCPSocketAction', 'A TCP connection attempt.', {
  host: f(str(), 'Host to connect to; defaults to the pod IP.'),
  port: f(intOrString, 'Port number or name.', true),
});
struct('GRPCAction', 'A gRPC health check call.', {
  port: f(i32, 'Port number.', true),
  service: f(str(), 'Service name sent in the request.'),
});
struct('Lifecycle', 'Hooks around the container lifecycle.', {
  postStart: f(ref('LifecycleHandler'), 'Runs right after the container is created.'),
  preStop: f(ref('LifecycleHandler'), 'Runs before the container is stopped.'),
  stopSignal: f(str(), 'Signal used to stop the container.'),
});
struct('LifecycleHandler', 'An action for a lifecycle hook.', {
  exec: f(ref('ExecAction'), 'Run a command.'),
  httpGet: f(ref('HTTPGetAction'), 'Send an HTTP GET.'),
  sleep: f(ref('SleepAction'), 'Sleep for a while.'),
  tcpSocket: f(ref('TCPSocketAction'), 'Deprecated TCP check.'),
});
struct('SleepAction', 'A pause.', { seconds: f(i64, 'Seconds to sleep.', true) });

openStruct('SecurityContext', 'Container security settings: user, capabilities, privilege, read-only root filesystem.');
openStruct('PodSecurityContext', 'Pod-wide security settings: runAsUser, runAsGroup, fsGroup, sysctls.');
openStruct('PodDNSConfig', 'Nameservers, searches and options added to the pod resolv.conf.');
openStruct('PodResourceClaim', 'A dynamic resource claim of the pod.');
struct('HostAlias', 'An /etc/hosts entry.', {
  hostnames: f(arr(str()), 'Hostnames for the IP.'),
  ip: f(str(), 'IP address.', true),
});
struct('LocalObjectReference', 'Names an object in the same namespace.', { name: f(str(), 'Name of the referent.') });
struct('PodOS', 'An operating system.', { name: f(str(), 'linux or windows.', true) });
struct('PodReadinessGate', 'A readiness gate.', { conditionType: f(str(), 'Pod condition type that must be True.', true) });
struct('PodSchedulingGate', 'A scheduling gate.', { name: f(str(), 'Name of the gate.', true) });

struct('Toleration', 'Lets a pod be scheduled onto (or stay on) a node with a matching taint.', {
  effect: f(str('NoExecute', 'NoSchedule', 'PreferNoSchedule'), 'Taint effect to match; empty matches all effects.'),
  key: f(str(), 'Taint key to match; empty with operator Exists matches every taint.'),
  operator: f(str('Equal', 'Exists'), 'Equal or Exists. Defaults to Equal.'),
  tolerationSeconds: f(i64, 'For NoExecute: how long the pod stays after the taint appears.'),
  value: f(str(), 'Taint value to match (with Equal).'),
});
struct('Taint', 'A node taint: pods without a matching toleration are repelled.', {
  effect: f(str('NoExecute', 'NoSchedule', 'PreferNoSchedule'), 'NoSchedule, PreferNoSchedule or NoExecute.', true),
  key: f(str(), 'Taint key.', true),
  timeAdded: f(time, 'When a NoExecute taint was added.'),
  value: f(str(), 'Taint value.'),
});
struct('TopologySpreadConstraint', 'How to spread matching pods across a topology.', {
  labelSelector: f(ref('LabelSelector'), 'Which pods count when computing spread.'),
  matchLabelKeys: f(arr(str()), 'Pod label keys whose values further restrict the counted pods.'),
  maxSkew: f(i32, 'Largest allowed difference in matching pods between domains.', true),
  minDomains: f(i32, 'Minimum number of eligible domains.'),
  nodeAffinityPolicy: f(str('Honor', 'Ignore'), 'Whether node affinity limits the domains.'),
  nodeTaintsPolicy: f(str('Honor', 'Ignore'), 'Whether node taints limit the domains.'),
  topologyKey: f(str(), 'Node label key defining the domains.', true),
  whenUnsatisfiable: f(str('DoNotSchedule', 'ScheduleAnyway'), 'DoNotSchedule or ScheduleAnyway.', true),
});

struct('Affinity', 'Scheduling affinity rules.', {
  nodeAffinity: f(ref('NodeAffinity'), 'Rules about which nodes the pod may or prefers to run on.'),
  podAffinity: f(ref('PodAffinity'), 'Rules to place the pod near other pods.'),
  podAntiAffinity: f(ref('PodAntiAffinity'), 'Rules to keep the pod away from other pods.'),
});
struct('NodeAffinity', 'Node affinity rules.', {
  preferredDuringSchedulingIgnoredDuringExecution: f(arr(ref('PreferredSchedulingTerm')), 'Weighted node preferences.'),
  requiredDuringSchedulingIgnoredDuringExecution: f(ref('NodeSelector'), 'Hard node requirements at scheduling time.'),
});
struct('NodeSelector', 'Terms ORed together.', {
  nodeSelectorTerms: f(arr(ref('NodeSelectorTerm')), 'The terms; a node must match one.', true),
});
struct('NodeSelectorTerm', 'Requirements ANDed together.', {
  matchExpressions: f(arr(ref('NodeSelectorRequirement')), 'Requirements on node labels.'),
  matchFields: f(arr(ref('NodeSelectorRequirement')), 'Requirements on node fields.'),
});
struct('NodeSelectorRequirement', 'A key, an operator and values.', {
  key: f(str(), 'Label key.', true),
  operator: f(str('DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'), 'In, NotIn, Exists, DoesNotExist, Gt or Lt.', true),
  values: f(arr(str()), 'Values to compare with.'),
});
struct('PreferredSchedulingTerm', 'A weighted node preference.', {
  preference: f(ref('NodeSelectorTerm'), 'The node term.', true),
  weight: f(i32, 'Weight 1-100.', true),
});
struct('PodAffinity', 'Pod affinity rules.', {
  preferredDuringSchedulingIgnoredDuringExecution: f(arr(ref('WeightedPodAffinityTerm')), 'Weighted preferences.'),
  requiredDuringSchedulingIgnoredDuringExecution: f(arr(ref('PodAffinityTerm')), 'Hard requirements.'),
});
struct('PodAntiAffinity', 'Pod anti-affinity rules.', {
  preferredDuringSchedulingIgnoredDuringExecution: f(arr(ref('WeightedPodAffinityTerm')), 'Weighted preferences.'),
  requiredDuringSchedulingIgnoredDuringExecution: f(arr(ref('PodAffinityTerm')), 'Hard requirements.'),
});
struct('PodAffinityTerm', 'Pods to be near (or away from), within a topology domain.', {
  labelSelector: f(ref('LabelSelector'), 'Which pods.'),
  matchLabelKeys: f(arr(str()), 'Extra label keys taken from the incoming pod.'),
  mismatchLabelKeys: f(arr(str()), 'Label keys whose values must differ.'),
  namespaceSelector: f(ref('LabelSelector'), 'Which namespaces.'),
  namespaces: f(arr(str()), 'Namespaces to look in; defaults to the pod namespace.'),
  topologyKey: f(str(), 'Node label key defining the domain.', true),
});
struct('WeightedPodAffinityTerm', 'A weighted pod affinity term.', {
  podAffinityTerm: f(ref('PodAffinityTerm'), 'The term.', true),
  weight: f(i32, 'Weight 1-100.', true),
});

// ------------------------------------------------------------------ volumes

struct('Volume', 'A named volume the containers of a pod can mount. Exactly one source must be set.', {
  name: f(str(), 'Name of the volume, unique within the pod.', true),
  awsElasticBlockStore: f(ref('AWSElasticBlockStoreVolumeSource'), 'Deprecated AWS disk.'),
  azureDisk: f(ref('AzureDiskVolumeSource'), 'Deprecated Azure disk.'),
  azureFile: f(ref('AzureFileVolumeSource'), 'Deprecated Azure file share.'),
  cephfs: f(ref('CephFSVolumeSource'), 'Deprecated CephFS mount.'),
  cinder: f(ref('CinderVolumeSource'), 'Deprecated Cinder volume.'),
  configMap: f(ref('ConfigMapVolumeSource'), 'Files from the keys of a ConfigMap.'),
  csi: f(ref('CSIVolumeSource'), 'An ephemeral volume from a CSI driver.'),
  downwardAPI: f(ref('DownwardAPIVolumeSource'), 'Files with pod information.'),
  emptyDir: f(ref('EmptyDirVolumeSource'), 'An empty directory that lives as long as the pod.'),
  ephemeral: f(ref('EphemeralVolumeSource'), 'A PVC created for and deleted with the pod.'),
  fc: f(ref('FCVolumeSource'), 'A Fibre Channel disk.'),
  flexVolume: f(ref('FlexVolumeSource'), 'Deprecated flex volume.'),
  flocker: f(ref('FlockerVolumeSource'), 'Deprecated Flocker volume.'),
  gcePersistentDisk: f(ref('GCEPersistentDiskVolumeSource'), 'Deprecated GCE disk.'),
  gitRepo: f(ref('GitRepoVolumeSource'), 'Deprecated git checkout.'),
  glusterfs: f(ref('GlusterfsVolumeSource'), 'Deprecated Glusterfs mount.'),
  hostPath: f(ref('HostPathVolumeSource'), 'A file or directory of the node.'),
  image: f(ref('ImageVolumeSource'), 'The contents of an OCI image.'),
  iscsi: f(ref('ISCSIVolumeSource'), 'An iSCSI disk.'),
  nfs: f(ref('NFSVolumeSource'), 'An NFS share.'),
  persistentVolumeClaim: f(ref('PersistentVolumeClaimVolumeSource'), 'A PersistentVolumeClaim in the same namespace.'),
  photonPersistentDisk: f(ref('PhotonPersistentDiskVolumeSource'), 'Deprecated Photon disk.'),
  portworxVolume: f(ref('PortworxVolumeSource'), 'Deprecated Portworx volume.'),
  projected: f(ref('ProjectedVolumeSource'), 'Several sources merged into one directory.'),
  quobyte: f(ref('QuobyteVolumeSource'), 'Deprecated Quobyte mount.'),
  rbd: f(ref('RBDVolumeSource'), 'Deprecated Rados block device.'),
  scaleIO: f(ref('ScaleIOVolumeSource'), 'Deprecated ScaleIO volume.'),
  secret: f(ref('SecretVolumeSource'), 'Files from the keys of a Secret.'),
  storageos: f(ref('StorageOSVolumeSource'), 'Deprecated StorageOS volume.'),
  vsphereVolume: f(ref('VsphereVirtualDiskVolumeSource'), 'Deprecated vSphere disk.'),
});
for (const name of [
  'AWSElasticBlockStoreVolumeSource', 'AzureDiskVolumeSource', 'AzureFileVolumeSource', 'CephFSVolumeSource',
  'CinderVolumeSource', 'CSIVolumeSource', 'FCVolumeSource', 'FlexVolumeSource', 'FlockerVolumeSource',
  'GCEPersistentDiskVolumeSource', 'GitRepoVolumeSource', 'GlusterfsVolumeSource', 'ImageVolumeSource',
  'ISCSIVolumeSource', 'PhotonPersistentDiskVolumeSource', 'PortworxVolumeSource', 'QuobyteVolumeSource',
  'RBDVolumeSource', 'ScaleIOVolumeSource', 'StorageOSVolumeSource', 'VsphereVirtualDiskVolumeSource',
  'ProjectedVolumeSource', 'DownwardAPIVolumeSource', 'EphemeralVolumeSource', 'CSIPersistentVolumeSource',
  'LocalVolumeSource', 'VolumeNodeAffinity',
]) {
  openStruct(name, `Settings of a ${name.replace(/VolumeSource$|PersistentVolumeSource$/, '')} volume.`);
}
struct('ConfigMapVolumeSource', 'Projects the keys of a ConfigMap as files.', {
  defaultMode: f(i32, 'Permission bits of the files. Defaults to 0644.'),
  items: f(arr(ref('KeyToPath')), 'Only these keys, at these paths.'),
  name: f(str(), 'Name of the ConfigMap.'),
  optional: f(bool, 'Do not fail when it is missing.'),
});
struct('SecretVolumeSource', 'Projects the keys of a Secret as files.', {
  defaultMode: f(i32, 'Permission bits of the files. Defaults to 0644.'),
  items: f(arr(ref('KeyToPath')), 'Only these keys, at these paths.'),
  optional: f(bool, 'Do not fail when it is missing.'),
  secretName: f(str(), 'Name of the Secret.'),
});
struct('KeyToPath', 'A key and the file it becomes.', {
  key: f(str(), 'The key.', true),
  mode: f(i32, 'Permission bits of this file.'),
  path: f(str(), 'Relative file path.', true),
});
struct('EmptyDirVolumeSource', 'An initially empty directory.', {
  medium: f(str(), 'Storage medium: "" (node disk) or Memory (tmpfs).'),
  sizeLimit: f(quantity, 'Largest size the directory may grow to.'),
});
struct('HostPathVolumeSource', 'A path on the node.', {
  path: f(str(), 'Path on the node.', true),
  type: f(str('', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'), 'What must exist at the path.'),
});
struct('NFSVolumeSource', 'An NFS export.', {
  path: f(str(), 'Exported path.', true),
  readOnly: f(bool, 'Mount read-only.'),
  server: f(str(), 'NFS server host or IP.', true),
});
struct('PersistentVolumeClaimVolumeSource', 'A claim to mount.', {
  claimName: f(str(), 'Name of the PersistentVolumeClaim in the pod namespace.', true),
  readOnly: f(bool, 'Mount read-only.'),
});

// ------------------------------------------------------------------ PersistentVolume(Claim)

struct('PersistentVolumeClaim', 'A request for storage, bound to one PersistentVolume.', {
  ...objectHeader(),
  spec: f(ref('PersistentVolumeClaimSpec'), 'The storage requested.'),
  status: f(ref('PersistentVolumeClaimStatus'), 'Binding state and capacity. Read-only.'),
});
openStruct('PersistentVolumeClaimStatus', 'Observed state of a claim: phase, access modes, capacity.');
struct('PersistentVolumeClaimSpec', 'The storage a claim asks for.', {
  accessModes: f(arr(str('ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod')), 'Access modes the volume must support.'),
  dataSource: f(ref('TypedLocalObjectReference'), 'Populate the volume from a snapshot or another claim.'),
  dataSourceRef: f(ref('TypedObjectReference'), 'Populate the volume from any populator object.'),
  resources: f(ref('VolumeResourceRequirements'), 'Minimum storage size requested (requests.storage).'),
  selector: f(ref('LabelSelector'), 'Labels a volume must carry to be bound.'),
  storageClassName: f(str(), 'StorageClass of the volume; "" asks for a volume with no class.'),
  volumeAttributesClassName: f(str(), 'VolumeAttributesClass to use.'),
  volumeMode: f(str('Block', 'Filesystem'), 'Filesystem or Block. Defaults to Filesystem.'),
  volumeName: f(str(), 'Bind to this PersistentVolume.'),
});
struct('VolumeResourceRequirements', 'Storage requests and limits.', {
  limits: f(map(quantity), 'Maximum storage.'),
  requests: f(map(quantity), 'Minimum storage.'),
});
struct('TypedLocalObjectReference', 'An object in the same namespace.', {
  apiGroup: f(str(), 'API group of the referent.'),
  kind: f(str(), 'Kind of the referent.', true),
  name: f(str(), 'Name of the referent.', true),
});
struct('TypedObjectReference', 'An object, possibly in another namespace.', {
  apiGroup: f(str(), 'API group of the referent.'),
  kind: f(str(), 'Kind of the referent.', true),
  name: f(str(), 'Name of the referent.', true),
  namespace: f(str(), 'Namespace of the referent.'),
});

struct('PersistentVolume', 'A piece of storage in the cluster, provisioned by an administrator or a StorageClass.', {
  ...objectHeader(),
  spec: f(ref('PersistentVolumeSpec'), 'What the volume is and how it may be used.'),
  status: f(ref('PersistentVolumeStatus'), 'Phase of the volume. Read-only.'),
});
openStruct('PersistentVolumeStatus', 'Observed phase of a volume.');
struct('PersistentVolumeSpec', 'The definition of a persistent volume.', {
  accessModes: f(arr(str('ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod')), 'Ways the volume can be mounted.'),
  awsElasticBlockStore: f(ref('AWSElasticBlockStoreVolumeSource'), 'Deprecated AWS disk.'),
  azureDisk: f(ref('AzureDiskVolumeSource'), 'Deprecated Azure disk.'),
  azureFile: f(opaque('AzureFilePersistentVolumeSource'), 'Deprecated Azure file share.'),
  capacity: f(map(quantity), 'Size of the volume (storage).'),
  cephfs: f(opaque('CephFSPersistentVolumeSource'), 'Deprecated CephFS mount.'),
  cinder: f(opaque('CinderPersistentVolumeSource'), 'Deprecated Cinder volume.'),
  claimRef: f(ref('ObjectReference'), 'The claim bound to this volume.'),
  csi: f(ref('CSIPersistentVolumeSource'), 'A volume managed by a CSI driver.'),
  fc: f(ref('FCVolumeSource'), 'A Fibre Channel disk.'),
  flexVolume: f(opaque('FlexPersistentVolumeSource'), 'Deprecated flex volume.'),
  flocker: f(ref('FlockerVolumeSource'), 'Deprecated Flocker volume.'),
  gcePersistentDisk: f(ref('GCEPersistentDiskVolumeSource'), 'Deprecated GCE disk.'),
  glusterfs: f(opaque('GlusterfsPersistentVolumeSource'), 'Deprecated Glusterfs mount.'),
  hostPath: f(ref('HostPathVolumeSource'), 'A directory on one node (testing only).'),
  iscsi: f(opaque('ISCSIPersistentVolumeSource'), 'An iSCSI disk.'),
  local: f(ref('LocalVolumeSource'), 'A local disk of one node (needs nodeAffinity).'),
  mountOptions: f(arr(str()), 'Extra mount options.'),
  nfs: f(ref('NFSVolumeSource'), 'An NFS share.'),
  nodeAffinity: f(ref('VolumeNodeAffinity'), 'Nodes the volume can be reached from.'),
  persistentVolumeReclaimPolicy: f(str('Delete', 'Recycle', 'Retain'), 'What happens when the claim is released: Retain, Delete or Recycle.'),
  photonPersistentDisk: f(ref('PhotonPersistentDiskVolumeSource'), 'Deprecated Photon disk.'),
  portworxVolume: f(ref('PortworxVolumeSource'), 'Deprecated Portworx volume.'),
  quobyte: f(ref('QuobyteVolumeSource'), 'Deprecated Quobyte mount.'),
  rbd: f(opaque('RBDPersistentVolumeSource'), 'Deprecated Rados block device.'),
  scaleIO: f(opaque('ScaleIOPersistentVolumeSource'), 'Deprecated ScaleIO volume.'),
  storageClassName: f(str(), 'StorageClass the volume belongs to.'),
  storageos: f(opaque('StorageOSPersistentVolumeSource'), 'Deprecated StorageOS volume.'),
  volumeAttributesClassName: f(str(), 'VolumeAttributesClass of the volume.'),
  volumeMode: f(str('Block', 'Filesystem'), 'Filesystem or Block. Defaults to Filesystem.'),
  vsphereVolume: f(ref('VsphereVirtualDiskVolumeSource'), 'Deprecated vSphere disk.'),
});
struct('ObjectReference', 'A reference to an object.', {
  apiVersion: f(str(), 'API version of the referent.'),
  fieldPath: f(str(), 'A field within the referent.'),
  kind: f(str(), 'Kind of the referent.'),
  name: f(str(), 'Name of the referent.'),
  namespace: f(str(), 'Namespace of the referent.'),
  resourceVersion: f(str(), 'Version of the referent.'),
  uid: f(str(), 'UID of the referent.'),
});

// ------------------------------------------------------------------ Service

struct('Service', 'A stable name and virtual IP in front of a set of pods chosen by a selector.', {
  ...objectHeader(),
  spec: f(ref('ServiceSpec'), 'How the service is exposed.'),
  status: f(ref('ServiceStatus'), 'Load balancer state. Read-only.'),
});
openStruct('ServiceStatus', 'Observed state of a service.');
struct('ServiceSpec', 'How a service selects pods and exposes ports.', {
  allocateLoadBalancerNodePorts: f(bool, 'Allocate node ports for LoadBalancer services. Defaults to true.'),
  clusterIP: f(str(), 'Virtual IP of the service; "None" makes it headless. Allocated when empty.'),
  clusterIPs: f(arr(str()), 'Virtual IPs, one per IP family.'),
  externalIPs: f(arr(str()), 'Extra IPs nodes accept traffic on.'),
  externalName: f(str(), 'DNS name returned for ExternalName services.'),
  externalTrafficPolicy: f(str('Cluster', 'Local'), 'Cluster or Local routing of external traffic.'),
  healthCheckNodePort: f(i32, 'Node port for load balancer health checks.'),
  internalTrafficPolicy: f(str('Cluster', 'Local'), 'Cluster or Local routing of internal traffic.'),
  ipFamilies: f(arr(str('IPv4', 'IPv6')), 'IP families of the service.'),
  ipFamilyPolicy: f(str('PreferDualStack', 'RequireDualStack', 'SingleStack'), 'SingleStack, PreferDualStack or RequireDualStack.'),
  loadBalancerClass: f(str(), 'Load balancer implementation to use.'),
  loadBalancerIP: f(str(), 'Deprecated requested load balancer IP.'),
  loadBalancerSourceRanges: f(arr(str()), 'Client CIDRs allowed through the load balancer.'),
  ports: f(arr(ref('ServicePort')), 'Ports the service exposes.'),
  publishNotReadyAddresses: f(bool, 'Publish DNS records for pods that are not ready (used with StatefulSets).'),
  selector: f(strMap, 'Labels of the pods that receive traffic.'),
  sessionAffinity: f(str('ClientIP', 'None'), 'ClientIP or None. Defaults to None.'),
  sessionAffinityConfig: f(opaque('SessionAffinityConfig'), 'Settings of session affinity.'),
  trafficDistribution: f(str(), 'Preference for routing traffic to close endpoints.'),
  type: f(str('ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'), 'ClusterIP, NodePort, LoadBalancer or ExternalName. Defaults to ClusterIP.'),
});
struct('ServicePort', 'One port of a service.', {
  appProtocol: f(str(), 'Application protocol hint.'),
  name: f(str(), 'Name of the port; required when there are several.'),
  nodePort: f(i32, 'Port on every node (NodePort, LoadBalancer). Allocated when empty.'),
  port: f(i32, 'Port the service listens on.', true),
  protocol: f(str('SCTP', 'TCP', 'UDP'), 'TCP, UDP or SCTP. Defaults to TCP.'),
  targetPort: f(intOrString, 'Port (number or name) on the pods. Defaults to port.'),
});

// ------------------------------------------------------------------ config, namespaces, nodes

struct('ConfigMap', 'Non-secret configuration data as key/value pairs.', {
  ...objectHeader(),
  binaryData: f(map(str()), 'Binary values, base64 encoded.'),
  data: f(strMap, 'Text values.'),
  immutable: f(bool, 'When true, data can no longer be changed.'),
});
struct('Secret', 'Sensitive data (passwords, tokens, keys) as key/value pairs.', {
  ...objectHeader(),
  data: f(map(str()), 'Values, base64 encoded.'),
  immutable: f(bool, 'When true, data can no longer be changed.'),
  stringData: f(strMap, 'Plain-text values, merged into data on write. Write-only.'),
  type: f(str(), 'Used to validate the contents, e.g. Opaque or kubernetes.io/tls.'),
});
struct('Namespace', 'A scope for names, and a unit of access control and quotas.', {
  ...objectHeader(),
  spec: f(ref('NamespaceSpec'), 'Finalizers of the namespace.'),
  status: f(ref('NamespaceStatus'), 'Phase of the namespace. Read-only.'),
});
struct('NamespaceSpec', 'The desired state of a namespace.', {
  finalizers: f(arr(str()), 'Must be empty before the namespace is removed.'),
});
openStruct('NamespaceStatus', 'Phase and conditions of a namespace.');
struct('Node', 'A worker machine that runs pods.', {
  ...objectHeader(),
  spec: f(ref('NodeSpec'), 'How the node is configured.'),
  status: f(ref('NodeStatus'), 'Conditions, capacity, addresses and versions. Read-only.'),
});
struct('NodeSpec', 'Settings of a node.', {
  configSource: f(opaque('NodeConfigSource'), 'Deprecated dynamic kubelet configuration.'),
  externalID: f(str(), 'Deprecated.'),
  podCIDR: f(str(), 'Pod IP range assigned to the node.'),
  podCIDRs: f(arr(str()), 'Pod IP ranges, one per family.'),
  providerID: f(str(), 'ID assigned by the cloud provider.'),
  taints: f(arr(ref('Taint')), 'Taints repelling pods without matching tolerations.'),
  unschedulable: f(bool, 'When true (kubectl cordon), no new pods are scheduled here.'),
});
openStruct('NodeStatus', 'Observed state of a node.');
struct('ServiceAccount', 'An identity for processes running in pods.', {
  ...objectHeader(),
  automountServiceAccountToken: f(bool, 'Whether pods mount a token by default.'),
  imagePullSecrets: f(arr(ref('LocalObjectReference')), 'Secrets added to pods for pulling images.'),
  secrets: f(arr(ref('ObjectReference')), 'Deprecated list of token secrets.'),
});
struct('Endpoints', 'The addresses behind a service (legacy; see EndpointSlice).', {
  ...objectHeader(),
  subsets: f(arr(opaque('EndpointSubset')), 'Groups of addresses and ports.'),
});
struct('Event', 'A report of something that happened to an object.', {
  ...objectHeader(),
  action: f(str(), 'What was done.'),
  count: f(i32, 'How many times it happened.'),
  eventTime: f(time, 'When it first happened (MicroTime).'),
  firstTimestamp: f(time, 'When it was first recorded.'),
  involvedObject: f(ref('ObjectReference'), 'The object it is about.', true),
  lastTimestamp: f(time, 'When it was last recorded.'),
  message: f(str(), 'Human-readable description.'),
  reason: f(str(), 'Short machine-readable reason.'),
  related: f(ref('ObjectReference'), 'A second object involved.'),
  reportingComponent: f(str(), 'Controller that emitted it.'),
  reportingInstance: f(str(), 'Instance of that controller.'),
  series: f(opaque('EventSeries'), 'Data about a series of events.'),
  source: f(opaque('EventSource'), 'Component reporting it.'),
  type: f(str(), 'Normal or Warning.'),
});

/** Templates of pods embedded in workloads. */
struct('PodTemplateSpec', 'The pods a controller creates: metadata (labels) and spec.', {
  metadata: f(ref('ObjectMeta'), "Metadata of the pods; labels must match the workload's selector."),
  spec: f(ref('PodSpec'), 'Spec of the pods.'),
});

