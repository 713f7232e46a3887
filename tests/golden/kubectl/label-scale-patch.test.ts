import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

describe('kubectl label / annotate', () => {
  test('add, overwrite rule, remove', async () => {
    const h = makeHarness();
    await h.run('create cm web');
    expect(await h.run('label cm web app=web')).toEqual({ out: 'configmap/web labeled\n', err: '', code: 0 });
    expect(await h.run('label cm web app=api')).toEqual({
      out: '',
      err: "error: 'app' already has a value (web), and --overwrite is false\n",
      code: 1,
    });
    expect((await h.run('label cm web app=api --overwrite')).out).toBe('configmap/web labeled\n');
    expect((await h.run('label cm/web app=api')).out).toBe('configmap/web not labeled\n');
    expect((await h.run('label cm web app-')).out).toBe('configmap/web unlabeled\n');
    expect(h.cluster.api.get('ConfigMap', 'default', 'web').metadata.labels).toBeUndefined();
    expect((await h.run('label cm web')).err).toBe('error: at least one label update is required\n');
    expect((await h.run('annotate cm web note=hello')).out).toBe('configmap/web annotated\n');
    expect((await h.run('annotate cm web note=bye')).err).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)\n",
    );
    expect((await h.run('label cm nope a=b')).err).toBe('Error from server (NotFound): configmaps "nope" not found\n');
  });

  test('invalid label values are rejected by the API server', async () => {
    const h = makeHarness();
    await h.run('create cm web');
    const r = await h.run('label cm web app=not/valid');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^The ConfigMap "web" is invalid: metadata.labels: Invalid value: "not\/valid"/);
  });
});

describe('kubectl scale', () => {
  test('deployments, preconditions, errors', async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx');
    expect(await h.run('scale deploy/web --replicas=3')).toEqual({ out: 'deployment.apps/web scaled\n', err: '', code: 0 });
    expect(h.cluster.api.get('Deployment', 'default', 'web').spec.replicas).toBe(3);
    expect((await h.run('scale deploy web --replicas=2 --current-replicas=5')).err).toBe('error: Expected replicas to be 5, was 3\n');
    expect((await h.run('scale deploy web')).err).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect((await h.run('scale deploy web --replicas=0 --dry-run=client')).out).toBe('deployment.apps/web scaled (dry run)\n');
    expect(h.cluster.api.get('Deployment', 'default', 'web').spec.replicas).toBe(3);
    await h.run('create cm c');
    expect((await h.run('scale cm c --replicas=2')).err).toBe('Error from server (NotFound): the server could not find the requested resource\n');
  });
});

describe('kubectl patch', () => {
  test('strategic, merge and json patches', async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx');
    expect(
      await h.run(['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}']),
    ).toEqual({ out: 'deployment.apps/web patched\n', err: '', code: 0 });
    const d = h.cluster.api.get('Deployment', 'default', 'web');
    expect(d.spec.template.spec.containers).toHaveLength(1);
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect((await h.run(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":1}}'])).out).toBe('deployment.apps/web patched (no change)\n');
    expect((await h.run(['patch', 'deploy', 'web', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}'])).out).toBe(
      'deployment.apps/web patched\n',
    );
    expect(
      (await h.run(['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]'])).out,
    ).toBe('deployment.apps/web patched\n');
    expect(h.cluster.api.get('Deployment', 'default', 'web').spec.replicas).toBe(4);
    const bad = await h.run(['patch', 'deploy', 'web', '-p', '{"spec":{"replica":1}}']);
    expect(bad.err).toBe(
      'Error from server (BadRequest): Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n',
    );
    expect((await h.run(['patch', 'deploy', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":2}}'])).out).toBe(
      'deployment.apps/web patched\n',
    );
    expect(h.cluster.api.get('Deployment', 'default', 'web').spec.replicas).toBe(2);
  });
});
