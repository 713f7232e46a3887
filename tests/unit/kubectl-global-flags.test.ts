import { describe, expect, it } from 'vitest';
import { makeHarness } from '../golden/kubectl/harness.ts';

describe('kubectl global flags before the verb', () => {
  it('takes -n and --context before the verb, as cobra does', async () => {
    const h = makeHarness();
    const r = await h.run('kubectl -n kube-system get pods -l k8s-app=kube-dns -o name');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(2);
    expect(r.out).toMatch(/^pod\/coredns-/);
    const ctx = await h.run('kubectl --context kubernetes-admin@kubernetes get ns default -o name');
    expect(ctx).toMatchObject({ code: 0, out: 'namespace/default\n' });
  });

  it('reports a missing flag value and unknown flags with no verb', async () => {
    const h = makeHarness();
    expect(await h.run('kubectl -n')).toMatchObject({ code: 1, err: "error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n" });
    expect(await h.run('kubectl --bogus')).toMatchObject({ code: 1, err: "error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n" });
  });
});
