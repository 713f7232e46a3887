import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';

describe('event TTL', () => {
  it('removes events an hour after their last update', () => {
    const c = createCluster({ seed: 111 });
    const cm = c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' } });
    c.events.normal(cm, 'Touched', 'first', { component: 'test' });
    c.advance(30 * 60_000);
    c.events.normal(cm, 'Touched', 'first', { component: 'test' });
    c.events.normal(cm, 'Other', 'second', { component: 'test' });
    c.advance(31 * 60_000);
    const reasons = () => c.api.list('Event', { namespace: 'default' }).filter((e) => e.involvedObject.uid === cm.metadata.uid).map((e) => `${e.reason}x${e.count}`);
    expect(reasons().sort()).toEqual(['Otherx1', 'Touchedx2']);
    c.advance(30 * 60_000);
    expect(reasons()).toEqual([]);
    // Boot events of the nodes are gone too.
    expect(c.api.list('Event', { namespace: 'default' }).filter((e) => e.involvedObject.kind === 'Node')).toEqual([]);
    expect(c.failures).toEqual([]);
  });
});
