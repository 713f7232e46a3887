import { describe, expect, it } from 'vitest';
import { Cluster, createCluster } from '../../src/sim/cluster.ts';
import { makeHarness } from '../golden/kubectl/harness.ts';

function state(c: Cluster): string {
  const snap = c.snapshot();
  return JSON.stringify({ clock: snap.clock, store: snap.store, runtime: snap.runtime });
}

describe('faults', () => {
  it('nodeDown stops heartbeats and nodeUp resumes them', () => {
    const c = createCluster({ seed: 61 });
    c.faults.nodeDown('node01');
    expect(c.faults.downNodes()).toEqual(['node01']);
    const renew = c.api.get('Lease', 'kube-node-lease', 'node01').spec.renewTime;
    c.advance(30_000);
    expect(c.api.get('Lease', 'kube-node-lease', 'node01').spec.renewTime).toBe(renew);
    c.faults.nodeUp('node01');
    expect(c.faults.downNodes()).toEqual([]);
    expect(Date.parse(c.api.get('Lease', 'kube-node-lease', 'node01').spec.renewTime)).toBe(c.clock.now());
  });

  it('crashContainer makes the kubelet restart the container', () => {
    const c = createCluster({ seed: 64 });
    c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    });
    expect(c.advanceUntil(() => c.api.get('Pod', 'default', 'web').status?.phase === 'Running', 60_000)).toBe(true);
    c.faults.crashContainer('default', 'web', 'web', 137);
    expect(c.advanceUntil(() => c.api.get('Pod', 'default', 'web').status?.containerStatuses?.[0]?.restartCount === 1, 60_000)).toBe(true);
    const status = c.api.get('Pod', 'default', 'web').status.containerStatuses[0];
    expect(status.lastState.terminated.exitCode).toBe(137);
    expect(c.failures).toEqual([]);
  });

  it('snapshot then restore continues identically through a node outage', () => {
    const a = createCluster({ seed: 63 });
    a.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: { nodeName: 'node02', containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    });
    a.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    a.advance(20_000);
    a.faults.nodeDown('node02');
    a.advance(40_000);
    const snap = a.snapshot();

    const b = new Cluster({ seed: 63 });
    b.restore(snap);
    expect(state(b)).toBe(state(a));
    for (const c of [a, b]) {
      c.advance(30_000);
      c.advance(300_000);
      c.faults.nodeUp('node02');
      c.advance(60_000);
    }
    expect(state(b)).toBe(state(a));
    expect(a.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
  });

  it('leaves no trace of the stopped kubelet on the Node object', async () => {
    const h = makeHarness(65);
    h.cluster.faults.nodeDown('node01');
    const yaml = await h.run('kubectl get node node01 -o yaml');
    expect(yaml.code).toBe(0);
    expect(yaml.out).not.toContain('kubelab');
    const describe = await h.run('kubectl describe node node01');
    expect(describe.out).not.toContain('kubelab');
    h.cluster.faults.nodeLost('node02');
    expect((await h.run('kubectl get node node02 -o yaml')).out).not.toContain('kubelab');
  });

  it('a down node stays down through snapshot and restore, and comes back up after', () => {
    const a = createCluster({ seed: 66 });
    a.faults.nodeDown('node03');
    const b = new Cluster({ seed: 66 });
    b.restore(a.snapshot());
    expect(b.faults.downNodes()).toEqual(['node03']);
    const renew = b.api.get('Lease', 'kube-node-lease', 'node03').spec.renewTime;
    b.advance(60_000);
    expect(b.api.get('Lease', 'kube-node-lease', 'node03').spec.renewTime).toBe(renew);
    const ready = b.api.get('Node', undefined, 'node03').status.conditions.find((c: { type: string }) => c.type === 'Ready');
    expect(ready.status).toBe('Unknown');
    b.faults.nodeUp('node03');
    expect(b.faults.downNodes()).toEqual([]);
    expect(Date.parse(b.api.get('Lease', 'kube-node-lease', 'node03').spec.renewTime)).toBe(b.clock.now());
    expect(b.failures).toEqual([]);
  });
});
