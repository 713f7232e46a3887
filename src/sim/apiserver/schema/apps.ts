/**
 * apps/v1 structs: StatefulSet, DaemonSet, Deployment, ReplicaSet, ControllerRevision.
 * Field names and types follow api/openapi-spec/v3/apis__apps__v1_openapi.json.
 */
import { arr, bool, f, i32, i64, intOrString, opaque, openStruct, ref, str, struct } from './types.ts';
import { objectHeader } from './core.ts';

struct('StatefulSet', 'Runs pods with stable identities (name-0, name-1, …) and stable storage, created, updated and removed in order.', {
  ...objectHeader(),
  spec: f(ref('StatefulSetSpec'), 'The desired pods and how they are managed.'),
  status: f(ref('StatefulSetStatus'), 'Replica counts and revisions as last observed. Read-only.'),
});
struct('StatefulSetSpec', 'The desired state of a StatefulSet.', {
  minReadySeconds: f(i32, 'Seconds a new pod must be ready, without crashing, to count as available. Defaults to 0.'),
  ordinals: f(ref('StatefulSetOrdinals'), 'Number the first replica gets.'),
  persistentVolumeClaimRetentionPolicy: f(ref('StatefulSetPersistentVolumeClaimRetentionPolicy'), 'Whether claims from volumeClaimTemplates are kept or deleted when the set is deleted or scaled down.'),
  podManagementPolicy: f(str('OrderedReady', 'Parallel'), 'OrderedReady creates and deletes pods one at a time, waiting for readiness; Parallel does not wait. Defaults to OrderedReady.'),
  replicas: f(i32, 'Desired number of pods. Defaults to 1.'),
  revisionHistoryLimit: f(i32, 'How many old ControllerRevisions are kept. Defaults to 10.'),
  selector: f(ref('LabelSelector'), 'Labels of the pods this set manages; must match the template labels.', true),
  serviceName: f(str(), 'Headless Service giving each pod a DNS name: <pod>.<serviceName>.<namespace>.svc.'),
  template: f(ref('PodTemplateSpec'), 'The pods to create. Each gets a name with its ordinal.', true),
  updateStrategy: f(ref('StatefulSetUpdateStrategy'), 'How pods are replaced when the template changes.'),
  volumeClaimTemplates: f(arr(ref('PersistentVolumeClaim')), 'Claims created for each pod (<template>-<pod>), mounted by name. They outlive the pods.'),
});
struct('StatefulSetOrdinals', 'Ordinal numbering of replicas.', {
  start: f(i32, 'Ordinal of the first replica. Defaults to 0.'),
});
struct('StatefulSetPersistentVolumeClaimRetentionPolicy', 'What happens to claims from volumeClaimTemplates.', {
  whenDeleted: f(str(), 'Retain or Delete, when the StatefulSet is deleted. Defaults to Retain.'),
  whenScaled: f(str(), 'Retain or Delete, when a replica is removed by scaling down. Defaults to Retain.'),
});
struct('StatefulSetUpdateStrategy', 'How the controller replaces pods after a template change.', {
  rollingUpdate: f(ref('RollingUpdateStatefulSetStrategy'), 'Settings of the RollingUpdate strategy.'),
  type: f(str('OnDelete', 'RollingUpdate'), 'RollingUpdate replaces pods from the highest ordinal down; OnDelete waits for you to delete them. Defaults to RollingUpdate.'),
});
struct('RollingUpdateStatefulSetStrategy', 'Settings of a StatefulSet rolling update.', {
  maxUnavailable: f(intOrString, 'How many pods may be unavailable during the update (number or percentage). Defaults to 1.'),
  partition: f(i32, 'Only pods with an ordinal at or above this are updated. Defaults to 0.'),
});
openStruct('StatefulSetStatus', 'Observed replica counts, revisions and conditions of a StatefulSet.');

struct('DaemonSet', 'Runs one copy of a pod on every (selected) node.', {
  ...objectHeader(),
  spec: f(ref('DaemonSetSpec'), 'The desired pods and how they are managed.'),
  status: f(ref('DaemonSetStatus'), 'Scheduling counts as last observed. Read-only.'),
});
struct('DaemonSetSpec', 'The desired state of a DaemonSet.', {
  minReadySeconds: f(i32, 'Seconds a new pod must be ready to count as available. Defaults to 0.'),
  revisionHistoryLimit: f(i32, 'How many old ControllerRevisions are kept. Defaults to 10.'),
  selector: f(ref('LabelSelector'), 'Labels of the pods this set manages; must match the template labels.', true),
  template: f(ref('PodTemplateSpec'), 'The pod to run on each node.', true),
  updateStrategy: f(ref('DaemonSetUpdateStrategy'), 'How pods are replaced when the template changes.'),
});
struct('DaemonSetUpdateStrategy', 'How a DaemonSet replaces pods.', {
  rollingUpdate: f(ref('RollingUpdateDaemonSet'), 'Settings of the RollingUpdate strategy.'),
  type: f(str('OnDelete', 'RollingUpdate'), 'RollingUpdate or OnDelete. Defaults to RollingUpdate.'),
});
struct('RollingUpdateDaemonSet', 'Settings of a DaemonSet rolling update.', {
  maxSurge: f(intOrString, 'How many nodes may run an extra new pod during the update. Defaults to 0.'),
  maxUnavailable: f(intOrString, 'How many nodes may be without an available pod during the update. Defaults to 1.'),
});
openStruct('DaemonSetStatus', 'Observed scheduling counts of a DaemonSet.');

struct('Deployment', 'Declarative updates for stateless pods, through ReplicaSets.', {
  ...objectHeader(),
  spec: f(ref('DeploymentSpec'), 'The desired pods and rollout behaviour.'),
  status: f(ref('DeploymentStatus'), 'Rollout state as last observed. Read-only.'),
});
struct('DeploymentSpec', 'The desired state of a Deployment.', {
  minReadySeconds: f(i32, 'Seconds a new pod must be ready to count as available. Defaults to 0.'),
  paused: f(bool, 'Pauses rollouts.'),
  progressDeadlineSeconds: f(i32, 'Seconds before a stalled rollout is reported as failed. Defaults to 600.'),
  replicas: f(i32, 'Desired number of pods. Defaults to 1.'),
  revisionHistoryLimit: f(i32, 'How many old ReplicaSets are kept. Defaults to 10.'),
  selector: f(ref('LabelSelector'), 'Labels of the pods; must match the template labels.', true),
  strategy: f(ref('DeploymentStrategy'), 'How old pods are replaced by new ones.'),
  template: f(ref('PodTemplateSpec'), 'The pods to create.', true),
});
struct('DeploymentStrategy', 'How a Deployment replaces pods.', {
  rollingUpdate: f(ref('RollingUpdateDeployment'), 'Settings of RollingUpdate.'),
  type: f(str('Recreate', 'RollingUpdate'), 'Recreate or RollingUpdate. Defaults to RollingUpdate.'),
});
struct('RollingUpdateDeployment', 'Settings of a Deployment rolling update.', {
  maxSurge: f(intOrString, 'Pods allowed above the desired count during the update. Defaults to 25%.'),
  maxUnavailable: f(intOrString, 'Pods allowed to be unavailable during the update. Defaults to 25%.'),
});
openStruct('DeploymentStatus', 'Observed rollout state of a Deployment.');

struct('ReplicaSet', 'Keeps a number of identical pods running.', {
  ...objectHeader(),
  spec: f(ref('ReplicaSetSpec'), 'The desired pods.'),
  status: f(ref('ReplicaSetStatus'), 'Replica counts as last observed. Read-only.'),
});
struct('ReplicaSetSpec', 'The desired state of a ReplicaSet.', {
  minReadySeconds: f(i32, 'Seconds a new pod must be ready to count as available.'),
  replicas: f(i32, 'Desired number of pods. Defaults to 1.'),
  selector: f(ref('LabelSelector'), 'Labels of the pods; must match the template labels.', true),
  template: f(ref('PodTemplateSpec'), 'The pods to create.'),
});
openStruct('ReplicaSetStatus', 'Observed replica counts of a ReplicaSet.');

struct('ControllerRevision', 'An immutable snapshot of a workload template, used for rollbacks and update tracking.', {
  ...objectHeader(),
  data: f(opaque('RawExtension'), 'The serialized template state.'),
  revision: f(i64, 'Revision number.', true),
});

