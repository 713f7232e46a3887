import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';
import { isApiError } from '../../src/sim/apiserver/errors.ts';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return isApiError(e) ? `${e.reason}: ${e.message}` : String(e);
  }
  return 'no error';
}

describe('namespaces', () => {
  it('gets a default ServiceAccount, kube-root-ca.crt and the name label', () => {
    const c = createCluster({ seed: 31 });
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    c.settle();
    const ns = c.api.get('Namespace', undefined, 'shop');
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(c.api.tryGet('ServiceAccount', 'shop', 'default')).toBeDefined();
    const ca = c.api.get('ConfigMap', 'shop', 'kube-root-ca.crt');
    expect(ca.data['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
    expect(ca.data['ca.crt']).toBe(c.api.get('ConfigMap', 'default', 'kube-root-ca.crt').data['ca.crt']);
    // Deleted, they come back.
    c.api.delete('ServiceAccount', 'shop', 'default');
    c.settle();
    expect(c.api.tryGet('ServiceAccount', 'shop', 'default')).toBeDefined();
  });

  it('deletion: Terminating, content deleted (pods gracefully), then the namespace is gone', () => {
    const c = createCluster({ seed: 32 });
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    c.settle();
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' }, data: { a: 'b' } });
    c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    });
    expect(c.advanceUntil(() => c.api.get('Pod', 'shop', 'web').status?.phase === 'Running', 60_000)).toBe(true);
    c.api.delete('Namespace', undefined, 'shop');
    c.settle();
    const ns = c.api.get('Namespace', undefined, 'shop');
    expect(ns.metadata.deletionTimestamp).toBeDefined();
    expect(ns.status.phase).toBe('Terminating');
    expect(ns.status.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`)).toEqual([
      'NamespaceDeletionDiscoveryFailure=False',
      'NamespaceDeletionGroupVersionParsingFailure=False',
      'NamespaceDeletionContentFailure=False',
      'NamespaceContentRemaining=True',
      'NamespaceFinalizersRemaining=False',
    ]);
    expect(ns.status.conditions[3].message).toBe('Some resources are remaining: pods has 1 resource instances');
    expect(c.api.tryGet('ConfigMap', 'shop', 'cfg')).toBeUndefined();
    expect(c.api.get('Pod', 'shop', 'web').metadata.deletionTimestamp).toBeDefined();
    expect(errorOf(() => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'shop' } }))).toBe(
      'Forbidden: configmaps "late" is forbidden: unable to create new content in namespace shop because it is being terminated',
    );
    expect(c.advanceUntil(() => !c.api.tryGet('Namespace', undefined, 'shop'), 120_000)).toBe(true);
    expect(c.failures).toEqual([]);
  });

  it('refuses to delete the system namespaces', () => {
    const c = createCluster({ seed: 33 });
    for (const name of ['default', 'kube-system', 'kube-public']) {
      expect(errorOf(() => c.api.delete('Namespace', undefined, name))).toBe(
        `Forbidden: namespaces "${name}" is forbidden: this namespace may not be deleted`,
      );
    }
  });
});
