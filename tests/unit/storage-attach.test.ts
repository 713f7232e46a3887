import { describe, expect, test } from 'vitest';
import { claim, eventsFor, expectHealthy, podPhase, podWithClaim, storageCluster } from './storage-fixtures.ts';

describe('attach/detach and access modes', () => {
  test('RWO volume: a second pod on another node is refused with Multi-Attach; same node shares', () => {
    const c = storageCluster();
    c.api.create(claim('shared'));
    c.api.create(podWithClaim('first', 'shared', 'node01'));
    c.advance(30_000);
    expect(podPhase(c, 'first')).toBe('Running');
    const pvName = c.api.get('PersistentVolumeClaim', 'default', 'shared').spec.volumeName;
    expect(eventsFor(c, 'first')).toContain(`Normal SuccessfulAttachVolume AttachVolume.Attach succeeded for volume "${pvName}" `);
    const node01 = c.api.get('Node', undefined, 'node01');
    expect(node01.status.volumesAttached).toEqual([{ name: `kubernetes.io/csi/kubelab.dev/network^${pvName}`, devicePath: '' }]);
    expect(node01.status.volumesInUse).toEqual([`kubernetes.io/csi/kubelab.dev/network^${pvName}`]);

    c.api.create(podWithClaim('elsewhere', 'shared', 'node02'));
    c.api.create(podWithClaim('beside', 'shared', 'node01'));
    c.advance(60_000);
    expect(podPhase(c, 'beside')).toBe('Running');
    expect(podPhase(c, 'elsewhere')).toBe('ContainerCreating');
    expect(eventsFor(c, 'elsewhere')).toContain(
      `Warning FailedAttachVolume Multi-Attach error for volume "${pvName}" Volume is already used by pod(s) first, beside`,
    );
    const vas = c.api.list('VolumeAttachment');
    expect(vas.map((va) => [va.spec.nodeName, va.status.attached])).toEqual([['node01', true]]);
    expect(vas[0]!.metadata.name).toMatch(/^csi-[0-9a-f]{64}$/);

    // Once both pods on node01 are gone the volume moves to node02.
    c.api.delete('Pod', 'default', 'first');
    c.api.delete('Pod', 'default', 'beside');
    c.advance(60_000);
    expect(podPhase(c, 'elsewhere')).toBe('Running');
    expect(c.api.list('VolumeAttachment').map((va) => va.spec.nodeName)).toEqual(['node02']);
    expect(c.api.get('Node', undefined, 'node01').status.volumesAttached).toBeUndefined();
    expectHealthy(c);
  });

  test('RWX volumes attach to several nodes', () => {
    const c = storageCluster();
    c.api.create(claim('files', { accessModes: ['ReadWriteMany'] }));
    c.api.create(podWithClaim('a', 'files', 'node01'));
    c.api.create(podWithClaim('b', 'files', 'node02'));
    c.advance(30_000);
    expect([podPhase(c, 'a'), podPhase(c, 'b')]).toEqual(['Running', 'Running']);
    expect(c.api.list('VolumeAttachment').map((va) => va.spec.nodeName).sort()).toEqual(['node01', 'node02']);
    expectHealthy(c);
  });

  test('a pod whose claim is unbound is not scheduled; a missing claim is named', () => {
    const c = storageCluster();
    c.api.create(claim('manual', { storageClassName: '' }));
    c.api.create(podWithClaim('waits', 'manual'));
    c.api.create(podWithClaim('orphan', 'missing'));
    c.advance(5000);
    expect(eventsFor(c, 'waits')).toContain(
      'Warning FailedScheduling 0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    expect(eventsFor(c, 'orphan')).toContain(
      'Warning FailedScheduling 0/4 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    expectHealthy(c);
  });

  test('ReadWriteOncePod: a second pod is not scheduled', () => {
    const c = storageCluster();
    c.api.create(claim('solo', { accessModes: ['ReadWriteOncePod'] }));
    c.api.create(podWithClaim('one', 'solo', 'node01'));
    c.advance(30_000);
    c.api.create(podWithClaim('two', 'solo', 'node01'));
    c.advance(5000);
    expect(podPhase(c, 'one')).toBe('Running');
    expect(c.api.get('Pod', 'default', 'two').spec.nodeName).toBeUndefined();
    expect(eventsFor(c, 'two')).toContain(
      'Warning FailedScheduling 0/4 nodes are available: node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    expectHealthy(c);
  });

  test('a claim in use stays Terminating until its pod is gone', () => {
    const c = storageCluster();
    c.api.create(claim('busy'));
    c.api.create(podWithClaim('user', 'busy'));
    c.advance(30_000);
    c.api.delete('PersistentVolumeClaim', 'default', 'busy');
    c.advance(10_000);
    expect(c.api.get('PersistentVolumeClaim', 'default', 'busy').metadata.deletionTimestamp).toBeDefined();
    c.api.delete('Pod', 'default', 'user');
    c.advance(60_000);
    expect(c.api.tryGet('PersistentVolumeClaim', 'default', 'busy')).toBeUndefined();
    expect(c.api.list('PersistentVolume')).toEqual([]);
    expectHealthy(c);
  });
});
