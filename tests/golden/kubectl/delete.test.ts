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
