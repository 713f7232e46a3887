import { describe, expect, test } from 'vitest';
import { applyJsonPatch, JsonPatchError } from '../../src/kubectl/patch/json-patch.ts';
import { jsonMergePatch } from '../../src/kubectl/patch/json-merge.ts';
import { strategicMergePatch, threeWayMerge, threeWayPatch } from '../../src/kubectl/patch/strategic.ts';

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: {
    containers: [
      { name: 'app', image: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 443 }], env: [{ name: 'A', value: '1' }] },
      { name: 'side', image: 'busybox', command: ['sleep', '1'] },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
});

describe('strategic merge patch', () => {
  test('containers merge by name; new ones are appended', () => {
    const out = strategicMergePatch(pod(), { spec: { containers: [{ name: 'side', image: 'alpine' }, { name: 'new', image: 'redis' }] } }, 'Pod') as ReturnType<typeof pod>;
    expect(out.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(['app=nginx', 'side=alpine', 'new=redis']);
    expect(out.spec.containers[1]!.command).toEqual(['sleep', '1']);
  });

  test('nested lists merge by their own keys (ports by containerPort, env by name)', () => {
    const out = strategicMergePatch(
      pod(),
      { spec: { containers: [{ name: 'app', ports: [{ containerPort: 443, name: 'https' }], env: [{ name: 'B', value: '2' }] }] } },
      'Pod',
    ) as ReturnType<typeof pod>;
    expect(out.spec.containers[0]!.ports).toEqual([{ containerPort: 80 }, { containerPort: 443, name: 'https' }]);
    expect(out.spec.containers[0]!.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
  });

  test('lists without a merge key are replaced; primitive lists too', () => {
    const out = strategicMergePatch(pod(), { spec: { tolerations: [{ key: 'z', operator: 'Exists' }], containers: [{ name: 'side', command: ['true'] }] } }, 'Pod') as ReturnType<typeof pod>;
    expect(out.spec.tolerations).toEqual([{ key: 'z', operator: 'Exists' }]);
    expect(out.spec.containers[1]!.command).toEqual(['true']);
  });

  test('null deletes, $patch: delete removes an element, $patch: replace replaces', () => {
    const del = strategicMergePatch(pod(), { metadata: { labels: { a: null } }, spec: { volumes: [{ name: 'data', $patch: 'delete' }] } }, 'Pod') as ReturnType<typeof pod>;
    expect(del.metadata.labels).toEqual({ b: '2' });
    expect(del.spec.volumes).toEqual([]);
    const rep = strategicMergePatch(pod(), { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } }, 'Pod') as ReturnType<typeof pod>;
    expect(rep.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
    const repMap = strategicMergePatch(pod(), { metadata: { labels: { $patch: 'replace', c: '3' } } }, 'Pod') as ReturnType<typeof pod>;
    expect(repMap.metadata.labels).toEqual({ c: '3' });
  });

  test('finalizers merge as a set; $deleteFromPrimitiveList removes', () => {
    const add = strategicMergePatch(pod(), { metadata: { finalizers: ['y', 'x'] } }, 'Pod') as ReturnType<typeof pod>;
    expect(add.metadata.finalizers).toEqual(['x', 'y']);
    const rm = strategicMergePatch(add, { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] } }, 'Pod') as ReturnType<typeof pod>;
    expect(rm.metadata.finalizers).toEqual(['y']);
  });

  test('the original is not modified', () => {
    const original = pod();
    const copy = structuredClone(original);
    strategicMergePatch(original, { spec: { containers: [{ name: 'app', image: 'changed' }] } }, 'Pod');
    expect(original).toEqual(copy);
  });

  test('map-valued fields (labels) are never treated as structs', () => {
    const out = strategicMergePatch(pod(), { metadata: { labels: { containers: 'x' } } }, 'Pod') as ReturnType<typeof pod>;
    expect(out.metadata.labels).toEqual({ a: '1', b: '2', containers: 'x' });
  });
});

describe('three-way merge (kubectl apply)', () => {
  test('removes what was applied before and is gone now, keeps what others set', () => {
    const last = { metadata: { labels: { a: '1', b: '2' } }, data: { x: '1', y: '2' } };
    const live = { metadata: { labels: { a: '1', b: '2', other: 'kept' }, uid: 'u' }, data: { x: '1', y: '2' } };
    const desired = { metadata: { labels: { a: '1' } }, data: { x: '9' } };
    expect(threeWayMerge(live, last, desired, 'ConfigMap')).toEqual({ metadata: { labels: { a: '1', other: 'kept' }, uid: 'u' }, data: { x: '9' } });
  });

  test('merge-keyed lists drop elements removed from the manifest only', () => {
    const last = { spec: { ports: [{ port: 80 }, { port: 81 }] } };
    const live = { spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 81, protocol: 'TCP' }, { port: 9090, protocol: 'TCP' }] } };
    const desired = { spec: { ports: [{ port: 80 }] } };
    expect(threeWayMerge(live, last, desired, 'Service')).toEqual({ spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 9090, protocol: 'TCP' }] } });
  });
});

describe('three-way patch (what apply sends)', () => {
  test('changed fields, deletions, and $setElementOrder for merge-keyed lists', () => {
    const original = { spec: { ports: [{ port: 80 }, { port: 81 }] }, metadata: { labels: { a: '1', gone: 'x' } } };
    const current = { spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 81, protocol: 'TCP' }], type: 'ClusterIP' }, metadata: { labels: { a: '1', gone: 'x' } } };
    const modified = { spec: { ports: [{ port: 80, name: 'http' }] }, metadata: { labels: { a: '1' } } };
    expect(threeWayPatch(original, modified, current, 'Service')).toEqual({
      spec: { '$setElementOrder/ports': [{ port: 80 }], ports: [{ name: 'http', port: 80 }, { $patch: 'delete', port: 81 }] },
      metadata: { labels: { gone: null } },
    });
    expect(threeWayPatch(modified, modified, { ...current, spec: { ports: [{ port: 80, name: 'http' }] }, metadata: { labels: { a: '1' } } }, 'Service')).toBeUndefined();
  });
});

describe('JSON merge patch (RFC 7386)', () => {
  test('the RFC examples', () => {
    expect(jsonMergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(jsonMergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(jsonMergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(jsonMergePatch({ a: ['b'] }, { a: 'c' })).toEqual({ a: 'c' });
    expect(jsonMergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(jsonMergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(jsonMergePatch(['a', 'b'], ['c', 'd'])).toEqual(['c', 'd']);
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = { spec: { replicas: 1, list: ['a', 'b'] } };
  test('add, remove, replace, move, copy, test', () => {
    expect(applyJsonPatch(doc, [{ op: 'add', path: '/spec/list/1', value: 'x' }])).toEqual({ spec: { replicas: 1, list: ['a', 'x', 'b'] } });
    expect(applyJsonPatch(doc, [{ op: 'add', path: '/spec/list/-', value: 'z' }])).toEqual({ spec: { replicas: 1, list: ['a', 'b', 'z'] } });
    expect(applyJsonPatch(doc, [{ op: 'remove', path: '/spec/replicas' }])).toEqual({ spec: { list: ['a', 'b'] } });
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '/spec/replicas', value: 5 }])).toEqual({ spec: { replicas: 5, list: ['a', 'b'] } });
    expect(applyJsonPatch(doc, [{ op: 'move', from: '/spec/replicas', path: '/spec/count' }])).toEqual({ spec: { count: 1, list: ['a', 'b'] } });
    expect(applyJsonPatch(doc, [{ op: 'copy', from: '/spec/list/0', path: '/spec/first' }])).toEqual({ spec: { replicas: 1, list: ['a', 'b'], first: 'a' } });
    expect(applyJsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 1 }])).toEqual(doc);
    expect(doc).toEqual({ spec: { replicas: 1, list: ['a', 'b'] } });
  });

  test('errors name the missing path', () => {
    expect(() => applyJsonPatch(doc, [{ op: 'replace', path: '/spec/nope', value: 1 }])).toThrow(
      new JsonPatchError('replace operation does not apply: doc is missing key: /spec/nope: missing value'),
    );
    expect(() => applyJsonPatch(doc, [{ op: 'add', path: '/a/b/c', value: 1 }])).toThrow(/add operation does not apply: doc is missing path: "\/a\/b\/c"/);
    expect(() => applyJsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 2 }])).toThrow('testing value /spec/replicas failed: test failed');
  });
});
