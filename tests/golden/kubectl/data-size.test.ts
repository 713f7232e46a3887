import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

const MiB = 1024 * 1024;

describe('ConfigMap and Secret data larger than 1 MiB', () => {
  test('kubectl create configmap and secret: at most 1048576 bytes of data', async () => {
    const h = makeHarness(5);
    h.files.set('ok.txt', 'a'.repeat(MiB));
    h.files.set('big.txt', 'a'.repeat(MiB + 1));
    // A multi-byte character counts as its UTF-8 bytes: 2 bytes each here.
    h.files.set('wide.txt', 'é'.repeat(MiB / 2 + 1));
    expect(await h.run('create configmap ok --from-file=ok.txt')).toEqual({ out: 'configmap/ok created\n', err: '', code: 0 });
    expect(await h.run('create configmap big --from-file=big.txt')).toEqual({
      out: '',
      err: 'error: failed to create configmap: ConfigMap "big" is invalid: []: Too long: must have at most 1048576 bytes\n',
      code: 1,
    });
    // create_configmap.go wraps every server error, not only this one.
    expect(await h.run('create configmap ok --from-file=ok.txt')).toEqual({
      out: '',
      err: 'error: failed to create configmap: configmaps "ok" already exists\n',
      code: 1,
    });
    expect((await h.run('create configmap wide --from-file=wide.txt')).err).toContain('ConfigMap "wide" is invalid: []: Too long: must have at most 1048576 bytes');
    expect(await h.run('create secret generic ok --from-file=ok.txt')).toEqual({ out: 'secret/ok created\n', err: '', code: 0 });
    expect(await h.run('create secret generic big --from-file=big.txt')).toEqual({
      out: '',
      err: 'error: failed to create secret: Secret "big" is invalid: data: Too long: must have at most 1048576 bytes\n',
      code: 1,
    });
  });

  test('kubectl apply, and an update that grows a ConfigMap past the limit', async () => {
    const h = makeHarness(6);
    const manifest = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: ${'x'.repeat(n)}\n  b: "y"\n`;
    h.files.set('x.yaml', manifest(MiB));
    expect(await h.run('create -f x.yaml')).toEqual({
      out: '',
      err: 'The ConfigMap "x" is invalid: []: Too long: must have at most 1048576 bytes\n',
      code: 1,
    });
    h.files.set('x.yaml', manifest(MiB - 1));
    expect(await h.run('create -f x.yaml')).toEqual({ out: 'configmap/x created\n', err: '', code: 0 });
    expect(await h.run(['patch', 'cm', 'x', '-p', '{"data":{"c":"z"}}'])).toEqual({
      out: '',
      err: 'The ConfigMap "x" is invalid: []: Too long: must have at most 1048576 bytes\n',
      code: 1,
    });
  });
});
