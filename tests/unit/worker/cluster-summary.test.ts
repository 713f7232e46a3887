import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/sim/cluster.ts';
import { summarizeCluster } from '../../../src/worker/cluster-summary.ts';

describe('summarizeCluster', () => {
  it('lists the bootstrap nodes with their roles, and leaves system pods out', () => {
    const cluster = createCluster({ seed: 3 });
    const s = summarizeCluster(cluster);
    expect(s.nodes.map((n) => n.name)).toEqual(['controlplane', 'node01', 'node02', 'node03']);
    expect(s.nodes[0]!.roles).toContain('control-plane');
    expect(s.pods.every((p) => !p.namespace.startsWith('kube-'))).toBe(true);
    expect(s.time).toBe(cluster.clock.now());
  });

  it('shows a cordoned node, a lost node and a pod with its owner', () => {
    const cluster = createCluster({ seed: 3 });
    const node = structuredClone(cluster.api.get('Node', undefined, 'node02')) as any;
    node.spec = { ...node.spec, unschedulable: true };
    cluster.api.update(node);
    cluster.faults.nodeLost('node02');
    cluster.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-0',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u1', controller: true }],
      },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    const s = summarizeCluster(cluster);
    const n2 = s.nodes.find((n) => n.name === 'node02')!;
    expect(n2.cordoned).toBe(true);
    expect(n2.lost).toBe(true);
    const pod = s.pods.find((p) => p.name === 'web-0')!;
    expect(pod.owner).toBe('StatefulSet/web');
    expect(pod.namespace).toBe('default');
  });
});
