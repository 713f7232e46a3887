import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';
import { goJsonSyntaxError } from '../../../src/kubectl/format/go-json-error.ts';

const DRY = ['run', 'web', '--image=nginx', '--dry-run=client', '-o', 'yaml'];

describe('kubectl run --overrides', () => {
  test('merge (the default) replaces lists and keeps the pod a v1.Pod', async () => {
    const h = makeHarness();
    expect(await h.run([...DRY, '--overrides={"spec":{"nodeName":"node01","containers":[{"name":"web","image":"busybox","args":["sleep","1d"]}]}}'])).toEqual({
      out: `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: web
  name: web
spec:
  containers:
  - args:
    - sleep
    - 1d
    image: busybox
    name: web
    resources: {}
  dnsPolicy: ClusterFirst
  nodeName: node01
  restartPolicy: Always
status: {}
`,
      err: '',
      code: 0,
    });
  });

  test('strategic merges containers by name; json applies RFC 6902 operations', async () => {
    const h = makeHarness();
    const strategic = await h.run([...DRY, '--override-type=strategic', '--overrides={"metadata":{"labels":{"tier":"front"}},"spec":{"containers":[{"name":"web","resources":{"limits":{"cpu":"200m"}}}]}}']);
    expect(strategic.out).toContain('  labels:\n    run: web\n    tier: front\n');
    expect(strategic.out).toContain('  containers:\n  - image: nginx\n    name: web\n    resources:\n      limits:\n        cpu: 200m\n');
    const json = await h.run([...DRY, '--override-type=json', '--overrides=[{"op":"add","path":"/spec/hostname","value":"h1"},{"op":"remove","path":"/metadata/labels"}]']);
    expect(json.out).toContain('metadata:\n  name: web\nspec:\n');
    expect(json.out).toContain('  hostname: h1\n');
  });

  test('the created pod carries the override', async () => {
    const h = makeHarness();
    expect(await h.run(['run', 'web', '--image=nginx', '--overrides={"spec":{"nodeName":"node02"}}'])).toEqual({ out: 'pod/web created\n', err: '', code: 0 });
    expect(h.cluster.api.get('Pod', 'default', 'web').spec.nodeName).toBe('node02');
  });

  test('malformed overrides fail as each patch library words it', async () => {
    const h = makeHarness();
    const err = async (...extra: string[]) => (await h.run(['run', 'web', '--image=nginx', ...extra])).err;
    expect(await err('--overrides={bad')).toBe('error: Invalid JSON Patch\n');
    expect(await err('--override-type=strategic', '--overrides={bad')).toBe('error: invalid JSON document\n');
    expect(await err('--override-type=json', '--overrides={bad')).toBe("error: invalid character 'b' looking for beginning of object key string\n");
    expect(await err('--override-type=json', '--overrides={"op":"add"}')).toBe('error: json: cannot unmarshal object into Go value of type jsonpatch.Patch\n');
    expect(await err('--override-type=foo', '--overrides={}')).toBe('error: invalid override type: foo\n');
    expect(h.cluster.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
  });

  test('Go encoding/json syntax errors', () => {
    expect(goJsonSyntaxError('[{"op":"add"}]')).toBeUndefined();
    expect(goJsonSyntaxError('')).toBe('unexpected end of JSON input');
    expect(goJsonSyntaxError('[1,')).toBe('unexpected end of JSON input');
    expect(goJsonSyntaxError('x')).toBe("invalid character 'x' looking for beginning of value");
    expect(goJsonSyntaxError('{"a" 1}')).toBe("invalid character '1' after object key");
    expect(goJsonSyntaxError('{"a":1 "b"}')).toBe('invalid character \'"\' after object key:value pair');
    expect(goJsonSyntaxError('[1 2]')).toBe("invalid character '2' after array element");
    expect(goJsonSyntaxError('{} x')).toBe("invalid character 'x' after top-level value");
    expect(goJsonSyntaxError('[tru]')).toBe("invalid character ']' in literal true (expecting 'e')");
    expect(goJsonSyntaxError('["a\\q"]')).toBe("invalid character 'q' in string escape code");
    expect(goJsonSyntaxError("['a']")).toBe("invalid character '\\'' looking for beginning of value");
    expect(goJsonSyntaxError('[1.]')).toBe("invalid character ']' after decimal point in numeric literal");
  });
});
