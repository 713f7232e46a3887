/**
 * Structs of the smaller groups: storage.k8s.io (StorageClass, VolumeAttachment),
 * scheduling.k8s.io (PriorityClass), coordination.k8s.io (Lease), discovery.k8s.io (EndpointSlice).
 */
import { arr, bool, f, i32, opaque, openStruct, ref, str, strMap, struct, time } from './types.ts';
import { objectHeader } from './core.ts';

struct('StorageClass', 'A class of storage: which provisioner creates volumes and with what parameters.', {
  ...objectHeader(),
  allowVolumeExpansion: f(bool, 'Whether claims of this class may be resized.'),
  allowedTopologies: f(arr(opaque('TopologySelectorTerm')), 'Topologies volumes may be provisioned in.'),
  mountOptions: f(arr(str()), 'Mount options of provisioned volumes.'),
  parameters: f(strMap, 'Provisioner-specific settings.'),
  provisioner: f(str(), 'Name of the volume plugin that provisions volumes.', true),
  reclaimPolicy: f(str('Delete', 'Recycle', 'Retain'), 'Reclaim policy of provisioned volumes. Defaults to Delete.'),
  volumeBindingMode: f(str('Immediate', 'WaitForFirstConsumer'), 'Immediate binds claims at once; WaitForFirstConsumer waits for a pod using the claim to be scheduled. Defaults to Immediate.'),
});
struct('VolumeAttachment', 'The intent to attach a volume to a node.', {
  ...objectHeader(),
  spec: f(ref('VolumeAttachmentSpec'), 'What to attach where.', true),
  status: f(ref('VolumeAttachmentStatus'), 'Attach state. Read-only.'),
});
openStruct('VolumeAttachmentSpec', 'The attacher, the volume and the node.');
openStruct('VolumeAttachmentStatus', 'Attach state of a volume.');
struct('PriorityClass', 'Maps a class name to a pod priority.', {
  ...objectHeader(),
  description: f(str(), 'When to use this class.'),
  globalDefault: f(bool, 'Use this class for pods naming no class. Only one class may be the default.'),
  preemptionPolicy: f(str('Never', 'PreemptLowerPriority'), 'Whether pods of this class may preempt others. Defaults to PreemptLowerPriority.'),
  value: f(i32, 'The priority; higher is more important.', true),
});
struct('Lease', 'A lease used for node heartbeats and leader election.', {
  ...objectHeader(),
  spec: f(ref('LeaseSpec'), 'Holder and timing of the lease.'),
});
struct('LeaseSpec', 'The state of a lease.', {
  acquireTime: f(time, 'When the current holder acquired it.'),
  holderIdentity: f(str(), 'Current holder.'),
  leaseDurationSeconds: f(i32, 'Seconds candidates wait before taking it over.'),
  leaseTransitions: f(i32, 'How many times the holder changed.'),
  preferredHolder: f(str(), 'Holder that should take over.'),
  renewTime: f(time, 'When the holder last renewed it.'),
  strategy: f(str(), 'Strategy for picking a leader.'),
});
struct('EndpointSlice', 'A subset of the endpoints of a service.', {
  ...objectHeader(),
  addressType: f(str('FQDN', 'IPv4', 'IPv6'), 'Type of the addresses.', true),
  endpoints: f(arr(opaque('Endpoint')), 'The endpoints.', true),
  ports: f(arr(opaque('EndpointPort')), 'The ports.'),
});
