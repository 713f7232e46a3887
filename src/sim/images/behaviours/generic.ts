/**
 * Any other well-formed image: a server that prints one start line and runs until stopped. Most
 * images are built on a distribution, so it has bash and coreutils for `kubectl exec`.
 */
import type { ImageBehaviour } from '../behaviour.ts';

export const generic: ImageBehaviour = {
  name: 'generic',
  repositories: [],
  hasTag: (tag) => !/^(0\.0\.0|9\d\d+|.*-?does-?not-?exist.*)$/.test(tag),
  sizeBytes: 31_457_280,
  entrypoint: ['/app/server'],
  cmd: [],
  shell: 'bash',
  stopMs: () => 200,
  run: (argv) => ({ events: [{ at: 50, log: `starting ${argv[0] ?? 'server'}` }] }),
};

/** Images with no shell at all (pause, distroless): they run, print nothing, and exec finds no sh. */
export const distroless: ImageBehaviour = {
  name: 'distroless',
  repositories: ['registry.k8s.io/pause', 'k8s.gcr.io/pause'],
  hasTag: (tag) => /^(latest|3\.\d+(\.\d+)?)$/.test(tag),
  sizeBytes: 320_368,
  entrypoint: ['/pause'],
  cmd: [],
  shell: 'none',
  stopMs: () => 50,
  run: () => ({ events: [] }),
};
