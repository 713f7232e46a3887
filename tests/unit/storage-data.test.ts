import { describe, expect, test } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { K8s, KubeObject, Stored } from '../../src/sim/apiserver/types.ts';
import { containerFs } from '../../src/sim/images/container-fs.ts';
import { makeDirectory } from '../../src/sim/storage/volume-data.ts';
import { claim, expectHealthy, localPV, podPhase, podWithClaim, storageCluster, type StorageCluster } from './storage-fixtures.ts';

function fsOf(c: StorageCluster, name: string) {
  const pod = c.api.get<K8s<Pod>>('Pod', 'default', name) as Stored<K8s<Pod>>;
  return containerFs(c.api, c.runtime, pod, pod.spec!.containers[0]!, {});
}

function podWith(name: string, volumes: Record<string, unknown>[], mounts: Record<string, unknown>[], node?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web', tier: 'front' } },
    spec: {
      ...(node ? { nodeSelector: { 'kubernetes.io/hostname': node } } : {}),
      containers: [{ name: 'app', image: 'nginx', volumeMounts: mounts }],
      volumes,
    },
  };
}

function deletePod(c: StorageCluster, name: string): void {
  c.api.delete('Pod', 'default', name);
  c.advance(60_000);
  expect(c.api.tryGet('Pod', 'default', name)).toBeUndefined();
}

describe('volume data', () => {
  test('a network volume keeps its files for the next pod, on any node', () => {
    const c = storageCluster();
    c.api.create(claim('data'));
    c.api.create(podWithClaim('writer', 'data', 'node01'));
    c.advance(30_000);
    expect(fsOf(c, 'writer').write('/data/hello.txt', 'hello\n', false)).toBeUndefined();
    deletePod(c, 'writer');
    c.api.create(podWithClaim('reader', 'data', 'node03'));
    c.advance(30_000);
    expect(podPhase(c, 'reader')).toBe('Running');
    expect(fsOf(c, 'reader').read('/data/hello.txt')).toBe('hello\n');
    expectHealthy(c);
  });

  test('emptyDir dies with its pod; hostPath lives on its node', () => {
    const c = storageCluster();
    const volumes = [{ name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }, { name: 'host', hostPath: { path: '/srv/cache', type: 'DirectoryOrCreate' } }];
    const mounts = [{ name: 'scratch', mountPath: '/scratch' }, { name: 'host', mountPath: '/cache' }];
    c.api.create(podWith('one', volumes, mounts, 'node01'));
    c.advance(30_000);
    expect(podPhase(c, 'one')).toBe('Running');
    const fs = fsOf(c, 'one');
    fs.write('/scratch/tmp', 'x', false);
    fs.write('/cache/entry', 'cached', false);
    const uid = c.api.get('Pod', 'default', 'one').metadata.uid;
    expect(c.runtime.state.volumes[`emptydir/${uid}/scratch`]?.files).toEqual({ '/tmp': 'x' });
    expect(c.runtime.state.volumes['node/node01']?.files['/srv/cache/entry']).toBe('cached');
    deletePod(c, 'one');
    expect(c.runtime.state.volumes[`emptydir/${uid}/scratch`]).toBeUndefined();

    c.api.create(podWith('same-node', volumes, mounts, 'node01'));
    c.api.create(podWith('other-node', volumes, mounts, 'node02'));
    c.advance(30_000);
    expect(fsOf(c, 'same-node').read('/cache/entry')).toBe('cached');
    expect(fsOf(c, 'same-node').read('/scratch/tmp')).toBeUndefined();
    expect(fsOf(c, 'other-node').read('/cache/entry')).toBeUndefined();
    expectHealthy(c);
  });

  test('hostPath type checks', () => {
    const c = storageCluster();
    c.api.create(podWith('dir', [{ name: 'h', hostPath: { path: '/data/missing', type: 'Directory' } }], [{ name: 'h', mountPath: '/h' }], 'node01'));
    c.api.create(podWith('sock', [{ name: 'h', hostPath: { path: '/etc/hostname', type: 'Socket' } }], [{ name: 'h', mountPath: '/h' }], 'node01'));
    c.api.create(podWith('ok', [{ name: 'h', hostPath: { path: '/var/log', type: 'Directory' } }], [{ name: 'h', mountPath: '/h' }], 'node01'));
    c.advance(30_000);
    const failed = (pod: string) => c.api.list('Event').find((e) => e.involvedObject.name === pod && e.reason === 'FailedMount')?.message;
    expect(failed('dir')).toBe('MountVolume.SetUp failed for volume "h" : hostPath type check failed: /data/missing is not a directory');
    expect(failed('sock')).toBe('MountVolume.SetUp failed for volume "h" : hostPath type check failed: /etc/hostname is not a socket file');
    expect(podPhase(c, 'ok')).toBe('Running');
    expect(podPhase(c, 'dir')).toBe('ContainerCreating');
    expectHealthy(c);
  });

  test('a Retain local volume keeps its files across claim deletion and PV recreation; a disk fault wipes them', () => {
    const c = storageCluster();
    makeDirectory(c.runtime, { key: 'node/node02', base: '' }, '/mnt/disks/vol1');
    c.api.create(localPV('disk', 'node02'));
    c.api.create(claim('keep', { storageClassName: 'local' }));
    c.api.create(podWithClaim('first', 'keep'));
    c.advance(30_000);
    expect(c.api.get('Pod', 'default', 'first').spec.nodeName).toBe('node02');
    fsOf(c, 'first').write('/data/db', 'rows', false);
    deletePod(c, 'first');
    c.api.delete('PersistentVolumeClaim', 'default', 'keep');
    c.advance(5000);
    expect(c.api.get('PersistentVolume', undefined, 'disk').status.phase).toBe('Released');
    c.api.delete('PersistentVolume', undefined, 'disk');
    c.advance(5000);
    c.api.create(localPV('disk', 'node02'));
    c.api.create(claim('keep', { storageClassName: 'local' }));
    c.api.create(podWithClaim('second', 'keep'));
    c.advance(30_000);
    expect(fsOf(c, 'second').read('/data/db')).toBe('rows');
    c.faults.deleteVolumeData('disk');
    expect(fsOf(c, 'second').read('/data/db')).toBeUndefined();
    expectHealthy(c);
  });

  test('configMap, secret and downwardAPI volumes show their keys as files', () => {
    const c = storageCluster();
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { 'app.conf': 'port=80\n', mode: 'prod' } });
    c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'default' }, data: { password: 'czNjcjN0' } });
    const volumes = [
      { name: 'cfg', configMap: { name: 'settings' } },
      { name: 'one', configMap: { name: 'settings', items: [{ key: 'mode', path: 'conf/mode.txt' }] } },
      { name: 'sec', secret: { secretName: 'creds' } },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } },
    ];
    const mounts = [
      { name: 'cfg', mountPath: '/etc/cfg' },
      { name: 'one', mountPath: '/etc/one' },
      { name: 'sec', mountPath: '/etc/sec' },
      { name: 'info', mountPath: '/etc/info' },
    ];
    c.api.create(podWith('proj', volumes, mounts));
    c.advance(30_000);
    const fs = fsOf(c, 'proj');
    expect(fs.list('/etc/cfg')).toEqual(['app.conf', 'mode']);
    expect(fs.read('/etc/cfg/app.conf')).toBe('port=80\n');
    expect(fs.read('/etc/one/conf/mode.txt')).toBe('prod');
    expect(fs.read('/etc/sec/password')).toBe('s3cr3t');
    expect(fs.read('/etc/info/labels')).toBe('app="web"\ntier="front"');
    expect(fs.read('/etc/info/name')).toBe('proj');
    expect(fs.write('/etc/cfg/x', 'y', false)).toBe('Read-only file system');
    expect(fs.read('/var/run/secrets/kubernetes.io/serviceaccount/namespace')).toBe('default');
    expect(fs.read('/var/run/secrets/kubernetes.io/serviceaccount/token')?.split('.')).toHaveLength(3);
    expectHealthy(c);
  });

  test('mounts a service account token shaped like the API server signs it', () => {
    const c = storageCluster();
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    c.api.create(podWith('a', [], []));
    c.api.create({ ...podWith('b', [], []), metadata: { name: 'b', namespace: 'other' } });
    c.advance(30_000);
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    const tokenOf = (name: string, ns: string) => {
      const pod = c.api.get<K8s<Pod>>('Pod', ns, name) as Stored<K8s<Pod>>;
      return containerFs(c.api, c.runtime, pod, pod.spec!.containers[0]!, {}).read('/var/run/secrets/kubernetes.io/serviceaccount/token')!.split('.');
    };
    const [ha, ca, sa] = tokenOf('a', 'default');
    const [hb, cb] = tokenOf('b', 'other');
    // One signing key per cluster: the same 43-character key ID in every namespace.
    expect(decode(ha!)).toEqual({ alg: 'RS256', kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(decode(hb!).kid).toBe(decode(ha!).kid);
    // A 2048-bit RSA signature: 256 bytes, 342 base64url characters.
    expect(sa).toMatch(/^[A-Za-z0-9_-]{342}$/);
    const claims = decode(ca!);
    expect(claims.sub).toBe('system:serviceaccount:default:default');
    expect(claims.aud).toEqual(['https://kubernetes.default.svc.cluster.local']);
    expect(claims.exp - claims.iat).toBe(3607);
    expect(decode(cb!)['kubernetes.io'].namespace).toBe('other');
  });
});
