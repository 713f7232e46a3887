import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: "1"
`;

describe('kubectl delete', () => {
  test('named, TYPE/NAME, not found, cluster-scoped', async () => {
    const h = makeHarness();
    await h.run('create cm one --from-literal=a=b');
    await h.run('create cm two --from-literal=a=b');
    await h.run('create ns scratch');
    expect(await h.run('delete cm one')).toEqual({ out: 'configmap "one" deleted from default namespace\n', err: '', code: 0 });
    expect(await h.run('delete configmap/two ns/scratch --wait=false')).toMatchObject({
      out: 'configmap "two" deleted from default namespace\nnamespace "scratch" deleted\n',
      code: 0,
    });
    expect(await h.run('delete cm one')).toEqual({ out: '', err: 'Error from server (NotFound): configmaps "one" not found\n', code: 1 });
    expect(await h.run('delete cm one --ignore-not-found')).toMatchObject({ out: 'No resources found\n', code: 0 });
    expect(h.cluster.failures).toEqual([]);
  });

  test('argument errors', async () => {
    const h = makeHarness();
    expect((await h.run('delete')).err).toBe(`error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`);
    expect((await h.run('delete pods')).err).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await h.run('delete foo x')).err).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect((await h.run('delete pod x --force --grace-period=5')).err).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    );
    expect((await h.run('delete pod x --now --grace-period=5')).err).toBe('error: --now and --grace-period cannot be specified together\n');
    expect((await h.run('delete pod x --cascade=sideways')).err).toBe(
      'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n',
    );
  });

  test('-l, --all, -f and dry runs', async () => {
    const h = makeHarness();
    h.files.set('cm.yaml', CM);
    await h.run('apply -f cm.yaml');
    expect(await h.run('delete -f cm.yaml --dry-run=client')).toMatchObject({
      out: 'configmap "settings" deleted (dry run) from default namespace\n',
    });
    expect(h.cluster.api.tryGet('ConfigMap', 'default', 'settings')).toBeDefined();
    expect(await h.run('delete cm -l app=none')).toEqual({ out: 'No resources found\n', err: '', code: 0 });
    expect(await h.run('delete -f cm.yaml')).toMatchObject({ out: 'configmap "settings" deleted from default namespace\n', code: 0 });
    expect(await h.run('delete -f cm.yaml')).toEqual({
      out: '',
      err: 'Error from server (NotFound): error when deleting "cm.yaml": configmaps "settings" not found\n',
      code: 1,
    });
    await h.run('create cm a');
    await h.run('create cm b');
    const r = await h.run('delete cm --all');
    expect(r.out).toContain('configmap "a" deleted from default namespace\nconfigmap "b" deleted from default namespace\n');
  });

  test('--cascade=false warns and orphans', async () => {
    const h = makeHarness();
    await h.run('create cm a');
    const r = await h.run('delete cm a --cascade=false --wait=false');
    expect(r.err).toBe('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
    expect(r.out).toBe('configmap "a" deleted from default namespace\n');
  });
});

describe('kubectl delete of running pods', () => {
  test('graceful delete waits for the kubelet; --force --grace-period=0 removes at once with the warning', async () => {
    const h = makeHarness();
    await h.run('run a --image=nginx');
    await h.run('run b --image=nginx');
    h.cluster.advance(30_000);
    const t0 = h.cluster.clock.now();
    expect(await h.run('delete pod a')).toEqual({ out: 'pod "a" deleted from default namespace\n', err: '', code: 0 });
    expect(h.cluster.api.tryGet('Pod', 'default', 'a')).toBeUndefined();
    expect(h.cluster.clock.now()).toBeGreaterThan(t0);
    const t1 = h.cluster.clock.now();
    expect(await h.run('delete pod b --force --grace-period=0')).toEqual({
      out: 'pod "b" force deleted from default namespace\n',
      err: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      code: 0,
    });
    expect(h.cluster.api.tryGet('Pod', 'default', 'b')).toBeUndefined();
    expect(h.cluster.clock.now()).toBe(t1);
    expect(h.cluster.failures).toEqual([]);
  });

  test('a namespace mismatch between -n and the manifest is refused', async () => {
    const h = makeHarness();
    await h.run('create ns other');
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: other\n');
    expect((await h.run('apply -f cm.yaml -n default')).err).toBe(
      'error: the namespace from the provided object "other" does not match the namespace "default". You must pass \'--namespace=other\' to perform this operation.\n',
    );
    expect((await h.run('apply -f cm.yaml')).out).toBe('configmap/c created\n');
    expect(h.cluster.api.tryGet('ConfigMap', 'other', 'c')).toBeDefined();
  });
});
