import { describe, expect, test } from 'vitest';
import { isApiError } from '../../src/sim/apiserver/errors.ts';
import { claim, eventsFor, expectHealthy, hostPathPV, podWithClaim, storageCluster } from './storage-fixtures.ts';

function grow(c: ReturnType<typeof storageCluster>, name: string, size: string): unknown {
  try {
    c.api.mutate('PersistentVolumeClaim', 'default', name, (p) => {
      p.spec.resources = { requests: { storage: size } };
    });
    return undefined;
  } catch (e) {
    return isApiError(e) ? e.message : e;
  }
}

describe('volume expansion', () => {
  test('a mounted claim grows: resizer, then the kubelet grows the file system', () => {
    const c = storageCluster();
    c.api.create(claim('data'));
    c.api.create(podWithClaim('app', 'data'));
    c.advance(30_000);
    const pvName = c.api.get('PersistentVolumeClaim', 'default', 'data').spec.volumeName;
    expect(grow(c, 'data', '2Gi')).toBeUndefined();
    c.settle();
    expect(c.api.get('PersistentVolumeClaim', 'default', 'data').status).toMatchObject({
      capacity: { storage: '1Gi' },
      allocatedResources: { storage: '2Gi' },
      allocatedResourceStatuses: { storage: 'ControllerResizeInProgress' },
    });
    c.advance(5000);
    const pvc = c.api.get('PersistentVolumeClaim', 'default', 'data');
    expect(pvc.status.capacity).toEqual({ storage: '2Gi' });
    expect(pvc.status.conditions).toBeUndefined();
    expect(c.api.get('PersistentVolume', undefined, pvName).spec.capacity).toEqual({ storage: '2Gi' });
    expect(eventsFor(c, 'data').slice(-2)).toEqual([
      `Normal Resizing External resizer is resizing volume ${pvName}`,
      'Normal FileSystemResizeRequired Require file system resize of volume on node',
    ]);
    expect(eventsFor(c, 'app').at(-1)).toMatch(new RegExp(`^Normal FileSystemResizeSuccessful MountVolume.NodeExpandVolume succeeded for volume "${pvName}" node0\\d$`));
    expectHealthy(c);
  });

  test('an unused claim waits with FileSystemResizePending until a pod mounts it', () => {
    const c = storageCluster();
    c.api.create(claim('idle'));
    c.advance(5000);
    grow(c, 'idle', '3Gi');
    c.advance(5000);
    const pvc = c.api.get('PersistentVolumeClaim', 'default', 'idle');
    expect(pvc.status.capacity).toEqual({ storage: '1Gi' });
    expect(pvc.status.conditions).toMatchObject([
      { type: 'FileSystemResizePending', status: 'True', message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' },
    ]);
    c.api.create(podWithClaim('starter', 'idle'));
    c.advance(30_000);
    expect(c.api.get('PersistentVolumeClaim', 'default', 'idle').status.capacity).toEqual({ storage: '3Gi' });
    expectHealthy(c);
  });

  test('classes without allowVolumeExpansion, unbound claims and shrinking are refused', () => {
    const c = storageCluster();
    c.api.create(hostPathPV('manual', '1Gi'));
    c.api.create(claim('static', { storageClassName: '' }));
    c.api.create(claim('pending', { storageClassName: '', resources: { requests: { storage: '50Gi' } } }));
    c.api.create(claim('dynamic'));
    c.advance(5000);
    expect(grow(c, 'static', '2Gi')).toBe(
      'persistentvolumeclaims "static" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    expect(grow(c, 'pending', '60Gi')).toBe(
      'PersistentVolumeClaim "pending" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
    expect(grow(c, 'dynamic', '500Mi')).toBe(
      'PersistentVolumeClaim "dynamic" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );
    expectHealthy(c);
  });
});
