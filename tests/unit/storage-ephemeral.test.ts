import { describe, expect, test } from 'vitest';
import { expectHealthy, podPhase, storageCluster } from './storage-fixtures.ts';

describe('generic ephemeral volumes', () => {
  test('a claim is made for the pod, provisioned, attached, and deleted with the pod', () => {
    const c = storageCluster();
    c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'scratch', namespace: 'default' },
      spec: {
        containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'work', mountPath: '/work' }] }],
        volumes: [
          {
            name: 'work',
            ephemeral: {
              volumeClaimTemplate: {
                metadata: { labels: { type: 'scratch' } },
                spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
              },
            },
          },
        ],
      },
    });
    c.advance(30_000);
    const pod = c.api.get('Pod', 'default', 'scratch');
    const claim = c.api.get('PersistentVolumeClaim', 'default', 'scratch-work');
    expect(claim.metadata.labels).toEqual({ type: 'scratch' });
    expect(claim.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Pod', name: 'scratch', uid: pod.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(claim.status.phase).toBe('Bound');
    expect(podPhase(c, 'scratch')).toBe('Running');
    expect(c.api.list('VolumeAttachment').map((va) => va.spec.nodeName)).toEqual([pod.spec.nodeName]);

    c.api.delete('Pod', 'default', 'scratch');
    c.advance(60_000);
    expect(c.api.tryGet('PersistentVolumeClaim', 'default', 'scratch-work')).toBeUndefined();
    expect(c.api.list('PersistentVolume')).toEqual([]);
    expectHealthy(c);
  });
});
