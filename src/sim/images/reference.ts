/**
 * Image references as containerd resolves them: `nginx` is `docker.io/library/nginx:latest`,
 * `bitnami/redis:7` is `docker.io/bitnami/redis:7`, a first segment with a dot, a colon or
 * `localhost` is a registry host. Digests are made up deterministically from the reference.
 */
import { fnv1a } from '../random.ts';

export interface ImageRef {
  /** What the pod spec says. */
  original: string;
  registry: string;
  /** Path within the registry (`library/nginx`). */
  repository: string;
  tag: string;
  digest?: string;
}

export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = 'latest';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    rest = rest.slice(slash + 1);
  }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { original: image, registry, repository: rest, tag, ...(digest ? { digest } : {}) };
}

/** `docker.io/library/nginx:latest`: the name containerd reports in containerStatuses[].image. */
export function fullName(ref: ImageRef): string {
  const base = `${ref.registry}/${ref.repository}`;
  return ref.digest ? `${base}@${ref.digest}` : `${base}:${ref.tag}`;
}

/** The last path segment of the repository (`nginx` for `docker.io/library/nginx`). */
export function shortName(ref: ImageRef): string {
  return ref.repository.slice(ref.repository.lastIndexOf('/') + 1);
}

/** 64 hex digits derived from a string: stable digests and container IDs. */
export function hex64(text: string): string {
  let out = '';
  let h = fnv1a(text);
  while (out.length < 64) {
    h = fnv1a(`${text}#${out.length}`, h);
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** `docker.io/library/nginx@sha256:…`: containerStatuses[].imageID. */
export function imageID(ref: ImageRef): string {
  const digest = ref.digest ?? `sha256:${hex64(`${ref.registry}/${ref.repository}:${ref.tag}`)}`;
  return `${ref.registry}/${ref.repository}@${digest}`;
}

/** Well-formed per the reference grammar (lowercase path components, a sane tag). */
export function isWellFormed(image: string): boolean {
  return /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/.test(image);
}
