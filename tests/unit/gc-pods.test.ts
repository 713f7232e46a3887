import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';

function runPod(c: Cluster, name: string, node: string): void {
  c.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx:1.27' }] },
  });
  expect(c.advanceUntil(() => c.api.get('Pod', 'default', name).status?.phase === 'Running', 60_000)).toBe(true);
}

describe('pod garbage collector', () => {
  it('force-deletes the pods of a deleted node after the quarantine', () => {
    const c = createCluster({ seed: 71 });
    runPod(c, 'stray', 'node03');
    c.faults.nodeDown('node03');
    c.api.delete('Node', undefined, 'node03');
    c.advance(20_000);
    expect(c.api.tryGet('Pod', 'default', 'stray')).toBeDefined();
    expect(c.advanceUntil(() => !c.api.tryGet('Pod', 'default', 'stray'), 120_000)).toBe(true);
    expect(c.explanations.list({ kind: 'Pod', name: 'stray' }).map((e) => e.message)).toContain('force-deleted: node node03 no longer exists');
    expect(c.failures).toEqual([]);
  });

  it('force-deletes terminating pods on an out-of-service node', () => {
    const c = createCluster({ seed: 72 });
    runPod(c, 'stuck', 'node02');
    c.faults.nodeDown('node02');
    c.advanceUntil(() => c.api.get('Node', undefined, 'node02').spec.taints?.length > 0, 120_000);
    c.api.delete('Pod', 'default', 'stuck');
    c.advance(60_000);
    expect(c.api.get('Pod', 'default', 'stuck').metadata.deletionTimestamp).toBeDefined();
    c.api.mutate('Node', undefined, 'node02', (n) => {
      n.spec.taints = [...n.spec.taints, { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }];
    });
    expect(c.advanceUntil(() => !c.api.tryGet('Pod', 'default', 'stuck'), 30_000)).toBe(true);
  });
});
