/**
 * Pod defaulting as the API server applies it on create: the v1 defaulting functions
 * (pkg/apis/core/v1/defaults.go: SetDefaults_Pod, _PodSpec, _Container, _Probe, volume sources)
 * followed by the admission plugins that mutate every new pod (ServiceAccount, Priority,
 * DefaultTolerationSeconds). `defaultPodSpec` is the part that also applies to pod templates.
 */
import type { Container, PodSpec, Probe, Toleration, Volume } from 'kubernetes-types/core/v1';
import { forbidden } from '../errors.ts';
import { resourceForKind } from '../resources.ts';
import type { StrategyContext } from '../strategy.ts';
import type { KubeObject, Mutable } from '../types.ts';

type Spec = Mutable<PodSpec>;
type Ctr = Mutable<Container>;

/** Where the projected service account token is mounted in every container. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Built-in priority classes (pkg/apis/scheduling: SystemCriticalPriority = 2e9). */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

/** imagePullPolicy default: Always for `:latest` or an untagged image, else IfNotPresent. */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon === -1) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Mutable<Probe> | undefined): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
}

function defaultContainer(c: Ctr, hostNetwork: boolean): void {
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.resources ??= {};
  for (const p of c.ports ?? []) {
    p.protocol ??= 'TCP';
    if (hostNetwork && p.hostPort === undefined) p.hostPort = p.containerPort;
  }
  for (const e of c.env ?? []) {
    if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

function defaultVolume(v: Mutable<Volume>): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.secret) v.secret.defaultMode ??= 420;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= 420;
    for (const i of v.downwardAPI.items ?? []) if (i.fieldRef) i.fieldRef.apiVersion ??= 'v1';
  }
  if (v.projected) v.projected.defaultMode ??= 420;
  if (v.hostPath) v.hostPath.type ??= '';
}

/** Defaults every pod spec gets, in a Pod or in a workload's template. */
export function defaultPodSpec(spec: Spec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  const hostNetwork = spec.hostNetwork === true;
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/**
 * SetDefaults_Pod: a limit without a request becomes the request. Pods only: pod templates keep
 * what they were given (pkg/apis/core/v1/defaults.go says so of PodTemplate).
 */
export function defaultPodRequests(spec: Spec): void {
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const merged = { ...limits, ...c.resources!.requests };
    if (Object.keys(merged).length) c.resources!.requests = merged;
  }
}

/**
 * True when the pod already tolerates `key` with NoExecute (DefaultTolerationSeconds then leaves
 * it alone; plugin/pkg/admission/defaulttolerationseconds).
 */
function isToleratedNoExecute(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some(
    (t) => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || !t.key),
  );
}

/** Admission: the token volume and its mounts (plugin/pkg/admission/serviceaccount). */
function admitServiceAccount(pod: KubeObject, ctx: StrategyContext): void {
  const spec = pod.spec as Spec;
  spec.serviceAccountName ||= spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const sa = ctx.list('ServiceAccount', pod.metadata.namespace).find((s) => s.metadata.name === spec.serviceAccountName);
  if (!sa && spec.serviceAccountName !== 'default') {
    // The `default` account appears a moment after its namespace; any other must exist.
    const ns = pod.metadata.namespace ?? 'default';
    throw forbidden(
      resourceForKind('Pod')!,
      pod.metadata.name ?? '',
      `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
    );
  }
  const automount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true;
  if (!automount) return;
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith('kube-api-access-') && v.projected);
  const name = existing?.name ?? `kube-api-access-${ctx.random.suffix(5)}`;
  if (!existing) {
    spec.volumes = [
      ...(spec.volumes ?? []),
      {
        name,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
              },
            },
          ],
        },
      },
    ];
  }
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const mounts = c.volumeMounts ?? [];
    if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
    c.volumeMounts = [...mounts, { name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
  }
}

/** Admission: priority from the pod's class (plugin/pkg/admission/priority). */
function admitPriority(pod: KubeObject, ctx: StrategyContext): void {
  const spec = pod.spec as Spec;
  const className = spec.priorityClassName;
  let value = 0;
  let policy = 'PreemptLowerPriority';
  if (className) {
    const builtin = SYSTEM_PRIORITY_CLASSES[className];
    const pc = ctx.list('PriorityClass').find((p) => p.metadata.name === className);
    if (builtin === undefined && !pc) {
      throw forbidden(resourceForKind('Pod')!, pod.metadata.name ?? '', `no PriorityClass with name ${className} was found`);
    }
    value = builtin ?? pc?.value ?? 0;
    policy = pc?.preemptionPolicy ?? policy;
  } else {
    const global = ctx.list('PriorityClass').find((p) => p.globalDefault === true);
    if (global) {
      spec.priorityClassName = global.metadata.name;
      value = global.value ?? 0;
      policy = global.preemptionPolicy ?? policy;
    }
  }
  spec.priority ??= value;
  spec.preemptionPolicy ??= policy;
}

/** Admission: the not-ready/unreachable NoExecute tolerations (default 300 s). */
function admitDefaultTolerations(spec: Spec, seconds: number): void {
  const tolerations = spec.tolerations ?? [];
  const added: Toleration[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!isToleratedNoExecute(tolerations, key)) {
      added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
    }
  }
  if (added.length) spec.tolerations = [...tolerations, ...added];
}

/** The QoS class the API server records in status.qosClass (pkg/apis/core/helper/qos). */
export function podQOSClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      const q = req[r] ?? lim[r];
      if (q !== undefined && String(q) !== '0') any = true;
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** A kubelet's mirror of a static pod (`kubernetes.io/config.mirror`). */
export function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

/** Everything the API server fills in when a Pod is created. */
export function defaultPod(pod: KubeObject, ctx: StrategyContext, tolerationSeconds = 300): void {
  pod.spec = pod.spec ?? {};
  const spec = pod.spec as Spec;
  defaultPodSpec(spec);
  defaultPodRequests(spec);
  // Mirror pods of static pods skip the ServiceAccount admission plugin.
  if (!isMirrorPod(pod)) admitServiceAccount(pod, ctx);
  admitPriority(pod, ctx);
  admitDefaultTolerations(spec, tolerationSeconds);
  // pkg/registry/core/pod/strategy.go PrepareForCreate: status is reset to Pending + QoS class.
  pod.status = { phase: 'Pending', qosClass: podQOSClass(spec) };
}
