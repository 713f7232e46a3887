/**
 * The resource types this API server serves: what `kubectl api-resources` lists and what kubectl
 * uses to resolve `po`, `pods`, `pod` or `Pod` to one type.
 */

export interface ResourceType {
  kind: string;
  /** Lower-case plural, the REST resource name (`statefulsets`). */
  plural: string;
  singular: string;
  shortNames: string[];
  /** API group, '' for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  verbs: string[];
  categories?: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function type(
  kind: string,
  plural: string,
  group: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories?: string[],
): ResourceType {
  return {
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    group,
    version: 'v1',
    namespaced,
    verbs: ALL_VERBS,
    categories,
  };
}

/** In the order `kubectl api-resources` prints them (core group first, then by group name). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  type('ConfigMap', 'configmaps', '', true, ['cm']),
  type('Endpoints', 'endpoints', '', true, ['ep']),
  type('Event', 'events', '', true, ['ev']),
  type('Namespace', 'namespaces', '', false, ['ns']),
  type('Node', 'nodes', '', false, ['no']),
  type('PersistentVolumeClaim', 'persistentvolumeclaims', '', true, ['pvc']),
  type('PersistentVolume', 'persistentvolumes', '', false, ['pv']),
  type('Pod', 'pods', '', true, ['po'], ['all']),
  type('Secret', 'secrets', '', true),
  type('ServiceAccount', 'serviceaccounts', '', true, ['sa']),
  type('Service', 'services', '', true, ['svc'], ['all']),
  type('ControllerRevision', 'controllerrevisions', 'apps', true),
  type('DaemonSet', 'daemonsets', 'apps', true, ['ds'], ['all']),
  type('Deployment', 'deployments', 'apps', true, ['deploy'], ['all']),
  type('ReplicaSet', 'replicasets', 'apps', true, ['rs'], ['all']),
  type('StatefulSet', 'statefulsets', 'apps', true, ['sts'], ['all']),
  type('CronJob', 'cronjobs', 'batch', true, ['cj'], ['all']),
  type('Job', 'jobs', 'batch', true, [], ['all']),
  type('Lease', 'leases', 'coordination.k8s.io', true),
  type('EndpointSlice', 'endpointslices', 'discovery.k8s.io', true),
  type('PriorityClass', 'priorityclasses', 'scheduling.k8s.io', false, ['pc']),
  type('StorageClass', 'storageclasses', 'storage.k8s.io', false, ['sc']),
  type('VolumeAttachment', 'volumeattachments', 'storage.k8s.io', false),
];

const byKind = new Map(RESOURCE_TYPES.map((t) => [t.kind, t]));

export function resourceForKind(kind: string): ResourceType | undefined {
  return byKind.get(kind);
}

/** `apps/v1` for apps, `v1` for the core group. */
export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `statefulsets.apps`, `pods`: the GroupResource string used in NotFound/AlreadyExists messages. */
export function groupResource(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** `StatefulSet.apps`, `Pod`: the GroupKind string. */
export function groupKind(t: ResourceType): string {
  return t.group ? `${t.kind}.${t.group}` : t.kind;
}

/**
 * Resolves what a user typed (`po`, `pods`, `pod`, `Pod`, `statefulsets.apps`, `deployment.v1.apps`)
 * to a type, or undefined: kubectl then says `the server doesn't have a resource type "x"`.
 */
export function resolveResource(input: string): ResourceType | undefined {
  const dot = input.indexOf('.');
  const name = (dot === -1 ? input : input.slice(0, dot)).toLowerCase();
  let group: string | undefined;
  if (dot !== -1) {
    const rest = input.slice(dot + 1).toLowerCase();
    // `deployment.v1.apps` names a version then a group; `statefulsets.apps` a group.
    group = /^v\d/.test(rest) ? rest.replace(/^v\d[a-z0-9]*\.?/, '') : rest;
  }
  for (const t of RESOURCE_TYPES) {
    if (group !== undefined && t.group !== group) continue;
    if (t.plural === name || t.singular === name || t.shortNames.includes(name)) return t;
  }
  return undefined;
}
