import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../../src/cli/main.ts';

const here = dirname(fileURLToPath(import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

async function cli(args: string[], stdin = ''): Promise<{ out: string; both: string; code: number }> {
  let out = '';
  let both = '';
  const io: CliIO = {
    stdout: (s) => {
      out += s;
      both += s;
    },
    stderr: (s) => {
      both += s;
    },
    readStdin: async () => stdin,
  };
  const code = await main(args, io);
  return { out, both, code };
}

function golden(name: string, actual: string): void {
  const path = join(here, name);
  if (update) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('kubelab run (golden)', () => {
  const script = join(here, 'basics.sh');

  it('--json prints one object per top-level command', async () => {
    const r = await cli(['run', '--json', script]);
    golden('basics.jsonl', r.out);
    const lines = r.out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(lines[0])).toEqual(['cmd', 'stdout', 'stderr', 'exit', 'clock']);
    expect(lines.find((l) => l.cmd.startsWith('for i'))?.cmd).toBe('for i in 1 2 3; do\n  kn create configmap "cm-$i" --from-literal=n=$i\ndone');
  });

  it('prints stdout and stderr as a terminal would, and exits with the last status', async () => {
    const r = await cli(['run', script]);
    golden('basics.out', r.both);
    expect(r.code).toBe(0);
  });

  it('gives byte-identical output for the same seed and script', async () => {
    const a = await cli(['run', '--json', '--seed', '5', script]);
    const b = await cli(['run', '--json', '--seed', '5', script]);
    expect(a.out).toBe(b.out);
  });
});
