import { describe, expect, test } from 'vitest';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER } from '../../src/sim/storage/constants.ts';
import { claim, eventsFor, expectHealthy, hostPathPV, phaseOf, storageCluster } from './storage-fixtures.ts';

describe('PersistentVolume binder', () => {
  test('binds a claim to the smallest volume that fits', () => {
    const c = storageCluster();
    c.api.create(hostPathPV('pv-5g', '5Gi'));
    c.api.create(hostPathPV('pv-1g', '1Gi'));
    c.api.create(hostPathPV('pv-500m', '500Mi'));
    c.api.create(hostPathPV('pv-rwx', '1Gi', { accessModes: ['ReadWriteMany'] }));
    c.api.create(claim('data', { storageClassName: '', resources: { requests: { storage: '600Mi' } } }));
    c.advance(1000);
    const pvc = c.api.get('PersistentVolumeClaim', 'default', 'data');
    expect(pvc.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } });
    expect(pvc.spec.volumeName).toBe('pv-1g');
    expect(pvc.metadata.annotations).toEqual({ [ANN_BIND_COMPLETED]: 'yes', [ANN_BOUND_BY_CONTROLLER]: 'yes' });
    const pv = c.api.get('PersistentVolume', undefined, 'pv-1g');
    expect(pv.status.phase).toBe('Bound');
    expect(pv.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: pvc.metadata.uid });
    expect(pv.metadata.annotations).toEqual({ [ANN_BOUND_BY_CONTROLLER]: 'yes' });
    for (const other of ['pv-5g', 'pv-500m', 'pv-rwx']) expect(phaseOf(c, 'PersistentVolume', other)).toBe('Available');
    expectHealthy(c);
  });

  test('pre-provisioned volume with storageClassName "" and volumeName; Released; claimRef removed makes it Available again', () => {
    const c = storageCluster();
    c.api.create(hostPathPV('task-pv', '2Gi'));
    c.api.create(hostPathPV('other-pv', '1Gi'));
    c.api.create(claim('task-pvc', { storageClassName: '', volumeName: 'task-pv' }));
    c.advance(1000);
    expect(c.api.get('PersistentVolumeClaim', 'default', 'task-pvc').spec.volumeName).toBe('task-pv');
    expect(c.api.get('PersistentVolumeClaim', 'default', 'task-pvc').metadata.annotations).toEqual({ [ANN_BIND_COMPLETED]: 'yes' });
    expect(phaseOf(c, 'PersistentVolume', 'task-pv')).toBe('Bound');

    c.api.delete('PersistentVolumeClaim', 'default', 'task-pvc');
    c.advance(1000);
    expect(c.api.tryGet('PersistentVolumeClaim', 'default', 'task-pvc')).toBeUndefined();
    const released = c.api.get('PersistentVolume', undefined, 'task-pv');
    expect(released.status.phase).toBe('Released');
    expect(released.spec.claimRef.name).toBe('task-pvc');

    // A new claim of the same name does not get the released volume.
    c.api.create(claim('task-pvc', { storageClassName: '', resources: { requests: { storage: '2Gi' } } }));
    c.advance(20_000);
    expect(phaseOf(c, 'PersistentVolumeClaim', 'task-pvc')).toBe('Pending');
    expect(eventsFor(c, 'task-pvc', 'PersistentVolumeClaim').at(-1)).toBe(
      'Normal FailedBinding no persistent volumes available for this claim and no storage class is set',
    );
    expect(c.explanations.list({ kind: 'PersistentVolumeClaim', name: 'task-pvc' }).at(-1)?.message).toBe(
      'no volume fits and, without a class, none will be provisioned: other-pv: too small (1Gi < 2Gi); task-pv: claimed by default/task-pvc (Released: remove its claimRef to reuse it)',
    );
    const failedBinding = c.api.list('Event').find((e) => e.involvedObject.name === 'task-pvc' && e.reason === 'FailedBinding');
    expect(failedBinding?.count).toBeGreaterThan(1);

    // The administrator removes the claimRef: Available at once, bound at the next resync.
    c.api.mutate('PersistentVolume', undefined, 'task-pv', (v) => {
      delete v.spec.claimRef;
    });
    c.settle();
    expect(phaseOf(c, 'PersistentVolume', 'task-pv')).toBe('Available');
    c.advance(15_000);
    expect(phaseOf(c, 'PersistentVolume', 'task-pv')).toBe('Bound');
    expect(phaseOf(c, 'PersistentVolumeClaim', 'task-pvc')).toBe('Bound');
    expectHealthy(c);
  });

  test('volumeName naming a volume that does not fit: VolumeMismatch', () => {
    const c = storageCluster();
    c.api.create(hostPathPV('tiny', '100Mi'));
    c.api.create(claim('big', { storageClassName: '', volumeName: 'tiny' }));
    c.advance(1000);
    expect(phaseOf(c, 'PersistentVolumeClaim', 'big')).toBe('Pending');
    expect(eventsFor(c, 'big')).toEqual(['Warning VolumeMismatch Cannot bind to requested volume "tiny": requested PV is too small']);
    expectHealthy(c);
  });

  test('a volume pre-bound by claimRef waits for its claim and is not given to others', () => {
    const c = storageCluster();
    c.api.create(hostPathPV('reserved', '1Gi', { claimRef: { namespace: 'default', name: 'mine' } }));
    c.api.create(claim('theirs', { storageClassName: '' }));
    c.advance(1000);
    expect(phaseOf(c, 'PersistentVolume', 'reserved')).toBe('Available');
    expect(phaseOf(c, 'PersistentVolumeClaim', 'theirs')).toBe('Pending');
    c.api.create(claim('mine', { storageClassName: '' }));
    c.advance(1000);
    expect(phaseOf(c, 'PersistentVolumeClaim', 'mine')).toBe('Bound');
    expect(c.api.get('PersistentVolume', undefined, 'reserved').metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]).toBeUndefined();
    expectHealthy(c);
  });

  test('dynamic provisioning from the default class, then Delete removes volume and data', () => {
    const c = storageCluster();
    const pvc = c.api.create(claim('web-data'));
    expect(pvc.spec.storageClassName).toBe('standard');
    expect(pvc.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    c.advance(5000);
    const pvName = `pvc-${pvc.metadata.uid}`;
    const pv = c.api.get('PersistentVolume', undefined, pvName);
    expect(pv.spec).toMatchObject({
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      csi: { driver: 'kubelab.dev/network', volumeHandle: pvName, fsType: 'ext4' },
      capacity: { storage: '1Gi' },
    });
    expect(pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('kubelab.dev/network');
    expect(phaseOf(c, 'PersistentVolumeClaim', 'web-data')).toBe('Bound');
    const events = eventsFor(c, 'web-data').map((e) => e.split(' ').slice(0, 2).join(' '));
    expect(events).toEqual(['Normal ExternalProvisioning', 'Normal Provisioning', 'Normal ProvisioningSucceeded']);
    expect(eventsFor(c, 'web-data')[2]).toBe(`Normal ProvisioningSucceeded Successfully provisioned volume ${pvName}`);

    c.runtime.state.volumes[`csi/kubelab.dev/network/${pvName}`] = { location: {}, files: { '/index.html': 'hi' } };
    c.api.delete('PersistentVolumeClaim', 'default', 'web-data');
    c.advance(5000);
    expect(c.api.tryGet('PersistentVolume', undefined, pvName)).toBeUndefined();
    expect(c.runtime.state.volumes[`csi/kubelab.dev/network/${pvName}`]).toBeUndefined();
    expectHealthy(c);
  });

  test('Retain keeps a provisioned volume and its data after the claim goes', () => {
    const c = storageCluster();
    c.api.create({ ...structuredClone(c.api.get('StorageClass', undefined, 'standard')), metadata: { name: 'keep' }, reclaimPolicy: 'Retain' });
    const pvc = c.api.create(claim('db', { storageClassName: 'keep' }));
    c.advance(5000);
    const pvName = `pvc-${pvc.metadata.uid}`;
    c.runtime.state.volumes[`csi/kubelab.dev/network/${pvName}`] = { location: {}, files: { '/db': 'rows' } };
    c.api.delete('PersistentVolumeClaim', 'default', 'db');
    c.advance(5000);
    expect(phaseOf(c, 'PersistentVolume', pvName)).toBe('Released');
    expect(c.runtime.state.volumes[`csi/kubelab.dev/network/${pvName}`]?.files).toEqual({ '/db': 'rows' });
    expectHealthy(c);
  });

  test('classes that cannot provision say why', () => {
    const c = storageCluster();
    c.api.create(claim('nope', { storageClassName: 'fast' }));
    c.api.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'manual' }, provisioner: 'kubernetes.io/no-provisioner' });
    c.api.create(claim('manual', { storageClassName: 'manual' }));
    c.advance(1000);
    expect(eventsFor(c, 'nope')).toEqual(['Warning ProvisioningFailed storageclass.storage.k8s.io "fast" not found']);
    expect(eventsFor(c, 'manual')).toEqual(['Warning ProvisioningFailed no volume plugin matched name: kubernetes.io/no-provisioner']);
    expectHealthy(c);
  });

  test('WaitForFirstConsumer claims wait for a pod', () => {
    const c = storageCluster();
    c.api.create(claim('later', { storageClassName: 'local-path' }));
    c.advance(31_000);
    expect(phaseOf(c, 'PersistentVolumeClaim', 'later')).toBe('Pending');
    const ev = c.api.list('Event').find((e) => e.involvedObject.name === 'later');
    expect(ev).toMatchObject({ reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 3 });
    expectHealthy(c);
  });

  test('a pod pinned with nodeName bypasses the scheduler, so its WaitForFirstConsumer claim stays Pending', () => {
    const c = storageCluster();
    c.api.create(claim('pinned', { storageClassName: 'local-path' }));
    c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'direct', namespace: 'default' },
      spec: {
        nodeName: 'node01',
        containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pinned' } }],
      },
    });
    c.advance(60_000);
    expect(phaseOf(c, 'PersistentVolumeClaim', 'pinned')).toBe('Pending');
    expect(c.api.get('Pod', 'default', 'direct').status.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(c.explanations.list({ kind: 'PersistentVolumeClaim', name: 'pinned' }).at(-1)?.message).toBe(
      'class is WaitForFirstConsumer but pod(s) direct set spec.nodeName, bypassing the scheduler that would pick the node; use a nodeSelector on kubernetes.io/hostname instead',
    );
    expectHealthy(c);
  });

  test('a deleted PV stays Terminating while bound; a deleted claim goes once unused', () => {
    const c = storageCluster();
    c.api.create(hostPathPV('held', '1Gi', { persistentVolumeReclaimPolicy: 'Retain' }));
    c.api.create(claim('holder', { storageClassName: '' }));
    c.advance(1000);
    c.api.delete('PersistentVolume', undefined, 'held');
    c.advance(1000);
    const pv = c.api.get('PersistentVolume', undefined, 'held');
    expect(pv.metadata.deletionTimestamp).toBeDefined();
    expect(pv.status.phase).toBe('Bound');
    c.api.delete('PersistentVolumeClaim', 'default', 'holder');
    c.advance(1000);
    expect(c.api.tryGet('PersistentVolumeClaim', 'default', 'holder')).toBeUndefined();
    expect(c.api.tryGet('PersistentVolume', undefined, 'held')).toBeUndefined();
    expectHealthy(c);
  });
});
