import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../../src/sim/cluster.ts';
import { slowStartBatch } from '../../src/sim/controllers/slow-start.ts';

function rs(replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'big', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'big' } },
      template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
}

describe('slow-start batches', () => {
  it('calls in batches of 1, 2, 4, ... and stops after the batch with the first failure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }), (count, failAt) => {
        let calls = 0;
        const result = slowStartBatch(count, 1, () => {
          const i = calls++;
          if (failAt !== undefined && i >= failAt) throw new Error(`call ${i}`);
        });
        // The batch boundaries: 1, 3, 7, 15, ... capped at count.
        const ends: number[] = [];
        for (let size = Math.min(1, count), end = 0; size > 0; size = Math.min(2 * size, count - end)) ends.push((end += size));
        if (failAt === undefined || failAt >= count) {
          expect(result).toEqual({ done: count });
          expect(calls).toBe(count);
        } else {
          const stop = ends.find((e) => e > failAt)!;
          expect(calls).toBe(stop);
          expect(result.done).toBe(failAt);
          expect((result.error as Error).message).toBe(`call ${failAt}`);
        }
      }),
    );
  });

  it('a ReplicaSet scaled far up creates a burst of 500 pods a sync, one burst a second, not all at once', () => {
    const c = createCluster({ seed: 3 });
    c.api.create(rs(1));
    c.settle();
    const count = () => c.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === 'big').length;
    expect(count()).toBe(1);
    c.api.mutate('ReplicaSet', 'default', 'big', (r) => void (r.spec.replicas = 1201));
    c.settle();
    expect(count()).toBe(501);
    c.advance(500);
    expect(count()).toBe(501);
    c.advance(500);
    expect(count()).toBe(1001);
    c.advance(1000);
    expect(count()).toBe(1201);
    c.advance(5000);
    expect(count()).toBe(1201);
    const created = c.api.list('Event', { namespace: 'default' }).filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.name === 'big');
    expect(created.length).toBeGreaterThan(0);
    expect(c.failures).toEqual([]);
  });

  it('scaling far down deletes a burst of 500 pods a sync', () => {
    const c = createCluster({ seed: 4 });
    c.api.create(rs(700));
    c.advance(3000);
    const live = () => c.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === 'big' && !p.metadata.deletionTimestamp).length;
    expect(live()).toBe(700);
    c.api.mutate('ReplicaSet', 'default', 'big', (r) => void (r.spec.replicas = 0));
    c.settle();
    expect(live()).toBe(200);
    c.advance(1000);
    expect(live()).toBe(0);
    expect(c.failures).toEqual([]);
  });
});
