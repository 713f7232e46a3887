import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';
import { isApiError } from '../../src/sim/apiserver/errors.ts';

describe('store', () => {
  it('creates the default namespaces and nodes', () => {
    const c = createCluster({ seed: 7 });
    expect(c.api.list('Namespace').map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(c.api.list('Node').map((n) => n.metadata.name)).toEqual(['controlplane', 'node01', 'node02', 'node03']);
  });

  it('reports NotFound in upstream wording', () => {
    const c = createCluster();
    try {
      c.api.get('Pod', 'default', 'x');
      expect.unreachable();
    } catch (e) {
      expect(isApiError(e) && e.message).toBe('pods "x" not found');
    }
  });

  it('bumps generation only on spec changes and rejects stale writes', () => {
    const c = createCluster();
    const pod = c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    expect(pod.metadata.generation).toBe(1);
    const relabelled = c.api.mutate('Pod', 'default', 'p', (p) => {
      p.metadata.labels = { a: 'b' };
    });
    expect(relabelled.metadata.generation).toBe(1);
    const changed = c.api.mutate('Pod', 'default', 'p', (p) => {
      p.spec.activeDeadlineSeconds = 5;
    });
    expect(changed.metadata.generation).toBe(2);
    expect(() => c.api.update({ ...pod })).toThrow(/the object has been modified/);
  });

  it('keeps deleted objects with finalizers until the finalizers are gone', () => {
    const c = createCluster();
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', finalizers: ['x/y'] } });
    c.api.delete('ConfigMap', 'default', 'cm');
    expect(c.api.get('ConfigMap', 'default', 'cm').metadata.deletionTimestamp).toBeDefined();
    c.api.mutate('ConfigMap', 'default', 'cm', (cm) => {
      cm.metadata.finalizers = [];
    });
    expect(c.api.tryGet('ConfigMap', 'default', 'cm')).toBeUndefined();
  });
});
