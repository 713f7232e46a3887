import { describe, expect, test } from 'vitest';
import { makeDirectory } from '../../src/sim/storage/volume-data.ts';
import type { StorageCluster } from './storage-fixtures.ts';
import { eventsFor, expectHealthy, localPV, podPhase, storageCluster } from './storage-fixtures.ts';

function statefulSet(storageClassName: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default' },
    spec: {
      replicas: 1,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: { containers: [{ name: 'db', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/var/lib/data' }] }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  };
}

/** Loses db-0's node, waits for the eviction to mark the pod, and force-deletes it as a learner would. */
function loseNodeAndForceDelete(c: StorageCluster): string {
  const lost = c.api.get('Pod', 'default', 'db-0').spec.nodeName as string;
  c.faults.nodeLost(lost);
  c.advance(6 * 60_000);
  expect(podPhase(c, 'db-0')).toBe('Terminating');
  const before = c.api.get('Pod', 'default', 'db-0').metadata.uid;
  c.api.delete('Pod', 'default', 'db-0', { gracePeriodSeconds: 0 });
  c.advance(5000);
  expect(c.api.get('Pod', 'default', 'db-0').metadata.uid).not.toBe(before);
  return lost;
}

describe('node loss and volumes', () => {
  test('network volume: the replacement attaches elsewhere after the 6 minute force detach', () => {
    const c = storageCluster(11);
    c.api.create(statefulSet('standard'));
    c.advance(60_000);
    expect(podPhase(c, 'db-0')).toBe('Running');
    const lost = loseNodeAndForceDelete(c);
    const pod = c.api.get('Pod', 'default', 'db-0');
    expect(pod.spec.nodeName).toBeDefined();
    expect(pod.spec.nodeName).not.toBe(lost);
    const pvName = c.api.get('PersistentVolumeClaim', 'default', 'data-db-0').spec.volumeName;
    expect(podPhase(c, 'db-0')).toBe('ContainerCreating');
    expect(eventsFor(c, 'db-0')).toContain(
      `Warning FailedAttachVolume Multi-Attach error for volume "${pvName}" Volume is already exclusively attached to one node and can't be attached to another`,
    );
    c.advance(5 * 60_000);
    expect(podPhase(c, 'db-0')).toBe('ContainerCreating');
    c.advance(90_000);
    expect(podPhase(c, 'db-0')).toBe('Running');
    expect(c.api.list('VolumeAttachment').map((va) => va.spec.nodeName)).toEqual([pod.spec.nodeName]);
    expectHealthy(c);
  });

  test('local volume whose path is missing on the node: NewMounter fails', () => {
    const c = storageCluster(11);
    c.api.create(localPV('local-node01', 'node01'));
    c.api.create(statefulSet('local'));
    c.advance(60_000);
    expect(podPhase(c, 'db-0')).toBe('ContainerCreating');
    expect(eventsFor(c, 'db-0')).toContain(
      'Warning FailedMount MountVolume.NewMounter initialization failed for volume "local-node01" : path "/mnt/disks/vol1" does not exist',
    );
    expectHealthy(c);
  });

  test('network volume: the out-of-service taint detaches at once', () => {
    const c = storageCluster(11);
    c.api.create(statefulSet('standard'));
    c.advance(60_000);
    const lost = loseNodeAndForceDelete(c);
    expect(podPhase(c, 'db-0')).toBe('ContainerCreating');
    c.api.mutate('Node', undefined, lost, (n) => {
      n.spec.taints = [...(n.spec.taints ?? []), { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }];
    });
    c.advance(30_000);
    expect(podPhase(c, 'db-0')).toBe('Running');
    expectHealthy(c);
  });

  test('local volume: the replacement stays Pending until claim and pod are deleted, then binds elsewhere', () => {
    const c = storageCluster(11);
    c.api.create(localPV('local-node01', 'node01'));
    c.api.create(localPV('local-node02', 'node02'));
    // The administrator prepared the disks' mount points on both nodes.
    for (const node of ['node01', 'node02']) makeDirectory(c.runtime, { key: `node/${node}`, base: '' }, '/mnt/disks/vol1');
    c.api.create(statefulSet('local'));
    c.advance(60_000);
    expect(podPhase(c, 'db-0')).toBe('Running');
    const first = c.api.get('PersistentVolumeClaim', 'default', 'data-db-0').spec.volumeName;
    const lost = loseNodeAndForceDelete(c);
    expect(first).toBe(`local-${lost}`);
    c.advance(60_000);
    const pending = c.api.get('Pod', 'default', 'db-0');
    expect(pending.spec.nodeName).toBeUndefined();
    const scheduling = eventsFor(c, 'db-0').filter((e) => e.includes('FailedScheduling'));
    expect(scheduling.at(-1)).toContain('node(s) had volume node affinity conflict');

    c.api.delete('PersistentVolumeClaim', 'default', 'data-db-0');
    c.api.delete('Pod', 'default', 'db-0');
    c.advance(60_000);
    expect(podPhase(c, 'db-0')).toBe('Running');
    const second = c.api.get('PersistentVolumeClaim', 'default', 'data-db-0');
    expect(second.spec.volumeName).not.toBe(first);
    expect(c.api.get('Pod', 'default', 'db-0').spec.nodeName).not.toBe(lost);
    expect(c.api.get('PersistentVolume', undefined, first).status.phase).toBe('Released');
    expectHealthy(c);
  });
});
