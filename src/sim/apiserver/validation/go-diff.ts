/**
 * A go-cmp style report of how an updated spec differs from the stored one, as the API server
 * appends it to "pod updates may not change fields other than …" (cmp.Diff(old, new)): the
 * struct in Go field order, unchanged fields folded into `... // N identical fields`, removed
 * lines marked `-` and added lines `+`.
 */
import { sameContent } from '../store.ts';

/** Unchanged records go-cmp shows around each change. */
const CONTEXT_RECORDS = 2;

/** Go field order of the structs a learner most often edits. */
const FIELD_ORDER: Record<string, string[]> = {
  'core.PodSpec': [
    'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
    'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'automountServiceAccountToken', 'nodeName',
    'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'setHostnameAsFQDN', 'affinity', 'schedulerName',
    'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'preemptionPolicy', 'dnsConfig', 'readinessGates',
    'runtimeClassName', 'overhead', 'enableServiceLinks', 'topologySpreadConstraints', 'os', 'schedulingGates',
    'resourceClaims', 'resources', 'hostnameOverride',
  ],
  'core.ResourceRequirements': ['limits', 'requests', 'claims'],
  'core.Container': [
    'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy',
    'restartPolicy', 'restartPolicyRules', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe',
    'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy',
    'securityContext', 'stdin', 'stdinOnce', 'tty',
  ],
};

/** Go type of a field, for the header of a nested diff. */
const FIELD_TYPES: Record<string, string> = {
  containers: '[]core.Container',
  initContainers: '[]core.Container',
  volumes: '[]core.Volume',
  tolerations: '[]core.Toleration',
  ports: '[]core.ContainerPort',
  env: '[]core.EnvVar',
  volumeMounts: '[]core.VolumeMount',
  resources: 'core.ResourceRequirements',
  limits: 'core.ResourceList',
  requests: 'core.ResourceList',
  nodeSelector: 'map[string]string',
  command: '[]string',
  args: '[]string',
};

const ELEMENT_TYPES: Record<string, string> = {
  '[]core.Container': 'core.Container',
};

/** Fields that are pointers in the internal structs: set values print as `&v`, unset as nil. */
const POINTER_FIELDS = new Set([
  'priority', 'preemptionPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'automountServiceAccountToken',
  'enableServiceLinks', 'runtimeClassName', 'setHostnameAsFQDN', 'shareProcessNamespace', 'hostUsers',
]);

/** Plain string fields: unset prints as the empty string. */
const STRING_FIELDS = new Set([
  'serviceAccountName', 'nodeName', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName', 'restartPolicy',
  'dnsPolicy', 'name', 'image', 'workingDir', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy',
]);

type Json = Record<string, unknown>;

/** A resource.Quantity as %v of its struct: the cached string and its format. */
function goQuantity(q: unknown): string {
  const text = String(q);
  const format = /[KMGTPE]i$/.test(text) ? 'BinarySI' : /^[0-9.+-]+[eE]/.test(text) ? 'DecimalExponent' : 'DecimalSI';
  return `{i: {...}, s: ${JSON.stringify(text)}, Format: ${JSON.stringify(format)}}`;
}

/** `{Name: "x"}`-style fields in the given order, skipping unset ones; `&` marks pointer fields. */
function goStruct(obj: Json, fields: [key: string, name: string, pointer?: boolean][]): string {
  const parts: string[] = [];
  for (const [key, name, pointer] of fields) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    parts.push(`${name}: ${pointer ? '&' : ''}${goInline(v)}`);
  }
  return `{${parts.join(', ')}}`;
}

const KEY_TO_PATH: [string, string][] = [['key', 'Key'], ['path', 'Path']];

function goItems(items: unknown): string | undefined {
  if (!Array.isArray(items)) return undefined;
  return `{${items.map((i) => goStruct(i as Json, [...KEY_TO_PATH, ['mode', 'Mode', true]])).join(', ')}}`;
}

/** One projected volume source (core.VolumeProjection). */
function goProjection(src: Json): string {
  if (src.serviceAccountToken) {
    const t = src.serviceAccountToken as Json;
    return `{ServiceAccountToken: &${goStruct(t, [['audience', 'Audience'], ['expirationSeconds', 'ExpirationSeconds'], ['path', 'Path']])}}`;
  }
  if (src.configMap) {
    const c = src.configMap as Json;
    const items = goItems(c.items);
    return `{ConfigMap: &{LocalObjectReference: {Name: ${JSON.stringify(c.name ?? '')}}${items ? `, Items: ${items}` : ''}}}`;
  }
  if (src.downwardAPI) {
    const d = src.downwardAPI as Json;
    const items = ((d.items ?? []) as Json[]).map((i) => {
      const ref = i.fieldRef as Json | undefined;
      const field = ref ? `, FieldRef: &${goStruct(ref, [['apiVersion', 'APIVersion'], ['fieldPath', 'FieldPath']])}` : '';
      return `{Path: ${JSON.stringify(i.path ?? '')}${field}}`;
    });
    return `{DownwardAPI: &{Items: {${items.join(', ')}}}}`;
  }
  if (src.secret) {
    const c = src.secret as Json;
    const items = goItems(c.items);
    return `{Secret: &{LocalObjectReference: {Name: ${JSON.stringify(c.name ?? '')}}${items ? `, Items: ${items}` : ''}}}`;
  }
  return goInline(src);
}

/** A pod volume as the internal core.Volume prints: the source sits under VolumeSource. */
function goVolume(v: Json): string {
  const name = JSON.stringify(v.name ?? '');
  let source = '';
  if (v.projected) {
    const p = v.projected as Json;
    const sources = ((p.sources ?? []) as Json[]).map(goProjection).join(', ');
    source = `Projected: &{Sources: {${sources}}${p.defaultMode !== undefined ? `, DefaultMode: &${p.defaultMode}` : ''}}`;
  } else if (v.configMap) {
    const c = v.configMap as Json;
    const items = goItems(c.items);
    source = `ConfigMap: &{LocalObjectReference: {Name: ${JSON.stringify(c.name ?? '')}}${items ? `, Items: ${items}` : ''}${c.defaultMode !== undefined ? `, DefaultMode: &${c.defaultMode}` : ''}}`;
  } else if (v.secret) {
    const c = v.secret as Json;
    const items = goItems(c.items);
    source = `Secret: &{SecretName: ${JSON.stringify(c.secretName ?? '')}${items ? `, Items: ${items}` : ''}${c.defaultMode !== undefined ? `, DefaultMode: &${c.defaultMode}` : ''}}`;
  } else if (v.persistentVolumeClaim) {
    source = `PersistentVolumeClaim: &${goStruct(v.persistentVolumeClaim as Json, [['claimName', 'ClaimName'], ['readOnly', 'ReadOnly']])}`;
  } else if (v.hostPath) {
    const h = v.hostPath as Json;
    source = `HostPath: &{Path: ${JSON.stringify(h.path ?? '')}, Type: &${JSON.stringify(h.type ?? '')}}`;
  } else if (v.emptyDir) {
    source = `EmptyDir: &${goStruct(v.emptyDir as Json, [['medium', 'Medium'], ['sizeLimit', 'SizeLimit', true]])}`;
  } else {
    const [key, value] = Object.entries(v).find(([k]) => k !== 'name') ?? [];
    if (key) source = `${goName(key)}: &${goInline(value)}`;
  }
  return `{Name: ${name}, VolumeSource: {${source}}}`;
}

/** Container fields that are pointers although a PodSpec field of the same name is not. */
const CONTAINER_POINTER_FIELDS = new Set(['restartPolicy']);

/** A field's value as go-cmp shows it, given whether the internal field is a pointer or a string. */
function goField(key: string, v: unknown, asMap: boolean, parent = ''): string {
  if (key === 'volumes' && Array.isArray(v)) return `{${v.map((x) => goVolume(x as Json)).join(', ')}}`;
  const pointer = POINTER_FIELDS.has(key) || (parent === 'core.Container' && CONTAINER_POINTER_FIELDS.has(key));
  if (v === undefined || v === null) return STRING_FIELDS.has(key) && !pointer ? '""' : 'nil';
  return pointer ? `&${goInline(v, asMap)}` : goInline(v, asMap);
}

/** Deprecated v1 fields that have no place in the internal struct. */
const SKIPPED = new Set(['serviceAccount', 'deprecatedServiceAccount']);

function goName(key: string): string {
  const special: Record<string, string> = { dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', os: 'OS', tty: 'TTY', apiVersion: 'APIVersion' };
  return special[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

function isMapType(type: string | undefined): boolean {
  return !!type && (type.startsWith('map[') || type === 'core.ResourceList');
}

/** A compact Go rendering of a value on one line. */
function goInline(v: unknown, asMap = false): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `{${v.map((x) => goInline(x)).join(', ')}}`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (asMap) return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${goInline(x)}`).join(', ')}}`;
  return `{${entries.map(([k, x]) => `${goName(k)}: ${goInline(x, isMapType(FIELD_TYPES[k]))}`).join(', ')}}`;
}

function orderedKeys(type: string, a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const known = FIELD_ORDER[type];
  const all = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !SKIPPED.has(k)));
  if (!known) return [...all].sort();
  // Every field of the Go struct counts, set or not (unset ones print as nil or "").
  return [...known, ...[...all].filter((k) => !known.includes(k)).sort()];
}

function diffLines(type: string, a: unknown, b: unknown, depth: number, out: string[], prefix: string, element = false): void {
  const pad = '\t'.repeat(depth);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    out.push(`  ${pad}${prefix}${type}{`);
    let same = 0;
    const flush = () => {
      if (same) out.push(`  ${pad}\t... // ${same} identical element${same === 1 ? '' : 's'}`);
      same = 0;
    };
    a.forEach((x, i) => {
      if (sameContent(x, b[i])) {
        same++;
        return;
      }
      flush();
      diffLines(ELEMENT_TYPES[type] ?? '', x, b[i], depth + 1, out, '', true);
    });
    flush();
    out.push(`  ${pad}}${depth ? ',' : ''}`);
    return;
  }
  if (isStruct(a) && isStruct(b)) {
    const map = isMapType(type);
    out.push(`  ${pad}${prefix}${element ? '' : type}{`);
    const keys = map ? [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() : orderedKeys(type, a, b);
    const changed = keys.map((k) => !sameContent(a[k], b[k]));
    // go-cmp keeps up to two unchanged records either side of a change and folds the rest.
    const isContext = (i: number) => !changed[i] && changed.some((c, j) => c && Math.abs(i - j) <= CONTEXT_RECORDS);
    const resources = type === 'core.ResourceList';
    const labelOf = (k: string) => (map ? `${resources ? 's' : ''}${JSON.stringify(k)}:` : `${goName(k)}:`);
    const mapValue = (v: unknown) => (resources && v !== undefined ? goQuantity(v) : goInline(v));
    let same = 0;
    let context: string[][] = [];
    const flushSame = () => {
      if (same) out.push(`  ${pad}\t... // ${same} identical ${map ? 'entr' + (same === 1 ? 'y' : 'ies') : 'field' + (same === 1 ? '' : 's')}`);
      same = 0;
    };
    const flushContext = () => {
      const width = Math.max(0, ...context.map(([label]) => label!.length));
      for (const [label, value] of context) out.push(`  ${pad}\t${label!.padEnd(width)} ${value},`);
      context = [];
    };
    keys.forEach((k, i) => {
      const x = a[k];
      const y = b[k];
      const childType = FIELD_TYPES[k] ?? '';
      const asMap = isMapType(childType);
      if (!changed[i]) {
        if (isContext(i)) {
          flushSame();
          context.push([labelOf(k), map ? mapValue(x) : goField(k, x, asMap, type)]);
        } else {
          flushContext();
          same++;
        }
        return;
      }
      flushSame();
      flushContext();
      const label = `${labelOf(k)} `;
      if (!map && x !== undefined && y !== undefined && typeof x === 'object' && typeof y === 'object' && childType) {
        diffLines(childType, x, y, depth + 1, out, label);
      } else {
        if (x !== undefined || !map) out.push(`- ${pad}\t${label}${map ? mapValue(x) : goField(k, x, asMap, type)},`);
        if (y !== undefined || !map) out.push(`+ ${pad}\t${label}${map ? mapValue(y) : goField(k, y, asMap, type)},`);
      }
    });
    flushContext();
    flushSame();
    out.push(`  ${pad}}${depth ? ',' : ''}`);
    return;
  }
  out.push(`- ${pad}${prefix}${goInline(a)},`);
  out.push(`+ ${pad}${prefix}${goInline(b)},`);
}

function isStruct(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The diff text for `type` (e.g. `core.PodSpec`) between the stored and the updated value. */
export function goSpecDiff(type: string, before: unknown, after: unknown): string {
  const out: string[] = [];
  diffLines(type, before, after, 0, out, '');
  return out.join('\n') + '\n';
}
