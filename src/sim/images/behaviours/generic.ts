/**
 * Any other well-formed image: a server that prints one start line and runs until stopped.
 */
import type { ImageBehaviour } from '../behaviour.ts';

export const generic: ImageBehaviour = {
  name: 'generic',
  repositories: [],
  hasTag: (tag) => !/^(0\.0\.0|9\d\d+|.*-?does-?not-?exist.*)$/.test(tag),
  sizeBytes: 31_457_280,
  entrypoint: ['/app/server'],
  cmd: [],
  shell: 'none',
  stopMs: () => 200,
  run: (argv) => ({ events: [{ at: 50, log: `starting ${argv[0] ?? 'server'}` }] }),
};
