import { describe, expect, it } from 'vitest';
import { makeHarness } from '../golden/kubectl/harness.ts';

describe('kubectl get/describe -f', () => {
  it('looks up what the manifests name, in their namespaces, with NotFound for the missing', async () => {
    const h = makeHarness(7);
    h.files.set('/root/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: kube-system\n');
    await h.run('kubectl create configmap a --from-literal=k=v');
    expect(await h.run('kubectl get -f cm.yaml -o name')).toEqual({ out: 'configmap/a\n', err: 'Error from server (NotFound): configmaps "b" not found\n', code: 1 });
    const d = await h.run('kubectl describe -f cm.yaml');
    expect(d.out).toMatch(/^Name:         a\nNamespace:    default\n/);
    expect(d.err).toBe('Error from server (NotFound): configmaps "b" not found\n');
    expect((await h.run('kubectl get -f nope.yaml')).err).toBe('error: the path "nope.yaml" does not exist\n');
  });
});

describe('kubectl describe', () => {
  it('describes by name prefix when no object has the exact name, separating objects by a blank line', async () => {
    const h = makeHarness(7);
    await h.run('kubectl create configmap web-a --from-literal=k=v');
    await h.run('kubectl create configmap web-b --from-literal=k=v');
    const r = await h.run('kubectl describe cm web-');
    expect(r.err).toBe('');
    expect(r.out.match(/^Name: +web-[ab]$/gm)).toEqual(['Name:         web-a', 'Name:         web-b']);
    expect(r.out).toContain('Events:  <none>\n\n\nName:         web-b\n');
    expect(await h.run('kubectl describe cm nothing')).toEqual({ out: '', err: 'Error from server (NotFound): configmaps "nothing" not found\n', code: 1 });
  });

  it('reports an empty type and unknown types like kubectl', async () => {
    const h = makeHarness(7);
    await h.run('kubectl create namespace empty');
    expect(await h.run('kubectl describe secrets -n empty')).toEqual({ out: '', err: 'No resources found in empty namespace.\n', code: 0 });
    expect((await h.run('kubectl describe nope')).err).toBe('error: the server doesn\'t have a resource type "nope"\n');
  });
});

describe('kubectl api-resources', () => {
  it('lists served types grouped by API group, with filters and -o name', async () => {
    const h = makeHarness();
    const all = await h.run('kubectl api-resources');
    const lines = all.out.split('\n');
    expect(lines[0]).toBe('NAME                     SHORTNAMES   APIVERSION               NAMESPACED   KIND');
    expect(lines).toContain('statefulsets             sts          apps/v1                  true         StatefulSet');
    expect((await h.run('kubectl api-resources --api-group=batch -o name')).out).toBe('cronjobs.batch\njobs.batch\n');
    expect((await h.run('kubectl api-resources --namespaced=false --api-group=storage.k8s.io --no-headers')).out).toBe(
      'storageclasses      sc    storage.k8s.io/v1   false   StorageClass\nvolumeattachments         storage.k8s.io/v1   false   VolumeAttachment\n',
    );
    expect((await h.run('kubectl api-resources --api-group=apps -o wide --sort-by=kind')).out.split('\n')[1]).toBe(
      'controllerrevisions                apps/v1      true         ControllerRevision   create,delete,deletecollection,get,list,patch,update,watch   ',
    );
  });
});

describe('kubectl events', () => {
  it('prints events oldest first with Kind/name objects, filtered by --for and --types', async () => {
    const h = makeHarness(3);
    await h.run('kubectl create job once --image=busybox -- sh -c "exit 0"');
    h.cluster.advance(30_000);
    const r = await h.run('kubectl events --for job/once');
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(lines.slice(1).every((l) => /Job\/once/.test(l))).toBe(true);
    expect(lines[1]).toMatch(/SuccessfulCreate +Job\/once +Created pod: once-/);
    expect((await h.run('kubectl events --types=Warning --for job/once')).err).toBe('No events found in default namespace.\n');
    expect((await h.run('kubectl events --types=Bad')).err).toBe('error: valid --types are Normal or Warning\n');
    expect((await h.run('kubectl events --for once')).err).toBe('error: --for must be in resource/name form\n');
    const a = await h.run('kubectl events -A --for job/once');
    expect(a.out.split('\n')[0]).toMatch(/^NAMESPACE +LAST SEEN +TYPE/);
  });
});
