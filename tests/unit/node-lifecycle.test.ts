import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import type { Stored } from '../../src/sim/apiserver/types.ts';

function condition(c: Cluster, node: string, type: string) {
  return (c.api.get('Node', undefined, node).status?.conditions ?? []).find((x: { type: string }) => x.type === type);
}

function taints(c: Cluster, node: string): string[] {
  return (c.api.get('Node', undefined, node).spec?.taints ?? []).map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`);
}

function renewTime(c: Cluster, node: string): number {
  return Date.parse(c.api.get('Lease', 'kube-node-lease', node).spec.renewTime);
}

function runPod(c: Cluster, name: string, node: string): Stored {
  c.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { nodeName: node, containers: [{ name: 'web', image: 'nginx:1.27' }] },
  });
  expect(c.advanceUntil(() => c.api.get('Pod', 'default', name).status?.phase === 'Running', 60_000)).toBe(true);
  return c.api.get('Pod', 'default', name);
}

describe('node lifecycle', () => {
  it('renews every node lease every 10 s while the kubelet runs', () => {
    const c = createCluster({ seed: 11 });
    const before = renewTime(c, 'node01');
    c.advance(10_000);
    expect(renewTime(c, 'node01') - before).toBe(10_000);
    const lease = c.api.get('Lease', 'kube-node-lease', 'node01');
    expect(lease.spec).toMatchObject({ holderIdentity: 'node01', leaseDurationSeconds: 40 });
    expect(lease.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'node01' });
    expect(lease.spec.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(c.failures).toEqual([]);
  });

  it('follows the upstream timeline: Unknown after 50 s, taints, eviction after 300 s, recovery', () => {
    const c = createCluster({ seed: 12 });
    const pod = runPod(c, 'web', 'node02');
    const lastRenew = renewTime(c, 'node02');
    c.faults.nodeDown('node02');
    const down = c.clock.now();

    // Silence: no renewals; still Ready until the grace period has passed.
    c.advance(45_000);
    expect(renewTime(c, 'node02')).toBe(lastRenew);
    expect(condition(c, 'node02', 'Ready')?.status).toBe('True');

    expect(c.advanceUntil(() => condition(c, 'node02', 'Ready')?.status === 'Unknown', 30_000)).toBe(true);
    const unknownAt = c.clock.now();
    expect(unknownAt - lastRenew).toBeGreaterThan(50_000);
    expect(unknownAt - lastRenew).toBeLessThanOrEqual(55_000);
    const ready = condition(c, 'node02', 'Ready');
    expect(ready).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(condition(c, 'node02', type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
    }
    expect(taints(c, 'node02')).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const p = c.api.get('Pod', 'default', 'web');
    expect(p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('False');
    expect(p.metadata.deletionTimestamp).toBeUndefined();
    const nodeEvents = c.api.list('Event').filter((e) => e.involvedObject.name === 'node02' && e.reason === 'NodeNotReady');
    expect(nodeEvents.map((e) => e.message)).toEqual(['Node node02 status is now: NodeNotReady']);
    const podEvents = c.api.list('Event').filter((e) => e.involvedObject.uid === pod.metadata.uid && e.reason === 'NodeNotReady');
    expect(podEvents.map((e) => [e.type, e.message, e.source.component])).toEqual([['Warning', 'Node is not ready', 'node-controller']]);

    // The pod tolerates unreachable for 300 s: eviction then, and it stays Terminating.
    c.advance(unknownAt + 299_000 - c.clock.now());
    expect(c.api.get('Pod', 'default', 'web').metadata.deletionTimestamp).toBeUndefined();
    c.advance(1_000);
    const evicted = c.api.get('Pod', 'default', 'web');
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(evicted.status.conditions.find((x: { type: string }) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    const eviction = c.api.list('Event').find((e) => e.reason === 'TaintManagerEviction');
    expect(eviction?.message).toBe('Marking for deletion Pod default/web');
    c.advance(10 * 60_000);
    expect(c.api.tryGet('Pod', 'default', 'web')?.metadata.deletionTimestamp).toBeDefined();
    expect(c.clock.now() - down).toBeGreaterThan(600_000);

    // The kubelet returns: Ready, taints gone, the pending deletion finishes.
    c.faults.nodeUp('node02');
    expect(condition(c, 'node02', 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(taints(c, 'node02')).toEqual([]);
    expect(c.advanceUntil(() => !c.api.tryGet('Pod', 'default', 'web'), 60_000)).toBe(true);
    // Pods that stayed (DaemonSet pods tolerate unreachable forever) are Ready again.
    const stayed = c.api.list('Pod', { fieldSelector: [{ field: 'spec.nodeName', op: '=', value: 'node02' }] });
    expect(stayed.length).toBeGreaterThan(0);
    for (const p of stayed) {
      expect(p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
    }
    expect(c.failures).toEqual([]);
  });

  it('uses the not-ready taints when the kubelet reports Ready=False, and cordon adds unschedulable', () => {
    const c = createCluster({ seed: 13 });
    c.api.mutate('Node', undefined, 'node01', (n) => {
      n.spec.unschedulable = true;
    });
    c.settle();
    expect(taints(c, 'node01')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    c.api.mutate(
      'Node',
      undefined,
      'node03',
      (n) => {
        n.status.conditions = n.status.conditions.map((x: { type: string }) => (x.type === 'Ready' ? { ...x, status: 'False', reason: 'KubeletNotReady' } : x));
      },
      { subresource: 'status' },
    );
    c.settle();
    expect(taints(c, 'node03')).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
    c.api.mutate('Node', undefined, 'node01', (n) => {
      delete n.spec.unschedulable;
    });
    c.settle();
    expect(taints(c, 'node01')).toEqual([]);
  });

  it('evicts a pod when its own tolerationSeconds run out', () => {
    const c = createCluster({ seed: 14 });
    c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'short', namespace: 'default' },
      spec: {
        nodeName: 'node01',
        containers: [{ name: 'c', image: 'nginx' }],
        tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }],
      },
    });
    c.advanceUntil(() => c.api.get('Pod', 'default', 'short').status?.phase === 'Running', 60_000);
    c.faults.nodeDown('node01');
    c.advanceUntil(() => condition(c, 'node01', 'Ready')?.status === 'Unknown', 120_000);
    const taintTime = c.clock.now();
    expect(c.advanceUntil(() => !!c.api.get('Pod', 'default', 'short').metadata.deletionTimestamp, 60_000)).toBe(true);
    expect(c.clock.now() - taintTime).toBe(5_000);
  });

  it('a NoExecute taint added by hand evicts pods that do not tolerate it, at once', () => {
    const c = createCluster({ seed: 16 });
    runPod(c, 'victim', 'node01');
    c.api.mutate('Node', undefined, 'node01', (n) => {
      n.spec.taints = [{ key: 'maintenance', value: 'true', effect: 'NoExecute' }];
    });
    c.settle();
    const p = c.api.get('Pod', 'default', 'victim');
    expect(p.metadata.deletionTimestamp).toBeDefined();
    expect(c.api.list('Event').find((e) => e.reason === 'TaintManagerEviction' && e.involvedObject.name === 'victim')?.source.component).toBe(
      'taint-eviction-controller',
    );
    // DaemonSet pods tolerate everything and stay.
    const ds = c.api
      .list('Pod', { namespace: 'kube-system', fieldSelector: [{ field: 'spec.nodeName', op: '=', value: 'node01' }] })
      .filter((x) => x.metadata.name!.startsWith('kube-proxy-'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.metadata.deletionTimestamp).toBeUndefined();
    expect(c.advanceUntil(() => !c.api.tryGet('Pod', 'default', 'victim'), 60_000)).toBe(true);
  });

  it('a lost node never comes back', () => {
    const c = createCluster({ seed: 15 });
    c.faults.nodeLost('node03');
    expect(c.faults.downNodes()).toEqual(['node03']);
    expect(() => c.faults.nodeUp('node03')).toThrow(/lost/);
    c.advance(120_000);
    expect(condition(c, 'node03', 'Ready')?.status).toBe('Unknown');
  });
});
