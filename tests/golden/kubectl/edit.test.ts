import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

describe('kubectl edit (headless: the edited text comes from stdin)', () => {
  test('saves a change, cancels an unchanged edit, reports invalid edits', async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx');
    let shown = '';
    h.host.edit = undefined;
    const withEditor = makeHarness();
    await withEditor.run('create deployment web --image=nginx');
    withEditor.host.edit = async (_name, content) => {
      shown = content;
      return content.replace('replicas: 1', 'replicas: 4');
    };
    expect(await withEditor.run('edit deploy/web')).toEqual({ out: 'deployment.apps/web edited\n', err: '', code: 0 });
    expect(shown.startsWith(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
apiVersion: apps/v1
kind: Deployment
`)).toBe(true);
    expect(withEditor.cluster.api.get('Deployment', 'default', 'web').spec.replicas).toBe(4);

    withEditor.host.edit = async (_name, content) => content;
    expect(await withEditor.run('edit deploy web')).toEqual({ out: '', err: 'Edit cancelled, no changes made.\n', code: 0 });
    h.cluster.settle();
    const yaml = (await h.run('get deploy web -o yaml')).out;
    expect(await h.run('edit deploy web', '# nothing\n')).toEqual({ out: '', err: 'Edit cancelled, saved file was empty.\n', code: 0 });
    const bad = await h.run('edit deploy web', yaml.replace('replicas: 1', 'replicas: -1'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /^error: deployments\.apps "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(h.cluster.api.get('Deployment', 'default', 'web').spec.replicas).toBe(1);
  });

  test('an editor sees the error comment and can fix the edit', async () => {
    const h = makeHarness();
    await h.run('create cm settings --from-literal=a=b');
    const seen: string[] = [];
    h.host.edit = async (_name, content) => {
      seen.push(content);
      if (seen.length === 1) return content.replace('  a: b', '  a: b\n  bogus: [1, 2]');
      return content.replace(/\n {2}bogus: .*\n/, '\n').replace('a: b', 'a: c');
    };
    const r = await h.run('edit cm settings');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toContain('# Error from server (BadRequest): ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type string\n');
    expect(r.out).toBe('configmap/settings edited\n');
    expect(h.cluster.api.get('ConfigMap', 'default', 'settings').data).toEqual({ a: 'c' });
  });
});
