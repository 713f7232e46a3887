import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: scratch
spec:
  nodeName: node01
  containers:
  - name: app
    image: nginx
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir: {}
`;

describe('kubectl drain', () => {
  test('refuses unmanaged and emptyDir pods, then evicts them with the flags', async () => {
    const h = makeHarness();
    h.files.set('pod.yaml', POD);
    await h.run('apply -f pod.yaml');
    h.cluster.advance(30_000);
    const daemonPods = h.cluster.api
      .list('Pod', { fieldSelector: [{ field: 'spec.nodeName', op: '=', value: 'node01' }] })
      .filter((p) => p.metadata.ownerReferences?.some((o: { kind: string }) => o.kind === 'DaemonSet'))
      .map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    const refused = await h.run('drain node01');
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('node/node01 cordoned\n');
    const lines = [
      ...(daemonPods.length ? [`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonPods.join(', ')}`] : []),
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch',
    ];
    expect(refused.err).toBe(
      'error: unable to drain node "node01", aborting command...\n\nThere are pending nodes to be drained:\n node01\n' + lines.map((l) => l + '\n').join(''),
    );
    expect(h.cluster.api.tryGet('Pod', 'default', 'scratch')).toBeDefined();
    const unmanaged = await h.run('drain node01 --ignore-daemonsets --delete-emptydir-data');
    expect(unmanaged.err).toContain('error: cannot delete Pods that declare no controller (use --force to override): default/scratch\n');

    const ok = await h.run('drain node01 --ignore-daemonsets --delete-emptydir-data --force');
    expect(ok.code).toBe(0);
    expect(ok.out.startsWith('node/node01 already cordoned\n')).toBe(true);
    expect(ok.out).toContain('\npod/scratch evicted\n');
    expect(ok.out.endsWith('\nnode/node01 drained\n')).toBe(true);
    expect(ok.err).toContain('evicting pod default/scratch\n');
    expect(ok.err).toContain('Warning: ignoring DaemonSet-managed Pods: ');
    expect(ok.err).toContain('; deleting Pods with local storage: default/scratch; deleting Pods that declare no controller: default/scratch\n');
    expect(h.cluster.api.tryGet('Pod', 'default', 'scratch')).toBeUndefined();
    expect((await h.run('uncordon node01')).out).toBe('node/node01 uncordoned\n');
  });
});
