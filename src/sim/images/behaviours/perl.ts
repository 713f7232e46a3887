/**
 * perl: enough of it for the classic Job, `perl -Mbignum=bpi -wle 'print bpi(2000)'`, which
 * computes for about ten seconds and prints π to that many digits; `print "…"` one-liners print.
 */
import type { ImageBehaviour, ProgramRun } from '../behaviour.ts';

/** π to `digits` significant digits, by Machin's formula in BigInt fixed point. */
export function piDigits(digits: number): string {
  const guard = 10n;
  const scale = 10n ** BigInt(digits + 10);
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let n = 1n, sign = 1n; term !== 0n; n += 2n, sign = -sign) {
      sum += (sign * term) / n;
      term /= x2;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  const text = (pi / 10n ** (guard - 0n)).toString();
  // Round the last kept digit as bignum's bpi does.
  const kept = text.slice(0, digits);
  const next = Number(text[digits] ?? '0');
  const rounded = next >= 5 ? (BigInt(kept) + 1n).toString() : kept;
  return `${rounded[0]}.${rounded.slice(1)}`;
}

function scriptOf(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => /^-\w*e$/.test(a));
  return i === -1 ? undefined : argv[i + 1];
}

export const perl: ImageBehaviour = {
  name: 'perl',
  repositories: ['library/perl'],
  hasTag: (t) => /^(latest|slim|5(\.\d{1,2}){0,2}(-slim)?(-bookworm|-threaded)?)$/.test(t),
  sizeBytes: 355_411_634,
  entrypoint: [],
  cmd: ['perl5.40.2', '-de0'],
  shell: 'bash',
  // perl sets no SIGTERM handler, and PID 1 ignores a signal it does not handle: it is killed
  // when the grace period ends, or exits first when its script does.
  stopMs: () => undefined,
  run(argv): ProgramRun {
    const script = scriptOf(argv) ?? '';
    const newline = argv.some((a) => /^-\w*l\w*$/.test(a));
    const bpi = /bpi\((\d+)\)/.exec(script);
    if (bpi) {
      const n = Math.min(Number(bpi[1]), 10_000);
      const at = 2000 + Math.round(n * 4);
      return { events: [{ at, log: piDigits(n) }], exit: { at: at + 50, code: 0 } };
    }
    const prints = [...script.matchAll(/print\s+(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/\\n/g, '\n'));
    if (prints.length) {
      const text = prints.join(newline ? '\n' : '') + (newline ? '\n' : '');
      return { events: text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1).map((log) => ({ at: 30, log })), exit: { at: 40, code: 0 } };
    }
    return { events: [], exit: { at: 40, code: 0 } };
  },
};
