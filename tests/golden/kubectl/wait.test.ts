import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

describe('kubectl wait', () => {
  test('condition, jsonpath, delete, timeout', async () => {
    const h = makeHarness();
    await h.run('run web --image=nginx');
    const t0 = h.cluster.clock.now();
    expect(await h.run('wait --for=condition=Ready pod/web --timeout=60s')).toEqual({ out: 'pod/web condition met\n', err: '', code: 0 });
    expect(h.cluster.clock.now()).toBeGreaterThan(t0);
    expect((await h.run(['wait', '--for=jsonpath={.status.phase}=Running', 'pod/web'])).out).toBe('pod/web condition met\n');
    expect(await h.run('wait --for=condition=Ready=false pod/web --timeout=5s')).toEqual({
      out: '',
      err: 'error: timed out waiting for the condition on pods/web\n',
      code: 1,
    });
    expect((await h.run('wait --for=condition=Ready pod/ghost')).err).toBe('Error from server (NotFound): pods "ghost" not found\n');
    expect((await h.run('wait pod/web')).err).toBe('error: --for must be specified\n');
    expect((await h.run('wait --for=sunny pod/web')).err).toBe('error: unrecognized condition: "sunny"\n');
    await h.run('delete pod web --wait=false');
    expect((await h.run('wait --for=delete pod/web --timeout=120s')).out).toBe('pod/web condition met\n');
    expect(h.cluster.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
    // Already gone: nothing to wait for, nothing printed, success; other conditions need the object.
    expect(await h.run('wait --for=delete pod/web')).toMatchObject({ out: '', err: '', code: 0 });
    expect(await h.run('wait --for=delete pods -l app=none')).toMatchObject({ out: '', err: '', code: 0 });
    expect(await h.run('wait --for=condition=Ready pods -l app=none')).toMatchObject({ err: 'error: no matching resources found\n', code: 1 });
    expect(h.cluster.failures).toEqual([]);
  });
});
