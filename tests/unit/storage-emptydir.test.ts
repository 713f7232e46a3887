import { describe, expect, test } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../../src/sim/apiserver/types.ts';
import { emptyDirLimitExceeded, treeUsageBytes } from '../../src/sim/kubelet/volumes.ts';
import { Runtime } from '../../src/sim/runtime.ts';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'cache', namespace: 'default', uid: 'u1' },
  spec: {
    containers: [{ name: 'c', image: 'busybox' }],
    volumes: [
      { name: 'unbounded', emptyDir: {} },
      { name: 'small', emptyDir: { sizeLimit: '8Ki' } },
    ],
  },
} as unknown as Stored<K8s<Pod>>;

describe('emptyDir size limits', () => {
  test('usage counts whole 4 KiB blocks per file', () => {
    expect(treeUsageBytes({ '/a': 'x', '/b': 'y'.repeat(4097), '/dir/': '' })).toBe(4096 + 8192);
  });

  test('a volume over its sizeLimit is reported with the eviction message', () => {
    const runtime = new Runtime();
    runtime.state.volumes['emptydir/u1/unbounded'] = { location: {}, files: { '/big': 'z'.repeat(100_000) } };
    runtime.state.volumes['emptydir/u1/small'] = { location: {}, files: { '/one': 'a', '/two': 'b' } };
    expect(emptyDirLimitExceeded(pod, runtime)).toBeUndefined();
    runtime.state.volumes['emptydir/u1/small']!.files['/three'] = 'c';
    expect(emptyDirLimitExceeded(pod, runtime)).toEqual({ volume: 'small', message: 'Usage of EmptyDir volume "small" exceeds the limit "8Ki". ' });
  });
});
