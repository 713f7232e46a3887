/**
 * The files of volumes projected from API objects (pkg/volume/configmap, secret, downwardapi,
 * projected): one file per key (or per `items` entry, at its path), Secret values decoded, a
 * downward API file per field (labels and annotations as `key="value"` lines), and the service
 * account token, CA bundle and namespace of `kube-api-access-*` volumes. Computed on every read,
 * so an edited ConfigMap shows up in the container as it would after the kubelet's sync.
 */
import type {
  ConfigMapProjection,
  ConfigMapVolumeSource,
  DownwardAPIVolumeFile,
  Pod,
  SecretProjection,
  SecretVolumeSource,
  Volume,
} from 'kubernetes-types/core/v1';
import { decodeBase64, encodeBase64 } from '../apiserver/base64.ts';
import { parseQuantity } from '../apiserver/quantity.ts';
import { hex64 } from '../images/reference.ts';
import type { Store } from '../apiserver/store.ts';
import type { K8s, Stored } from '../apiserver/types.ts';
import type { FileTree } from '../runtime.ts';

type PodObj = Stored<K8s<Pod>>;

/** Whether the volume's files come from API objects rather than a stored tree. */
export function isProjectedVolume(volume: Volume): boolean {
  return Boolean(volume.configMap || volume.secret || volume.downwardAPI || volume.projected);
}

/** The volume's files at paths relative to its mount point (`/key`), or undefined if not projected. */
export function projectedFiles(api: Store, pod: PodObj, volume: Volume): FileTree | undefined {
  if (volume.configMap) return configMapFiles(api, pod, volume.configMap);
  if (volume.secret) return secretFiles(api, pod, volume.secret.secretName ?? '', volume.secret.items);
  if (volume.downwardAPI) return downwardFiles(pod, volume.downwardAPI.items ?? []);
  if (volume.projected) {
    const tree: FileTree = {};
    for (const s of volume.projected.sources ?? []) {
      if (s.configMap) Object.assign(tree, configMapFiles(api, pod, s.configMap));
      if (s.secret) Object.assign(tree, secretFiles(api, pod, s.secret.name ?? '', s.secret.items));
      if (s.downwardAPI) Object.assign(tree, downwardFiles(pod, s.downwardAPI.items ?? []));
      if (s.serviceAccountToken) tree[`/${s.serviceAccountToken.path}`] = serviceAccountToken(pod, s.serviceAccountToken.audience, s.serviceAccountToken.expirationSeconds ?? 3607);
    }
    return tree;
  }
  return undefined;
}

function fromData(data: Readonly<Record<string, string>>, items: readonly { key: string; path: string }[] | undefined): FileTree {
  const tree: FileTree = {};
  if (items?.length) {
    for (const it of items) if (it.key in data) tree[`/${it.path}`] = data[it.key]!;
  } else {
    for (const [k, v] of Object.entries(data)) tree[`/${k}`] = v;
  }
  return tree;
}

function configMapFiles(api: Store, pod: PodObj, src: ConfigMapVolumeSource | ConfigMapProjection): FileTree {
  const cm = api.tryGet('ConfigMap', pod.metadata.namespace, src.name ?? '');
  const data: Record<string, string> = { ...(cm?.data ?? {}) };
  for (const [k, v] of Object.entries((cm?.binaryData ?? {}) as Record<string, string>)) data[k] = decodeBase64(v);
  return fromData(data, src.items);
}

function secretFiles(api: Store, pod: PodObj, name: string, items: SecretVolumeSource['items'] | SecretProjection['items']): FileTree {
  const secret = api.tryGet('Secret', pod.metadata.namespace, name);
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries((secret?.data ?? {}) as Record<string, string>)) data[k] = decodeBase64(v);
  return fromData(data, items);
}

/** `key="value"` lines sorted by key, values quoted as Go's %q does (downwardapi.formatMap). */
export function formatMap(m: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}

function fieldValue(pod: PodObj, path: string): string {
  const meta = pod.metadata;
  switch (path) {
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
    case 'metadata.labels':
      return formatMap(meta.labels);
    case 'metadata.annotations':
      return formatMap(meta.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    default: {
      const label = /^metadata\.labels\['(.+)'\]$/.exec(path);
      if (label) return meta.labels?.[label[1]!] ?? '';
      const ann = /^metadata\.annotations\['(.+)'\]$/.exec(path);
      if (ann) return meta.annotations?.[ann[1]!] ?? '';
      return '';
    }
  }
}

/** limits.cpu and friends, divided by the divisor and rounded up (resource.ExtractContainerResourceValue). */
function resourceValue(pod: PodObj, containerName: string | undefined, resource: string, divisor: string | undefined): string {
  const container = (pod.spec?.containers ?? []).find((c) => c.name === containerName) ?? pod.spec?.containers?.[0];
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
  const list = (kind === 'limits' ? container?.resources?.limits : container?.resources?.requests) as Record<string, string> | undefined;
  const fallback = name === 'cpu' ? '2' : name === 'memory' ? '4015852Ki' : '0';
  const value = parseQuantity(list?.[name] ?? (kind === 'limits' ? fallback : '0')) ?? 0;
  const div = parseQuantity(divisor ?? '1') || 1;
  return String(Math.ceil(value / div));
}

function downwardFiles(pod: PodObj, items: readonly DownwardAPIVolumeFile[]): FileTree {
  const tree: FileTree = {};
  for (const it of items) {
    if (it.fieldRef) tree[`/${it.path}`] = fieldValue(pod, it.fieldRef.fieldPath);
    else if (it.resourceFieldRef) {
      const r = it.resourceFieldRef;
      tree[`/${it.path}`] = resourceValue(pod, r.containerName, r.resource, r.divisor as string | undefined);
    }
  }
  return tree;
}

function base64url(text: string): string {
  return encodeBase64(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `bytes` pseudo-random bytes derived from `seed`, in unpadded base64url (as JWTs carry them). */
function derivedBytes(seed: string, bytes: number): string {
  let hex = '';
  for (let i = 0; hex.length < bytes * 2; i++) hex += hex64(`${seed}/${i}`);
  const b = Array.from({ length: bytes }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += URL_ALPHABET[n >> 18]! + URL_ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < b.length) out += URL_ALPHABET[(n >> 6) & 63]!;
    if (i + 2 < b.length) out += URL_ALPHABET[n & 63]!;
  }
  return out;
}

/** A bound service account token: a JWT with the claims the API server puts in it. */
export function serviceAccountToken(pod: PodObj, audience: string | undefined, expirationSeconds: number): string {
  const iat = Math.floor(Date.parse(pod.metadata.creationTimestamp ?? '1970-01-01T00:00:00Z') / 1000);
  const ns = pod.metadata.namespace ?? 'default';
  const sa = pod.spec?.serviceAccountName ?? 'default';
  // The key ID is the SHA-256 of the cluster's signing key (one key, so one kid for every token):
  // 32 bytes, 43 characters (pkg/serviceaccount/jwt.go, keyIDFromPublicKey).
  const header = { alg: 'RS256', kid: derivedBytes('service-account-signing-key', 32) };
  const claims = {
    aud: [audience ?? 'https://kubernetes.default.svc.cluster.local'],
    exp: iat + expirationSeconds,
    iat,
    iss: 'https://kubernetes.default.svc.cluster.local',
    jti: pod.metadata.uid,
    'kubernetes.io': {
      namespace: ns,
      node: pod.spec?.nodeName ? { name: pod.spec.nodeName } : undefined,
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: sa },
      warnafter: iat + 3600,
    },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${sa}`,
  };
  // RS256 with a 2048-bit key signs with 256 bytes: 342 characters.
  const signature = derivedBytes(`${pod.metadata.uid}/${sa}/${audience ?? ''}/${expirationSeconds}`, 256);
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${signature}`;
}
