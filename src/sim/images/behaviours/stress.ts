/**
 * stress (polinux/stress, the image of the "assign memory resources" docs): `--vm N --vm-bytes
 * SIZE` allocates that much memory; more than the container's memory limit gets it OOMKilled.
 * `--timeout` ends a run successfully.
 */
import type { ImageBehaviour } from '../behaviour.ts';
import { parseQuantity } from '../../apiserver/quantity.ts';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
}

/** stress sizes: 150M is 150 MiB (suffixes are binary, as in stress's own parser). */
function stressBytes(v: string | undefined): number {
  if (!v) return 256 * 2 ** 20;
  const m = /^(\d+)([kKmMgG]?)[bB]?$/.exec(v);
  if (!m) return parseQuantity(v) ?? 0;
  const mult = { '': 1, k: 2 ** 10, K: 2 ** 10, m: 2 ** 20, M: 2 ** 20, g: 2 ** 30, G: 2 ** 30 }[m[2] as 'k'];
  return Number(m[1]) * mult;
}

function seconds(v: string | undefined): number | undefined {
  const m = v ? /^(\d+)([smhd]?)$/.exec(v) : null;
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's'];
}

export const stress: ImageBehaviour = {
  name: 'stress',
  repositories: ['polinux/stress', 'progrium/stress', 'vish/stress'],
  hasTag: (t) => /^(latest|1\.0\.4)$/.test(t),
  sizeBytes: 4_041_895,
  entrypoint: [],
  cmd: ['stress'],
  shell: 'busybox',
  stopMs: () => 100,
  run(argv, ctx) {
    const vm = Number(flag(argv, '--vm') ?? 0);
    const cpu = Number(flag(argv, '--cpu') ?? 0);
    const io = Number(flag(argv, '--io') ?? 0);
    const events = [{ at: 20, log: `stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, 0 hdd` }];
    const wanted = vm * stressBytes(flag(argv, '--vm-bytes'));
    if (ctx.memoryLimit !== undefined && wanted > ctx.memoryLimit) {
      return { events, exit: { at: 600, code: 137, reason: 'OOMKilled' } };
    }
    const timeout = seconds(flag(argv, '--timeout') ?? flag(argv, '-t'));
    if (timeout !== undefined) {
      events.push({ at: timeout * 1000, log: `stress: info: [1] successful run completed in ${timeout}s` });
      return { events, exit: { at: timeout * 1000 + 5, code: 0 } };
    }
    return { events };
  },
};
