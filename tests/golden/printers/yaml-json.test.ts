import { describe, expect, it } from 'vitest';
import { toJson, toYaml } from '../../../src/kubectl/output.ts';
import { render } from './fixtures.ts';
import { objects } from './objects.ts';

describe('kubectl -o yaml (sigs.k8s.io/yaml over go-yaml v2)', () => {
  it('sorts keys, does not indent lists under their key, quotes what would read back as another type', () => {
    expect(
      toYaml({
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: { name: 'cfg', creationTimestamp: '2026-01-05T09:00:00Z', labels: { y: 'true', n: '0755', e: '' } },
        data: { list: ['a', 'b'], empty: [], nested: [{ b: 1, a: { c: null } }], obj: {} },
      }),
    ).toBe(`apiVersion: v1
data:
  empty: []
  list:
  - a
  - b
  nested:
  - a:
      c: null
    b: 1
  obj: {}
kind: ConfigMap
metadata:
  creationTimestamp: "2026-01-05T09:00:00Z"
  labels:
    e: ""
    "n": "0755"
    "y": "true"
  name: cfg
`);
  });

  it('single-quotes indicators, double-quotes tabs, keeps plain text plain', () => {
    expect(toYaml({ a: '*', b: ': x', c: 'a\tb', d: "it's", e: 'key: value', f: '- item', g: 'plain text', h: '#hash', i: 'a #b', j: '1.5', k: 'yes', l: '~' })).toBe(`a: '*'
b: ': x'
c: "a\\tb"
d: it's
e: 'key: value'
f: '- item'
g: plain text
h: '#hash'
i: 'a #b'
j: "1.5"
k: "yes"
l: "~"
`);
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(toYaml({ a: 'line1\nline2\n', b: 'no newline\nat end', c: ['x\n'] })).toBe(`a: |
  line1
  line2
b: |-
  no newline
  at end
c:
- |
  x
`);
  });

  it('folds long scalars at the first single space once past column 80 (libyaml best_width)', () => {
    const message =
      'Failed to pull image "nginx:latestt": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:latestt": failed to resolve reference';
    expect(toYaml({ items: [{ message }] })).toBe(`items:
- message: 'Failed to pull image "nginx:latestt": rpc error: code = NotFound desc
    = failed to pull and unpack image "docker.io/library/nginx:latestt": failed to
    resolve reference'
`);
  });

  it('wraps several objects in a v1 List', () => {
    const out = render(objects.leases!, ['-o', 'yaml']);
    expect(out).toBe(`apiVersion: v1
items:
- apiVersion: coordination.k8s.io/v1
  kind: Lease
  metadata:
    creationTimestamp: "2026-01-05T09:00:00Z"
    name: node01
    namespace: kube-node-lease
    uid: uid-node01
  spec:
    holderIdentity: node01
kind: List
metadata:
  resourceVersion: ""
`);
  });
});

describe('kubectl -o json (json.MarshalIndent, 4 spaces)', () => {
  it('sorts keys, indents by four, escapes HTML characters as Go does', () => {
    expect(toJson({ b: [1, { z: true, a: null }], a: 'x && y <z>', c: [], d: {} })).toBe(`{
    "a": "x \\u0026\\u0026 y \\u003cz\\u003e",
    "b": [
        1,
        {
            "a": null,
            "z": true
        }
    ],
    "c": [],
    "d": {}
}
`);
  });

  it('an empty list is a List with no items', () => {
    expect(render([], ['-o', 'json'])).toBe(`{
    "apiVersion": "v1",
    "items": [],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`);
  });
});
