import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/shell/session.ts';

async function run(session: ReturnType<typeof createSession>, line: string) {
  let out = '';
  let err = '';
  const code = await session.run(line, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { out, err, code };
}

describe('command substitution inside a kubectl command line', () => {
  it('feeds the inner kubectl output to the outer command, not to the terminal', async () => {
    const s = createSession({ seed: 3 });
    await run(s, 'kubectl run a --image=nginx');
    await run(s, 'kubectl wait --for=condition=Ready pod/a');
    expect(await run(s, 'kubectl get pod $(kubectl get pods -o jsonpath="{.items[0].metadata.name}") -o name')).toEqual({ out: 'pod/a\n', err: '', code: 0 });
    expect(await run(s, 'kubectl delete $(kubectl get pods -o name) --wait=false')).toEqual({ out: 'pod "a" deleted from default namespace\n', err: '', code: 0 });
  });
});

describe('kubectl at the terminal', () => {
  it('writes its warnings and results in the order it produces them', async () => {
    const s = createSession({ seed: 3 });
    await run(s, 'kubectl run a --image=nginx');
    let seen = '';
    await s.run('kubectl delete pod a --force --grace-period=0', { stdout: (t) => (seen += `[out]${t}`), stderr: (t) => (seen += `[err]${t}`) });
    expect(seen).toMatch(/^\[err\]Warning: Immediate deletion[^\n]*\n\[out\]pod "a" force deleted from default namespace\n$/);
  });

  it('still honours the learner redirecting stderr', async () => {
    const s = createSession({ seed: 3 });
    expect(await run(s, 'kubectl get pod nope 2>/dev/null; echo "exit $?"')).toEqual({ out: 'exit 1\n', err: '', code: 0 });
  });
});
