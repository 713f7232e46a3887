/**
 * Registers the strategy of every kind the API server serves. Importing this module once (the
 * cluster does) makes defaulting and validation active. Each kind's rules live in
 * `defaults/<kind>.ts` and `validation/<kind>.ts`; this file only wires them.
 */
import { registerStrategy } from './strategy.ts';
import { WORKLOAD_STRATEGIES } from './workload-strategies.ts';
import { defaultPersistentVolume, defaultPersistentVolumeOnUpdate } from './defaults/persistent-volume.ts';
import { defaultPersistentVolumeClaim, resizeForbidden } from './defaults/persistent-volume-claim.ts';
import { defaultStorageClass } from './defaults/storage-class.ts';
import { forbidden } from './errors.ts';
import { resourceForKind } from './resources.ts';
import { validatePersistentVolume, validatePersistentVolumeUpdate } from './validation/persistent-volume.ts';
import { validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate } from './validation/persistent-volume-claim.ts';
import { validateStorageClass, validateStorageClassUpdate } from './validation/storage-class.ts';
import { validateVolumeAttachment, validateVolumeAttachmentUpdate } from './validation/volume-attachment.ts';
import { defaultPod, defaultPodRequests, defaultPodSpec } from './defaults/pod.ts';
import { defaultSecret } from './defaults/secret.ts';
import { defaultService, defaultServiceOnUpdate } from './defaults/service.ts';
import { validateConfigMap, validateImmutableData } from './validation/configmap.ts';
import { validateEndpoints, validateEndpointSlice } from './validation/endpoints.ts';
import { validateLease } from './validation/lease.ts';
import { validateNode, validateNodeUpdate } from './validation/node.ts';
import { validatePod, validatePodUpdate } from './validation/pod.ts';
import { validateSecret, validateSecretUpdate } from './validation/secret.ts';
import { validateService, validateServiceUpdate } from './validation/service.ts';

// ---------------------------------------------------------------- core/v1

/** plugin/pkg/admission/namespace/lifecycle: namespaces that can never be deleted. */
const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

registerStrategy('Namespace', {
  statusSubresource: true,
  defaults(obj) {
    obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name! };
    obj.spec = { finalizers: ['kubernetes'], ...obj.spec };
    obj.status = { phase: 'Active' };
  },
  gracePeriod(ns) {
    // The NamespaceLifecycle admission plugin refuses to delete the system namespaces. Deletion
    // has no admission hook here, so it runs where every delete passes: this grace-period query.
    if (IMMORTAL_NAMESPACES.includes(ns.metadata.name!)) {
      throw forbidden(resourceForKind('Namespace')!, ns.metadata.name!, 'this namespace may not be deleted');
    }
    return 0;
  },
  defaultsOnUpdate(obj) {
    // pkg/registry/core/namespace/strategy.go: the name label is always kept in sync.
    obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name! };
  },
  fieldSelectors: { 'status.phase': (o) => o.status?.phase },
});

registerStrategy('Node', {
  statusSubresource: true,
  validate: validateNode,
  validateUpdate: validateNodeUpdate,
  fieldSelectors: { 'spec.unschedulable': (o) => String(Boolean(o.spec?.unschedulable)) },
});

registerStrategy('Pod', {
  generation: true,
  statusSubresource: true,
  defaults: (obj, ctx) => defaultPod(obj, ctx),
  // Every request body is defaulted when decoded, updates too; admission only runs on create.
  defaultsOnUpdate: (obj) => {
    if (obj.spec) defaultPodSpec(obj.spec);
    if (obj.spec) defaultPodRequests(obj.spec);
  },
  validate: validatePod,
  validateUpdate: validatePodUpdate,
  gracePeriod(pod, requested) {
    // pkg/registry/core/pod/strategy.go CheckGracefulDelete: unscheduled or finished pods go at once.
    if (!pod.spec?.nodeName) return 0;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
    return requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  },
  fieldSelectors: {
    'spec.nodeName': (o) => o.spec?.nodeName,
    'spec.restartPolicy': (o) => o.spec?.restartPolicy,
    'spec.schedulerName': (o) => o.spec?.schedulerName,
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName,
    'spec.hostNetwork': (o) => String(Boolean(o.spec?.hostNetwork)),
    'status.phase': (o) => o.status?.phase,
    'status.podIP': (o) => o.status?.podIP,
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName,
  },
});

registerStrategy('Service', {
  statusSubresource: true,
  defaults: defaultService,
  defaultsOnUpdate: defaultServiceOnUpdate,
  validate: validateService,
  validateUpdate: validateServiceUpdate,
});

registerStrategy('Endpoints', { validate: validateEndpoints });

registerStrategy('ConfigMap', {
  validate: validateConfigMap,
  validateUpdate: validateImmutableData,
});

registerStrategy('Secret', {
  defaults: defaultSecret,
  defaultsOnUpdate: defaultSecret,
  validate: validateSecret,
  validateUpdate: validateSecretUpdate,
  fieldSelectors: { type: (o) => o.type },
});

registerStrategy('ServiceAccount', {});

registerStrategy('Event', {
  fieldSelectors: {
    'involvedObject.kind': (o) => o.involvedObject?.kind,
    'involvedObject.namespace': (o) => o.involvedObject?.namespace,
    'involvedObject.name': (o) => o.involvedObject?.name,
    'involvedObject.uid': (o) => o.involvedObject?.uid,
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion,
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion,
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath,
    reason: (o) => o.reason,
    reportingComponent: (o) => o.reportingComponent,
    source: (o) => o.source?.component,
    type: (o) => o.type,
  },
});

// ---------------------------------------------------------------- coordination.k8s.io, discovery.k8s.io

registerStrategy('Lease', { validate: validateLease });

registerStrategy('EndpointSlice', { generation: true, validate: validateEndpointSlice });

// ---------------------------------------------------------------- apps, batch (workload kinds)

for (const [kind, strategy] of Object.entries(WORKLOAD_STRATEGIES)) registerStrategy(kind, strategy);

// ---------------------------------------------------------------- storage

registerStrategy('PersistentVolume', {
  statusSubresource: true,
  defaults: defaultPersistentVolume,
  defaultsOnUpdate: defaultPersistentVolumeOnUpdate,
  validate: validatePersistentVolume,
  validateUpdate: validatePersistentVolumeUpdate,
  fieldSelectors: { 'status.phase': (o) => o.status?.phase },
});

registerStrategy('PersistentVolumeClaim', {
  statusSubresource: true,
  defaults: defaultPersistentVolumeClaim,
  defaultsOnUpdate(pvc, old, ctx) {
    const why = resizeForbidden(pvc, old, ctx);
    if (why) throw forbidden(resourceForKind('PersistentVolumeClaim')!, pvc.metadata.name ?? '', why);
  },
  validate: validatePersistentVolumeClaim,
  validateUpdate: validatePersistentVolumeClaimUpdate,
});

registerStrategy('StorageClass', {
  defaults: defaultStorageClass,
  validate: validateStorageClass,
  validateUpdate: validateStorageClassUpdate,
});

registerStrategy('VolumeAttachment', {
  statusSubresource: true,
  validate: validateVolumeAttachment,
  validateUpdate: validateVolumeAttachmentUpdate,
});
