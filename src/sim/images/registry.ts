/**
 * The simulated image registry: which images exist, which behaviour runs them, and the exact
 * errors containerd reports when a pull fails (a repository that does not exist, a tag that does
 * not, an invalid reference). Labs can declare images missing through `runtime.state.images`.
 */
import type { Runtime } from '../runtime.ts';
import type { ImageBehaviour } from './behaviour.ts';
import { fullName, isWellFormed, parseImageRef, shortName, type ImageRef } from './reference.ts';
import { nginx } from './behaviours/nginx.ts';
import { distroless, generic } from './behaviours/generic.ts';
import { alpine, busybox, debian, ubuntu } from './behaviours/shell-image.ts';
import { perl } from './behaviours/perl.ts';
import { mongo } from './behaviours/mongo.ts';
import { mysql } from './behaviours/mysql.ts';
import { postgres } from './behaviours/postgres.ts';
import { redis } from './behaviours/redis.ts';
import { stress } from './behaviours/stress.ts';

declare module '../runtime.ts' {
  interface RuntimeState {
    /** Registry overrides a lab sets: images (as written in pod specs) that fail to pull. */
    images?: { missing: string[] };
  }
}

const BEHAVIOURS: readonly ImageBehaviour[] = [nginx, distroless, busybox, alpine, ubuntu, debian, perl, mongo, mysql, postgres, redis, stress];

export type Resolution =
  | { ok: true; ref: ImageRef; behaviour: ImageBehaviour }
  | { ok: false; ref?: ImageRef; reason: 'ErrImagePull' | 'InvalidImageName'; message: string };

function behaviourFor(ref: ImageRef): ImageBehaviour | undefined {
  if (ref.registry === 'docker.io') return BEHAVIOURS.find((b) => b.repositories.includes(ref.repository));
  return BEHAVIOURS.find((b) => b.repositories.includes(`${ref.registry}/${ref.repository}`));
}

/** Known short names, to tell a typo (`ngnix`) from an image we simply do not model. */
function knownShortNames(): string[] {
  return BEHAVIOURS.flatMap((b) => b.repositories.map((r) => r.slice(r.lastIndexOf('/') + 1)));
}

export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) dp[j] = Math.min(dp[j]!, prev);
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** Whether an unknown repository name looks like a misspelling of one we know. */
export function isLikelyTypo(name: string): boolean {
  let answer = typoAnswers.get(name);
  if (answer === undefined) {
    answer = knownShortNames().some((k) => k !== name && editDistance(k, name) <= Math.min(2, Math.floor(k.length / 3)));
    typoAnswers.set(name, answer);
  }
  return answer;
}

/** isLikelyTypo's answers so far (the known names never change, so neither do they). */
const typoAnswers = new Map<string, boolean>();

function notFoundRepo(ref: ImageRef): string {
  const full = fullName(ref);
  return `failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

function notFoundTag(ref: ImageRef): string {
  const full = fullName(ref);
  return `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
}

/** Decides what pulling `image` does. */
export function resolveImage(image: string, runtime?: Runtime): Resolution {
  if (!isWellFormed(image)) {
    const ref = parseImageRef(image);
    const why = /[A-Z]/.test(ref.repository) ? `repository name (${ref.repository}) must be lowercase` : 'invalid reference format';
    return {
      ok: false,
      reason: 'InvalidImageName',
      message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format${why.startsWith('repository') ? `: ${why}` : ''}`,
    };
  }
  const ref = parseImageRef(image);
  if (runtime?.state.images?.missing.some((m) => m === image || fullName(parseImageRef(m)) === fullName(ref))) {
    return { ok: false, ref, reason: 'ErrImagePull', message: ref.tag === 'latest' ? notFoundRepo(ref) : notFoundTag(ref) };
  }
  const known = behaviourFor(ref);
  if (known) {
    if (!ref.digest && !known.hasTag(ref.tag)) return { ok: false, ref, reason: 'ErrImagePull', message: notFoundTag(ref) };
    return { ok: true, ref, behaviour: known };
  }
  if (ref.registry === 'gcr.io' && ref.repository.startsWith('distroless/')) return { ok: true, ref, behaviour: distroless };
  if (ref.registry === 'docker.io' && isLikelyTypo(shortName(ref))) {
    return { ok: false, ref, reason: 'ErrImagePull', message: notFoundRepo(ref) };
  }
  if (!ref.digest && !generic.hasTag(ref.tag)) return { ok: false, ref, reason: 'ErrImagePull', message: notFoundTag(ref) };
  return { ok: true, ref, behaviour: generic };
}

/** The behaviour by name (processes store the name, so snapshots stay plain data). */
export function behaviourNamed(name: string): ImageBehaviour {
  return BEHAVIOURS.find((b) => b.name === name) ?? generic;
}
