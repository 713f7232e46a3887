/**
 * Validation texts for storage objects, as `kubectl apply` prints them
 * (pkg/apis/core/validation ValidatePersistentVolumeSpec / ClaimSpec, storage/validation).
 */
import { describe, expect, test } from 'vitest';
import { makeHarness } from '../kubectl/harness.ts';

async function applyText(manifest: string): Promise<string> {
  const h = makeHarness();
  h.files.set('m.yaml', manifest);
  const r = await h.run('apply -f m.yaml');
  return r.err;
}

describe('storage validation through kubectl apply', () => {
  test('PersistentVolume without capacity, access modes or a volume type', async () => {
    expect(await applyText('apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: bare\nspec: {}\n')).toBe(
      'The PersistentVolume "bare" is invalid: \n' +
        '* spec.accessModes: Required value\n' +
        '* spec.capacity: Required value\n' +
        '* spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"\n' +
        '* spec: Required value: must specify a volume type\n',
    );
  });

  test('local PersistentVolume without node affinity; two volume types', async () => {
    expect(
      await applyText(
        'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: disk\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  local: {path: /mnt/disks/a}\n',
      ),
    ).toBe('The PersistentVolume "disk" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity\n');
    expect(
      await applyText(
        'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: both\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /a}\n  nfs: {server: nfs.local, path: /b}\n',
      ),
    ).toBe('The PersistentVolume "both" is invalid: spec.nfs: Forbidden: may not specify more than 1 volume type\n');
  });

  test('PersistentVolumeClaim without access modes or storage request; bad access mode', async () => {
    expect(await applyText('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec: {}\n')).toBe(
      'The PersistentVolumeClaim "c" is invalid: \n' +
        '* spec.accessModes: Required value: at least 1 access mode is required\n' +
        '* spec.resources[storage]: Required value\n',
    );
    expect(
      await applyText(
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteEverywhere]\n  resources: {requests: {storage: 1Gi}}\n',
      ),
    ).toBe(
      'The PersistentVolumeClaim "c" is invalid: spec.accessModes: Unsupported value: "ReadWriteEverywhere": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"\n',
    );
  });

  test('StorageClass with a bad binding mode', async () => {
    expect(
      await applyText('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: kubelab.dev/network\nvolumeBindingMode: Later\n'),
    ).toBe('The StorageClass "fast" is invalid: volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"\n');
  });
});
