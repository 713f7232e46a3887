import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';

function pod(c: Cluster, name: string, labels: Record<string, string>, extra: Record<string, unknown> = {}): void {
  c.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }], ...extra },
  });
}

function isRunning(c: Cluster, name: string): boolean {
  return c.api.get('Pod', 'default', name).status?.phase === 'Running';
}

describe('endpoints and endpointslices', () => {
  it('lists ready pods with targetRef and nodeName, and follows readiness and deletion', () => {
    const c = createCluster({ seed: 81 });
    pod(c, 'web-a', { app: 'web' });
    pod(c, 'web-b', { app: 'web' });
    pod(c, 'other', { app: 'other' });
    c.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: { selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 'http' }] },
    });
    c.settle();
    expect(c.api.get('Endpoints', 'default', 'web').subsets).toBeUndefined();
    expect(c.advanceUntil(() => isRunning(c, 'web-a') && isRunning(c, 'web-b') && isRunning(c, 'other'), 60_000)).toBe(true);
    c.advance(1000);
    const ep = c.api.get('Endpoints', 'default', 'web');
    expect(ep.metadata.labels).toEqual({ app: 'web' });
    expect(ep.subsets).toHaveLength(1);
    const addresses = ep.subsets[0].addresses;
    expect(addresses.map((a: { targetRef: { name: string } }) => a.targetRef.name).sort()).toEqual(['web-a', 'web-b']);
    for (const a of addresses) {
      const p = c.api.get('Pod', 'default', a.targetRef.name);
      expect(a).toEqual({ ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: p.metadata.name, uid: p.metadata.uid } });
    }
    expect(ep.subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);

    const [slice, ...more] = c.api.list('EndpointSlice', { namespace: 'default' }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
    expect(more).toEqual([]);
    expect(slice!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice!.metadata.labels).toEqual({
      app: 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    });
    expect(slice!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice!.endpoints.map((e: { conditions: unknown }) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: true, serving: true, terminating: false },
    ]);

    // A terminating pod leaves Endpoints at once; the slice keeps it as terminating.
    c.api.delete('Pod', 'default', 'web-a');
    c.settle();
    const after = c.api.get('Endpoints', 'default', 'web');
    expect(after.subsets[0].addresses.map((a: { targetRef: { name: string } }) => a.targetRef.name)).toEqual(['web-b']);
    const terminating = c.api.get('EndpointSlice', 'default', slice!.metadata.name!).endpoints.find(
      (e: { targetRef: { name: string } }) => e.targetRef.name === 'web-a',
    );
    expect(terminating?.conditions).toEqual({ ready: false, serving: true, terminating: true });

    expect(c.explanations.list({ kind: 'Service', name: 'web' }).at(-1)?.message).toBe(
      'selector app=web matches 2 pods; ready: web-b; left out (no IP yet, finished or terminating): web-a',
    );

    // Deleting the service removes its Endpoints and (through the GC) its slices.
    c.api.delete('Service', 'default', 'web');
    c.settle();
    expect(c.api.tryGet('Endpoints', 'default', 'web')).toBeUndefined();
    expect(c.api.tryGet('EndpointSlice', 'default', slice!.metadata.name!)).toBeUndefined();
    expect(c.failures).toEqual([]);
  });

  it('headless service: hostnames for pods whose subdomain names it, not-ready addresses', () => {
    const c = createCluster({ seed: 82 });
    c.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db', namespace: 'default' },
      spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] },
    });
    pod(c, 'db-0', { app: 'db' }, { hostname: 'db-0', subdomain: 'db' });
    expect(c.advanceUntil(() => isRunning(c, 'db-0'), 60_000)).toBe(true);
    c.advance(1000);
    const ep = c.api.get('Endpoints', 'default', 'db');
    expect(ep.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect(ep.subsets[0].addresses[0].hostname).toBe('db-0');
    // Not ready: moves to notReadyAddresses, unless publishNotReadyAddresses.
    c.api.mutate(
      'Pod',
      'default',
      'db-0',
      (p) => {
        p.status.conditions = p.status.conditions.map((x: { type: string }) => (x.type === 'Ready' ? { ...x, status: 'False' } : x));
      },
      { subresource: 'status' },
    );
    c.settle();
    const notReady = c.api.get('Endpoints', 'default', 'db').subsets[0];
    expect(notReady.addresses).toBeUndefined();
    expect(notReady.notReadyAddresses[0].hostname).toBe('db-0');
    c.api.mutate('Service', 'default', 'db', (s) => {
      s.spec.publishNotReadyAddresses = true;
    });
    c.settle();
    expect(c.api.get('Endpoints', 'default', 'db').subsets[0].addresses[0].targetRef.name).toBe('db-0');
  });

  it('splits more than 100 endpoints over several slices', () => {
    const c = createCluster({ seed: 84 });
    c.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'big', namespace: 'default' },
      spec: { selector: { app: 'big' }, ports: [{ port: 80 }] },
    });
    for (let i = 0; i < 130; i++) pod(c, `big-${i}`, { app: 'big' });
    const slices = () => c.api.list('EndpointSlice', { namespace: 'default' }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'big');
    const ready = () => slices().flatMap((s) => s.endpoints ?? []).filter((e: { conditions: { ready: boolean } }) => e.conditions.ready).length;
    expect(c.advanceUntil(() => ready() === 130, 300_000)).toBe(true);
    expect(slices().map((s) => s.endpoints.length)).toEqual([100, 30]);
    expect(c.api.get('Endpoints', 'default', 'big').subsets[0].addresses).toHaveLength(130);
    expect(c.failures).toEqual([]);
  });

  it('keeps the apiserver endpoints of the kubernetes service', () => {
    const c = createCluster({ seed: 83 });
    expect(c.api.get('Endpoints', 'default', 'kubernetes').subsets).toEqual([
      { addresses: [{ ip: '172.30.1.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
    ]);
    expect(c.api.get('EndpointSlice', 'default', 'kubernetes').endpoints).toEqual([{ addresses: ['172.30.1.2'], conditions: { ready: true } }]);
  });
});
