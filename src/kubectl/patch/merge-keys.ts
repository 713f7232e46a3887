/**
 * Patch strategies of list fields, from the `patchMergeKey` / `patchStrategy` struct tags in
 * k8s.io/api (core/v1/types.go, apps/v1/types.go, meta/v1/types.go). A list not named here is
 * atomic: a patch replaces it whole.
 */

export interface ListStrategy {
  /** Merge elements by this key (objects). */
  mergeKey?: string;
  /** A list of scalars merged as a set (finalizers). */
  set?: boolean;
}

/** `Struct.field` → how its list merges. */
export const LIST_STRATEGIES: Record<string, ListStrategy> = {
  'ObjectMeta.finalizers': { set: true },
  'ObjectMeta.ownerReferences': { mergeKey: 'uid' },
  'PodSpec.containers': { mergeKey: 'name' },
  'PodSpec.initContainers': { mergeKey: 'name' },
  'PodSpec.ephemeralContainers': { mergeKey: 'name' },
  'PodSpec.volumes': { mergeKey: 'name' },
  'PodSpec.imagePullSecrets': { mergeKey: 'name' },
  'PodSpec.hostAliases': { mergeKey: 'ip' },
  'PodSpec.topologySpreadConstraints': { mergeKey: 'topologyKey' },
  'PodSpec.readinessGates': { mergeKey: 'conditionType' },
  'PodSpec.schedulingGates': { mergeKey: 'name' },
  'PodSpec.resourceClaims': { mergeKey: 'name' },
  'Container.ports': { mergeKey: 'containerPort' },
  'Container.env': { mergeKey: 'name' },
  'Container.volumeMounts': { mergeKey: 'mountPath' },
  'Container.volumeDevices': { mergeKey: 'devicePath' },
  'EphemeralContainer.ports': { mergeKey: 'containerPort' },
  'EphemeralContainer.env': { mergeKey: 'name' },
  'EphemeralContainer.volumeMounts': { mergeKey: 'mountPath' },
  'ServiceSpec.ports': { mergeKey: 'port' },
  'ServiceAccount.secrets': { mergeKey: 'name' },
  'PodStatus.conditions': { mergeKey: 'type' },
  'NodeStatus.conditions': { mergeKey: 'type' },
  'NodeStatus.addresses': { mergeKey: 'type' },
  'NodeSpec.podCIDRs': { set: true },
  'NamespaceStatus.conditions': { mergeKey: 'type' },
  'PersistentVolumeClaimStatus.conditions': { mergeKey: 'type' },
  'DeploymentStatus.conditions': { mergeKey: 'type' },
  'StatefulSetStatus.conditions': { mergeKey: 'type' },
  'DaemonSetStatus.conditions': { mergeKey: 'type' },
  'ReplicaSetStatus.conditions': { mergeKey: 'type' },
};
