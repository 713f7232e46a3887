import { describe, expect, test } from 'vitest';
import { ManifestParseError, parseStream, splitDocuments } from '../../src/kubectl/manifest/parse.ts';
import { decodeObject } from '../../src/sim/apiserver/schema/decode.ts';
import { ApiError } from '../../src/sim/apiserver/errors.ts';

function parseError(text: string): string {
  try {
    parseStream(text, 'web.yaml');
  } catch (e) {
    if (e instanceof ManifestParseError) return e.message;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('manifest parsing', () => {
  test('documents split at --- lines; blank and comment-only documents are skipped', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\n--- \nc: 3')).toEqual(['a: 1', 'b: 2', 'c: 3']);
    expect(parseStream('---\n# only a comment\n---\nkind: A\n---\n\n', 's').map((d) => d.value)).toEqual([{ kind: 'A' }]);
  });

  test('YAML 1.1 scalars resolve as go-yaml resolves them', () => {
    const [doc] = parseStream('a: yes\nb: off\nc: 0777\nd: "yes"\ne: 1.5\nf: ~\n', 's');
    expect(doc!.value).toEqual({ a: true, b: false, c: 511, d: 'yes', e: 1.5, f: null });
  });

  test('JSON streams are decoded as JSON', () => {
    expect(parseStream('{"kind": "A", "n": 1}', 's')[0]!.value).toEqual({ kind: 'A', n: 1 });
  });

  test('error texts and line numbers relative to the current document', () => {
    expect(parseError('a: b: c\n')).toBe('error parsing web.yaml: error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context');
    expect(parseError('kind: A\n---\nmetadata:\n  name: x\n   labels: y\n')).toBe(
      'error parsing web.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
    );
    expect(parseError('spec:\n\tcontainers: []\n')).toBe('error parsing web.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token');
    expect(parseError('a: 1\nfoo\nb: 2\n')).toBe("error parsing web.yaml: error converting YAML to JSON: yaml: line 3: could not find expected ':'");
    expect(parseError('metadata:\n  name: a\n  name: b\n')).toBe(
      'error parsing web.yaml: error converting YAML to JSON: yaml: unmarshal errors:\n  line 3: key "name" already set in map',
    );
  });

  test('a 5 MB paste parses in well under a second', () => {
    const one = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-NAME\ndata:\n' + Array.from({ length: 40 }, (_, i) => `  key${i}: "${'x'.repeat(40)}"\n`).join('');
    let text = '';
    let n = 0;
    while (text.length < 5 * 1024 * 1024) text += `---\n${one.replace('NAME', String(n++))}`;
    const started = performance.now();
    const docs = parseStream(text, 'STDIN');
    const ms = performance.now() - started;
    expect(docs.length).toBe(n);
    expect(ms).toBeLessThan(5000);
  });
});

describe('strict decoding', () => {
  const sts = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec });
  const message = (obj: ReturnType<typeof sts>, mode: 'Strict' | 'Warn' | 'Ignore' = 'Strict') => {
    try {
      decodeObject(obj, mode);
      return '';
    } catch (e) {
      return (e as ApiError).message;
    }
  };

  test('unknown fields, with full paths and indexes', () => {
    expect(message(sts({ replica: 1, template: { spec: { containers: [{ name: 'a', imagee: 'x' }] } } }))).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagee"',
    );
  });

  test('type mismatches as encoding/json words them', () => {
    expect(message(sts({ replicas: 'two' }))).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32',
    );
    expect(message(sts({ template: { spec: { containers: 'nginx' } } }))).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
    expect(message(sts({ replicas: 1.5 }))).toContain('json: cannot unmarshal number 1.5 into Go struct field StatefulSetSpec.spec.replicas of type int32');
    expect(message(sts({ template: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: 'lots' } } }] } } }))).toBe(
      "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  test('Warn reports and drops unknown fields; Ignore drops them silently', () => {
    const warn = decodeObject(sts({ replica: 1, replicas: 2 }), 'Warn');
    expect(warn.warnings).toEqual(['unknown field "spec.replica"']);
    expect(warn.object.spec).toEqual({ replicas: 2 });
    expect(decodeObject(sts({ replica: 1 }), 'Ignore')).toEqual({ object: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec: {} }, warnings: [] });
  });
});
