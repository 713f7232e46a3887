import { describe, expect, it } from 'vitest';
import { Cluster, createCluster } from '../../src/sim/cluster.ts';
import { EPOCH_MS } from '../../src/sim/clock.ts';
import type { Stored } from '../../src/sim/apiserver/types.ts';
import { BOOTSTRAP_MS, bootstrap, DEFAULT_NODES } from '../../src/sim/bootstrap.ts';

function isReady(obj: Stored): boolean {
  return (obj.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

describe('bootstrap', () => {
  it('looks like a settled kubeadm cluster', () => {
    const c = createCluster({ seed: 91 });
    expect(c.clock.now()).toBe(EPOCH_MS + BOOTSTRAP_MS);
    const nodes = c.api.list('Node');
    expect(nodes.map((n) => n.metadata.name)).toEqual(['controlplane', 'node01', 'node02', 'node03']);
    for (const n of nodes) {
      expect(isReady(n)).toBe(true);
      expect(c.api.tryGet('Lease', 'kube-node-lease', n.metadata.name!)).toBeDefined();
    }
    expect(nodes[0]!.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    const system = c.api.list('Pod', { namespace: 'kube-system' });
    const names = system.map((p) => p.metadata.name!.replace(/-[a-z0-9]{5}$/, '-*').replace(/-[a-z0-9]{8,10}-\*$/, '-*-*'));
    expect(names).toEqual([
      'calico-kube-controllers-*-*',
      'canal-*',
      'canal-*',
      'canal-*',
      'canal-*',
      'coredns-*-*',
      'coredns-*-*',
      'etcd-controlplane',
      'kube-apiserver-controlplane',
      'kube-controller-manager-controlplane',
      'kube-proxy-*',
      'kube-proxy-*',
      'kube-proxy-*',
      'kube-proxy-*',
      'kube-scheduler-controlplane',
    ]);
    for (const p of system) {
      expect(p.status.phase).toBe('Running');
      expect(isReady(p)).toBe(true);
    }
    const etcd = c.api.get('Pod', 'kube-system', 'etcd-controlplane');
    expect(etcd.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'controlplane', uid: nodes[0]!.metadata.uid, controller: true }]);
    expect(etcd.spec.volumes.some((v: { name: string }) => v.name.startsWith('kube-api-access-'))).toBe(false);
    expect(etcd.status.podIP).toBe('172.30.1.2');
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      expect(c.api.tryGet('ServiceAccount', ns, 'default')).toBeDefined();
      expect(c.api.tryGet('ConfigMap', ns, 'kube-root-ca.crt')).toBeDefined();
    }
    expect(c.api.get('Endpoints', 'kube-system', 'kube-dns').subsets[0].addresses).toHaveLength(2);
    const sc = c.api.get('StorageClass', undefined, 'standard');
    expect(sc.metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
    expect(sc.provisioner).toBe('kubelab.dev/network');
    expect(c.failures).toEqual([]);
  });

  it('is deterministic, and a cached boot equals a fresh one', () => {
    const cached = createCluster({ seed: 92 });
    const again = createCluster({ seed: 92 });
    // A start time no other test uses: `a` boots from scratch, `b` restores the cached boot.
    const start = EPOCH_MS + 1000;
    const a = new Cluster({ seed: 92, start });
    bootstrap(a, DEFAULT_NODES);
    const b = new Cluster({ seed: 92, start });
    bootstrap(b, DEFAULT_NODES);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
    expect(JSON.stringify(again.snapshot())).toBe(JSON.stringify(cached.snapshot()));
    const other = createCluster({ seed: 93 });
    expect(other.api.get('Pod', 'kube-system', 'etcd-controlplane').metadata.uid).not.toBe(
      cached.api.get('Pod', 'kube-system', 'etcd-controlplane').metadata.uid,
    );
  });

  it('honours custom nodes', () => {
    const c = createCluster({
      seed: 94,
      nodes: [
        { name: 'cp', role: 'control-plane' },
        { name: 'gpu', labels: { accelerator: 'nvidia' }, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }], capacity: { cpu: '8' } },
      ],
    });
    const gpu = c.api.get('Node', undefined, 'gpu');
    expect(gpu.metadata.labels?.accelerator).toBe('nvidia');
    expect(gpu.spec.taints).toEqual([{ key: 'gpu', value: 'true', effect: 'NoSchedule' }]);
    expect(gpu.status.capacity.cpu).toBe('8');
    expect(gpu.status.addresses[0]).toEqual({ type: 'InternalIP', address: '172.30.2.2' });
    expect(c.api.list('Pod', { namespace: 'kube-system' }).filter((p) => p.metadata.name!.startsWith('etcd-')).map((p) => p.metadata.name)).toEqual(['etcd-cp']);
    expect(c.failures).toEqual([]);
  });
});
