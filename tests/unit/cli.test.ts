import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.ts';
import { parseRunArgs } from '../../src/cli/run.ts';
import { isIncomplete, splitScript } from '../../src/shell/split-script.ts';

async function cli(args: string[], stdin = ''): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: async () => stdin };
  const code = await main(args, io);
  return { out, err, code };
}

describe('kubelab', () => {
  it('prints help, and refuses unknown commands', async () => {
    const help = await cli(['help']);
    expect(help.out).toContain('kubelab run [--lab ID] [--seed N] [--json] [FILE|-]');
    expect(help.out).toContain('kubelab shell [--lab ID]');
    expect((await cli([])).out).toBe(help.out);
    expect(await cli(['frobnicate'])).toEqual({ out: '', err: 'error: unknown command "frobnicate" for "kubelab"\nRun \'kubelab help\' for usage.\n', code: 2 });
  });

  it('run reads the script from stdin with - and returns the last exit status', async () => {
    const r = await cli(['run', '-'], 'echo one\nkubectl get ns default -o name\nfalse\n');
    expect(r).toEqual({ out: 'one\nnamespace/default\n', err: '', code: 1 });
  });

  it('run --json reports the clock after each command', async () => {
    const r = await cli(['run', '--json'], 'sleep 90\n');
    expect(JSON.parse(r.out)).toEqual({ cmd: 'sleep 90', stdout: '', stderr: '', exit: 0, clock: '2026-01-05T09:05:30.000Z' });
  });

  it('run refuses bad arguments and unknown labs', async () => {
    expect((await cli(['run', '--seed', 'x'])).err).toBe('error: invalid --seed "x": want a non-negative integer\nUsage: kubelab run [--lab ID] [--seed N] [--json] [FILE|-]\n');
    expect((await cli(['run', '--bogus'])).code).toBe(2);
    expect((await cli(['run', '/no/such/file.sh'])).err).toMatch(/^error: cannot read \/no\/such\/file\.sh: /);
    const lab = await cli(['run', '--lab', 'no-such-lab', '-'], 'true\n');
    expect(lab.code).toBe(1);
    expect(lab.err).toMatch(/^error: unknown lab "no-such-lab"; available labs: [a-z0-9-]+(, [a-z0-9-]+)*\n$/);
  });

  it('shell runs lines one after the other, continues unfinished ones, and exits with `exit N`', () => {
    const r = spawnSync(process.execPath, ['bin/kubelab.mjs', 'shell'], {
      input: 'cd /tmp\nfor i in 1 2; do\necho n$i\ndone\nkubectl get ns default -o name\nexit 3\necho never\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('controlplane:~$ controlplane:/tmp$ > > n1\nn2\ncontrolplane:/tmp$ namespace/default\ncontrolplane:/tmp$ \n');
  }, 60_000);

  it('parses run options', () => {
    expect(parseRunArgs(['--json', '--seed=3', 'x.sh'])).toEqual({ json: true, seed: 3, file: 'x.sh' });
    expect(parseRunArgs(['--lab', 'a', '-'])).toEqual({ json: false, lab: 'a', file: '-' });
    expect(parseRunArgs(['a.sh', 'b.sh'])).toBe('more than one script given: a.sh, b.sh');
    expect(parseRunArgs(['--lab'])).toBe('flag needs an argument: --lab');
  });
});

describe('splitting a script into top-level commands', () => {
  it('keeps heredocs, loops, functions, quotes and continuations whole', () => {
    const script = [
      '# setup',
      'kubectl get pods',
      'cat <<EOF | kubectl apply -f -',
      'kind: Pod',
      'EOF',
      '',
      'for i in 1 2; do',
      '  echo $i',
      'done',
      'echo a &&',
      '  echo b',
      'echo a \\',
      '  b',
      'f() {',
      '  echo hi',
      '}',
      'echo "two',
      'lines"',
      'if true; then echo y; fi; echo same-line',
      'fi',
    ].join('\n');
    expect(splitScript(script)).toEqual([
      { text: 'kubectl get pods', line: 2 },
      { text: 'cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF', line: 3 },
      { text: 'for i in 1 2; do\n  echo $i\ndone', line: 7 },
      { text: 'echo a &&\n  echo b', line: 10 },
      { text: 'echo a \\\n  b', line: 12 },
      { text: 'f() {\n  echo hi\n}', line: 14 },
      { text: 'echo "two\nlines"', line: 17 },
      { text: 'if true; then echo y; fi; echo same-line', line: 19 },
      { text: 'fi', line: 20 },
    ]);
  });

  it('tells an unfinished command from a syntax error', () => {
    expect(isIncomplete('while true')).toBe(true);
    expect(isIncomplete('if true; then')).toBe(true);
    expect(isIncomplete('cat <<EOF')).toBe(true);
    expect(isIncomplete("echo 'x")).toBe(true);
    expect(isIncomplete('echo a |')).toBe(true);
    expect(isIncomplete('fi')).toBe(false);
    expect(isIncomplete('echo done')).toBe(false);
    expect(isIncomplete('echo a # comment ending in |')).toBe(false);
  });
});
