/**
 * Pod validation, worded as pkg/apis/core/validation/validation.go words it: ValidatePodSpec
 * (exported with a path prefix, so workload templates validate as `spec.template.spec…`) and
 * ValidatePodUpdate (the pod spec is immutable but for images, activeDeadlineSeconds, added
 * tolerations and a negative terminationGracePeriodSeconds).
 */
import type { Container, LifecycleHandler, PodSpec, Probe, Toleration } from 'kubernetes-types/core/v1';
import { field, GoLiteral, type Cause } from '../errors.ts';
import { formatQuantity, parseQuantity } from '../quantity.ts';
import type { KubeObject, Stored } from '../types.ts';
import { sameContent } from '../store.ts';
import { clone } from '../types.ts';
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from './meta.ts';
import { goSpecDiff } from './go-diff.ts';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** `Not found: "x"` (field.NotFound). */
export function notFoundCause(path: string, value: unknown): Cause {
  return { field: path, message: `Not found: ${JSON.stringify(value)}` };
}

/** ValidateLabels on a map other than metadata.labels (nodeSelector, selectors). */
export function validateLabelMap(labels: Readonly<Record<string, string>> | undefined, path: string): Cause[] {
  const out: Cause[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    out.push(...qualifiedNameErrors(path, k));
    if (typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v)) out.push(field.invalid(path, v, LABEL_VALUE_MSG));
  }
  return out;
}

/** validation.IsValidPortName (IANA_SVC_NAME) messages. */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && !/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';

export function isValidPort(p: unknown): boolean {
  return typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 65535;
}

function validateLabelName(path: string, value: string): Cause[] {
  return dns1123LabelErrors(value).map((m) => field.invalid(path, value, m));
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

function validateProbe(p: Probe | undefined, path: string, liveness: boolean): Cause[] {
  if (!p) return [];
  const out: Cause[] = [];
  const handlers = PROBE_HANDLERS.filter((h) => p[h] !== undefined);
  if (handlers.length === 0) out.push(field.required(path, 'must specify a handler type'));
  if (handlers.length > 1) out.push(field.forbidden(`${path}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = p[f];
    if (typeof v === 'number' && v < 0) out.push(field.invalid(`${path}.${f}`, v, 'must be greater than or equal to 0'));
  }
  if (liveness && p.successThreshold !== undefined && p.successThreshold !== 1) {
    out.push(field.invalid(`${path}.successThreshold`, p.successThreshold, 'must be 1'));
  }
  if (p.httpGet) {
    const port = p.httpGet.port;
    if (typeof port === 'number' && !isValidPort(port)) out.push(field.invalid(`${path}.httpGet.port`, port, PORT_RANGE_MSG));
    if (p.httpGet.scheme && !['HTTP', 'HTTPS'].includes(p.httpGet.scheme)) {
      out.push(field.notSupported(`${path}.httpGet.scheme`, p.httpGet.scheme, ['HTTP', 'HTTPS']));
    }
  }
  if (p.tcpSocket && typeof p.tcpSocket.port === 'number' && !isValidPort(p.tcpSocket.port)) {
    out.push(field.invalid(`${path}.tcpSocket.port`, p.tcpSocket.port, PORT_RANGE_MSG));
  }
  return out;
}

const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

/**
 * validateHandler for a lifecycle hook: exactly one handler; an exec command; an HTTP port and
 * scheme; a sleep no longer than the pod's grace period (PodLifecycleSleepActionAllowZero, on in
 * v1.34, allows 0). tcpSocket passes validation and fails when the kubelet runs it.
 */
function validateLifecycleHandler(h: LifecycleHandler, path: string, gracePeriod: number): Cause[] {
  const out: Cause[] = [];
  const handlers = LIFECYCLE_HANDLERS.filter((k) => h[k] !== undefined && h[k] !== null);
  if (handlers.length === 0) out.push(field.required(path, 'must specify a handler type'));
  for (const extra of handlers.slice(1)) out.push(field.forbidden(`${path}.${extra}`, 'may not specify more than 1 handler type'));
  const first = handlers[0];
  if (first === 'exec' && !(h.exec?.command ?? []).length) out.push(field.required(`${path}.exec.command`));
  if (first === 'httpGet') {
    const port = h.httpGet!.port;
    if (typeof port === 'number' && !isValidPort(port)) out.push(field.invalid(`${path}.httpGet.port`, port, PORT_RANGE_MSG));
    if (h.httpGet!.scheme && !['HTTP', 'HTTPS'].includes(h.httpGet!.scheme)) {
      out.push(field.notSupported(`${path}.httpGet.scheme`, h.httpGet!.scheme, ['HTTP', 'HTTPS']));
    }
  }
  if (first === 'sleep') {
    const seconds = h.sleep!.seconds;
    if (seconds < 0 || seconds > gracePeriod) {
      out.push(field.invalid(`${path}.sleep`, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
    }
  }
  return out;
}

/** A resource name without a domain (`cpu`, `hugepages-2Mi`) or in `kubernetes.io/` (helper.IsNativeResource). */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/**
 * validateContainerResourceName: a name without a domain must be one of the standard container
 * resources; a domain-qualified one must be native or follow the extended resource name standard.
 */
function resourceNameErrors(name: string, path: string): Cause[] {
  if (!name.includes('/')) {
    if (['cpu', 'memory', 'ephemeral-storage'].includes(name) || name.startsWith('hugepages-')) return [];
    return [field.invalid(path, name, 'must be a standard resource for containers')];
  }
  if (!isNativeResource(name) && name.startsWith('requests.')) return [field.invalid(path, name, "doesn't follow extended resource name standard")];
  return [];
}

/** Requests may exceed neither their limit nor, for hugepages and extended resources, differ from it (helper.IsOvercommitAllowed). */
function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !name.startsWith('hugepages-');
}

/** ValidateContainerResourceRequirements; quantities appear in their canonical form, as Quantity.String prints them. */
function validateResources(c: Container, path: string): Cause[] {
  const out: Cause[] = [];
  const limits = c.resources?.limits ?? {};
  const requests = c.resources?.requests ?? {};
  for (const [kind, map] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, q] of Object.entries(map)) {
      out.push(...resourceNameErrors(name, `${path}.resources.${kind}[${name}]`));
      const v = parseQuantity(q as string);
      if (v === undefined) {
        out.push(field.invalid(`${path}.resources.${kind}[${name}]`, q, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
      } else if (v < 0) {
        out.push(field.invalid(`${path}.resources.${kind}[${name}]`, formatQuantity(q as string), 'must be greater than or equal to 0'));
      }
    }
  }
  for (const [name, q] of Object.entries(requests)) {
    const lim = limits[name];
    if (lim === undefined) continue;
    const rv = parseQuantity(q as string);
    const lv = parseQuantity(lim as string);
    if (rv === undefined || lv === undefined) continue;
    if (rv !== lv && !isOvercommitAllowed(name)) {
      out.push(field.invalid(`${path}.resources.requests`, formatQuantity(q as string), `must be equal to ${name} limit of ${formatQuantity(lim as string)}`));
    } else if (rv > lv) {
      out.push(field.invalid(`${path}.resources.requests`, formatQuantity(q as string), `must be less than or equal to ${name} limit of ${formatQuantity(lim as string)}`));
    }
  }
  return out;
}

function validateContainer(
  c: Container,
  path: string,
  volumes: Set<string>,
  names: Set<string>,
  init: boolean,
  gracePeriod: number,
): Cause[] {
  const out: Cause[] = [];
  if (!c.name) out.push(field.required(`${path}.name`));
  else {
    out.push(...validateLabelName(`${path}.name`, c.name));
    if (names.has(c.name)) out.push(field.duplicate(`${path}.name`, c.name));
    names.add(c.name);
  }
  if (!c.image) out.push(field.required(`${path}.image`));
  else if (c.image.trim() !== c.image) out.push(field.invalid(`${path}.image`, c.image, 'must not have leading or trailing whitespace'));
  if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) {
    out.push(field.notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']));
  }
  if (c.terminationMessagePolicy && !['File', 'FallbackToLogsOnError'].includes(c.terminationMessagePolicy)) {
    out.push(field.invalid(`${path}.terminationMessagePolicy`, c.terminationMessagePolicy, "must be 'File' or 'FallbackToLogsOnError'"));
  }
  if (c.restartPolicy !== undefined) {
    if (!init) out.push(field.forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
    else if (c.restartPolicy !== 'Always') out.push(field.notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
  }
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((p, i) => {
    const pp = `${path}.ports[${i}]`;
    if (p.name) {
      for (const m of portNameErrors(p.name)) out.push(field.invalid(`${pp}.name`, p.name, m));
      if (portNames.has(p.name)) out.push(field.duplicate(`${pp}.name`, p.name));
      portNames.add(p.name);
    }
    if (p.containerPort === undefined || p.containerPort === null || p.containerPort === 0) out.push(field.required(`${pp}.containerPort`));
    else if (!isValidPort(p.containerPort)) out.push(field.invalid(`${pp}.containerPort`, p.containerPort, PORT_RANGE_MSG));
    if (p.hostPort !== undefined && p.hostPort !== 0 && !isValidPort(p.hostPort)) {
      out.push(field.invalid(`${pp}.hostPort`, p.hostPort, PORT_RANGE_MSG));
    }
    if (p.protocol && !['SCTP', 'TCP', 'UDP'].includes(p.protocol)) {
      out.push(field.notSupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    }
  });
  (c.env ?? []).forEach((e, i) => {
    const ep = `${path}.env[${i}]`;
    if (!e.name) out.push(field.required(`${ep}.name`));
    else if (!/^[\x20-\x7e]+$/.test(e.name) || e.name.includes('=')) {
      out.push(field.invalid(`${ep}.name`, e.name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
    if (e.valueFrom) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter(
        (k) => (e.valueFrom as Record<string, unknown>)[k] !== undefined,
      );
      if (e.value !== undefined && e.value !== '') {
        out.push(field.invalid(`${ep}.valueFrom`, '', 'may not be specified when `value` is not empty'));
      }
      if (sources.length === 0) out.push(field.invalid(`${ep}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
      if (e.valueFrom.configMapKeyRef && !e.valueFrom.configMapKeyRef.key) out.push(field.required(`${ep}.valueFrom.configMapKeyRef.key`));
      if (e.valueFrom.secretKeyRef && !e.valueFrom.secretKeyRef.key) out.push(field.required(`${ep}.valueFrom.secretKeyRef.key`));
    }
  });
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const mp = `${path}.volumeMounts[${i}]`;
    if (!m.name) out.push(field.required(`${mp}.name`));
    else if (!volumes.has(m.name)) out.push(notFoundCause(`${mp}.name`, m.name));
    if (!m.mountPath) out.push(field.required(`${mp}.mountPath`));
    else {
      if (mountPaths.has(m.mountPath)) out.push(field.invalid(`${mp}.mountPath`, m.mountPath, 'must be unique'));
      mountPaths.add(m.mountPath);
    }
    if (m.subPath && (m.subPath.startsWith('/') || m.subPath.split('/').includes('..'))) {
      out.push(field.invalid(`${mp}.subPath`, m.subPath, m.subPath.startsWith('/') ? 'must be a relative path' : "must not contain '..'"));
    }
  });
  if (c.lifecycle) {
    if (init && c.restartPolicy !== 'Always') out.push(field.forbidden(`${path}.lifecycle`, 'may not be set for init containers without restartPolicy=Always'));
    else {
      if (c.lifecycle.postStart) out.push(...validateLifecycleHandler(c.lifecycle.postStart, `${path}.lifecycle.postStart`, gracePeriod));
      if (c.lifecycle.preStop) out.push(...validateLifecycleHandler(c.lifecycle.preStop, `${path}.lifecycle.preStop`, gracePeriod));
    }
  }
  out.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, true));
  out.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, false));
  out.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, true));
  out.push(...validateResources(c, path));
  return out;
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

function validateVolumes(spec: PodSpec, path: string): { causes: Cause[]; names: Set<string> } {
  const out: Cause[] = [];
  const names = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => {
    const vp = `${path}.volumes[${i}]`;
    if (!v.name) out.push(field.required(`${vp}.name`));
    else {
      out.push(...validateLabelName(`${vp}.name`, v.name));
      if (names.has(v.name)) out.push(field.duplicate(`${vp}.name`, v.name));
      names.add(v.name);
    }
    const sources = VOLUME_SOURCES.filter((s) => (v as unknown as Record<string, unknown>)[s] !== undefined);
    if (sources.length === 0) out.push(field.required(vp, 'must specify a volume type'));
    if (sources.length > 1) out.push(field.forbidden(`${vp}.${sources[1]}`, 'may not specify more than 1 volume type'));
    if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) out.push(field.required(`${vp}.persistentVolumeClaim.claimName`));
    if (v.configMap && !v.configMap.name) out.push(field.required(`${vp}.configMap.name`));
    if (v.secret && !v.secret.secretName) out.push(field.required(`${vp}.secret.secretName`));
    if (v.hostPath) {
      if (!v.hostPath.path) out.push(field.required(`${vp}.hostPath.path`));
      // sets.List order (sorted), as upstream prints it.
      const types = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
      if (v.hostPath.type !== undefined && !types.includes(v.hostPath.type)) {
        out.push(field.notSupported(`${vp}.hostPath.type`, v.hostPath.type, types));
      }
    }
  });
  return { causes: out, names };
}

/** A toleration as Go's %#v prints the internal core.Toleration. */
function tolerationLiteral(t: Toleration): GoLiteral {
  const seconds = t.tolerationSeconds == null ? '(*int64)(nil)' : '(*int64)(0xc000a1c2b8)';
  return new GoLiteral(
    `core.Toleration{Key:${JSON.stringify(t.key ?? '')}, Operator:${JSON.stringify(t.operator ?? '')}, Value:${JSON.stringify(t.value ?? '')}, Effect:${JSON.stringify(t.effect ?? '')}, TolerationSeconds:${seconds}}`,
  );
}

function validateToleration(t: Toleration, path: string): Cause[] {
  const out: Cause[] = [];
  if (t.key) out.push(...qualifiedNameErrors(`${path}.key`, t.key));
  const op = t.operator ?? '';
  if (!t.key && op !== 'Exists') {
    out.push(field.invalid(`${path}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
    out.push(field.invalid(`${path}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  if (op === 'Equal' || op === '') {
    // Upstream reports a bad value under `operator`, with the messages joined by ";".
    if (t.value && (t.value.length > 63 || !LABEL_VALUE.test(t.value))) {
      const msgs = [...(t.value.length > 63 ? ['must be no more than 63 characters'] : []), ...(LABEL_VALUE.test(t.value) ? [] : [LABEL_VALUE_MSG])];
      out.push(field.invalid(`${path}.operator`, t.value, msgs.join(';')));
    }
  } else if (op === 'Exists') {
    if (t.value) out.push(field.invalid(`${path}.operator`, tolerationLiteral(t), "value must be empty when `operator` is 'Exists'"));
  } else {
    out.push(field.notSupported(`${path}.operator`, op, ['Equal', 'Exists']));
  }
  if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
    out.push(field.notSupported(`${path}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
  }
  return out;
}

/**
 * ValidatePodSpec. `path` is where the spec sits: `spec` for a Pod, `spec.template.spec` for a
 * workload's template.
 */
export function validatePodSpec(spec: PodSpec | undefined, path = 'spec'): Cause[] {
  if (!spec) return [field.required(`${path}.containers`)];
  const out: Cause[] = [];
  const { causes: volCauses, names: volumes } = validateVolumes(spec, path);
  out.push(...volCauses);
  const containerNames = new Set<string>();
  // Defaulting sets terminationGracePeriodSeconds to 30 before validation runs.
  const grace = spec.terminationGracePeriodSeconds ?? 30;
  (spec.initContainers ?? []).forEach((c, i) =>
    out.push(...validateContainer(c, `${path}.initContainers[${i}]`, volumes, containerNames, true, grace)),
  );
  if (!spec.containers || spec.containers.length === 0) out.push(field.required(`${path}.containers`));
  (spec.containers ?? []).forEach((c, i) =>
    out.push(...validateContainer(c, `${path}.containers[${i}]`, volumes, containerNames, false, grace)),
  );
  if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    out.push(field.notSupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  }
  if (spec.dnsPolicy !== undefined && !['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(spec.dnsPolicy)) {
    out.push(field.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  }
  out.push(...validateLabelMap(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.serviceAccountName) {
    for (const m of dns1123SubdomainErrors(spec.serviceAccountName)) {
      out.push(field.invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
    }
  }
  if (spec.nodeName) {
    for (const m of dns1123SubdomainErrors(spec.nodeName)) out.push(field.invalid(`${path}.nodeName`, spec.nodeName, m));
  }
  if (spec.hostname) out.push(...validateLabelName(`${path}.hostname`, spec.hostname));
  if (spec.subdomain) out.push(...validateLabelName(`${path}.subdomain`, spec.subdomain));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    const v = spec.activeDeadlineSeconds;
    if (!Number.isInteger(v) || v < 1 || v > 2147483647) {
      out.push(field.invalid(`${path}.activeDeadlineSeconds`, v, 'must be between 1 and 2147483647, inclusive'));
    }
  }
  (spec.tolerations ?? []).forEach((t, i) => out.push(...validateToleration(t, `${path}.tolerations[${i}]`)));
  return out;
}

/** ValidatePod: the spec at `spec`. */
export function validatePod(pod: KubeObject): Cause[] {
  return validatePodSpec(pod.spec, 'spec');
}

/** The allowed-changes list of ValidatePodUpdate's Forbidden error. */
export const UPDATABLE_POD_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

/** True when `next` keeps every toleration of `prev` (tolerationSeconds may only shrink). */
function isTolerationAddition(prev: readonly Toleration[], next: readonly Toleration[]): boolean {
  return prev.every((p) =>
    next.some(
      (n) =>
        (n.key ?? '') === (p.key ?? '') &&
        (n.operator ?? 'Equal') === (p.operator ?? 'Equal') &&
        (n.value ?? '') === (p.value ?? '') &&
        (n.effect ?? '') === (p.effect ?? '') &&
        (p.tolerationSeconds == null || (n.tolerationSeconds != null && n.tolerationSeconds <= p.tolerationSeconds)),
    ),
  );
}

/** ValidatePodUpdate: the spec changes a pod may take. */
export function validatePodUpdate(pod: KubeObject, old: Stored): Cause[] {
  const out: Cause[] = [];
  const next = (pod.spec ?? {}) as PodSpec;
  const prev = (old.spec ?? {}) as PodSpec;
  const munged = clone(next);
  const pairs = [
    [munged.containers ?? [], prev.containers ?? []],
    [munged.initContainers ?? [], prev.initContainers ?? []],
  ] as const;
  for (const [mine, theirs] of pairs) {
    if (mine.length !== theirs.length) continue;
    mine.forEach((c, i) => {
      c.image = theirs[i]!.image;
    });
  }
  if (next.activeDeadlineSeconds != null) {
    if (prev.activeDeadlineSeconds != null && next.activeDeadlineSeconds > prev.activeDeadlineSeconds) {
      out.push(field.invalid('spec.activeDeadlineSeconds', next.activeDeadlineSeconds, 'must be less than or equal to previous value'));
    }
  } else if (prev.activeDeadlineSeconds != null) {
    out.push(field.forbidden('spec.activeDeadlineSeconds', 'must not update from a positive integer to nil value'));
  }
  munged.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  if (isTolerationAddition(prev.tolerations ?? [], next.tolerations ?? [])) munged.tolerations = clone(prev.tolerations);
  if ((prev.terminationGracePeriodSeconds ?? 0) < 0 && next.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = prev.terminationGracePeriodSeconds;
  }
  // Scheduling gates may only be removed.
  const gates = (next.schedulingGates ?? []).map((g) => g.name);
  if (gates.every((g) => (prev.schedulingGates ?? []).some((p) => p.name === g))) munged.schedulingGates = clone(prev.schedulingGates);
  for (const k of Object.keys(munged) as (keyof typeof munged)[]) if (munged[k] === undefined) delete munged[k];
  if (!sameContent(munged, prev)) {
    out.push(field.forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_FIELDS}\n${goSpecDiff('core.PodSpec', prev, munged)}`));
  }
  return out;
}
