import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';

function workload(c: Cluster) {
  const specs: Record<string, unknown>[] = [
    { containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 } } }] },
    { containers: [{ name: 'tick', image: 'busybox', command: ['sh', '-c', 'while true; do date; sleep 3; done'] }] },
    { containers: [{ name: 'crash', image: 'alpine', command: ['sh', '-c', 'sleep 2; exit 1'] }] },
    { containers: [{ name: 'typo', image: 'ngnix' }] },
    { containers: [{ name: 'big', image: 'nginx', resources: { requests: { cpu: '8' } } }] },
  ];
  specs.forEach((spec, i) => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' }, spec }));
}

/**
 * What the scheduler and kubelet decide: pod statuses, events by content, the runtime. Resource
 * versions and event names are left out: they also count writes of other controllers.
 */
function state(c: Cluster) {
  const pods = c.api.list('Pod', { namespace: 'default' }).map((p) => ({ name: p.metadata.name, node: p.spec.nodeName, status: p.status }));
  const events = c.api
    .list('Event', { namespace: 'default' })
    .map((e) => `${e.involvedObject.name} ${e.reason} x${e.count} ${e.lastTimestamp} ${e.message}`)
    .sort();
  return { pods, events, runtime: c.runtime.snapshot(), now: c.clock.now() };
}

describe('kubelet and scheduler across snapshot/restore', () => {
  it('a restored cluster continues exactly as the original', () => {
    const a = createCluster({ seed: 21 });
    workload(a);
    a.advance(1_700);
    const snap = a.snapshot();
    const b = createCluster({ seed: 21 });
    b.restore(structuredClone(snap));
    for (const step of [900, 4_000, 30_000, 90_000]) {
      a.advance(step);
      b.advance(step);
      expect(state(b)).toEqual(state(a));
    }
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
  });
});
