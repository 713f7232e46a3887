import { describe, expect, test } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';
import { claim, podWithClaim, storageCluster, type StorageCluster } from './storage-fixtures.ts';

/** The storage-relevant state: phases, bindings, attachments, files and pending operations. */
function storageState(c: StorageCluster | ReturnType<typeof createCluster>) {
  const pick = (kind: string) =>
    c.api.list(kind).map((o) => ({ name: o.metadata.name, spec: o.spec, status: o.status, annotations: o.metadata.annotations, finalizers: o.metadata.finalizers }));
  return {
    now: c.clock.now(),
    pv: pick('PersistentVolume'),
    pvc: pick('PersistentVolumeClaim'),
    va: pick('VolumeAttachment'),
    pods: c.api.list('Pod', { namespace: 'default' }).map((p) => [p.metadata.name, p.spec.nodeName, p.status?.phase]),
    volumes: c.runtime.state.volumes,
    ops: c.runtime.state.storage,
  };
}

describe('storage across snapshot and restore', () => {
  test('provisioning, attaching and a pending force detach resume where they were', () => {
    const c = storageCluster(5);
    c.api.create(claim('data'));
    c.api.create(podWithClaim('app', 'data', 'node01'));
    c.advance(500);
    expect(Object.keys(c.runtime.state.storage?.provisioning ?? {})).toHaveLength(1);

    const mid = c.snapshot();
    const copy = createCluster({ seed: 5 });
    copy.restore(mid);
    for (const cluster of [c, copy]) cluster.advance(60_000);
    expect(storageState(copy)).toEqual(storageState(c));
    expect(c.api.get('Pod', 'default', 'app').status.phase).toBe('Running');

    // Lose the node, force-delete the pod, and snapshot while the detach waits for its timeout.
    for (const cluster of [c, copy]) {
      cluster.faults.nodeLost('node01');
      cluster.advance(6 * 60_000);
      cluster.api.delete('Pod', 'default', 'app', { gracePeriodSeconds: 0 });
      cluster.api.create(podWithClaim('app', 'data', 'node02'));
      cluster.advance(60_000);
    }
    expect(Object.keys(c.runtime.state.storage?.detachRequested ?? {})).toHaveLength(1);
    const waiting = c.snapshot();
    const again = createCluster({ seed: 5 });
    again.restore(waiting);
    for (const cluster of [c, again]) cluster.advance(6 * 60_000);
    expect(storageState(again)).toEqual(storageState(c));
    expect(c.api.get('Pod', 'default', 'app').status.phase).toBe('Running');
    expect(c.api.list('VolumeAttachment').map((va) => va.spec.nodeName)).toEqual(['node02']);
    expect([c.failures, copy.failures, again.failures]).toEqual([[], [], []]);
  });
});
