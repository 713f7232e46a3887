import { describe, expect, test } from 'vitest';
import { goWrap } from '../../../src/kubectl/commands/explain.ts';
import { makeHarness } from './harness.ts';

describe('kubectl explain', () => {
  test('a field with an enum, recursive tree', async () => {
    const h = makeHarness();
    const r = await h.run('explain sts.spec.updateStrategy --recursive');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^GROUP: {6}apps\nKIND: {7}StatefulSet\nVERSION: {4}v1\n\nFIELD: updateStrategy <StatefulSetUpdateStrategy>\n\n\nDESCRIPTION:\n/);
    expect(r.out).toContain(
      'FIELDS:\n  rollingUpdate\t<RollingUpdateStatefulSetStrategy>\n    maxUnavailable\t<string>\n    partition\t<integer>\n  type\t<string>\n  enum: OnDelete, RollingUpdate\n',
    );
    const leaf = await h.run('explain pod.spec.containers.imagePullPolicy');
    expect(leaf.out).toContain('FIELD: imagePullPolicy <string>\nENUM:\n    Always\n    IfNotPresent\n    Never\n\nDESCRIPTION:\n');
  });

  test('top level: required markers and every field described', async () => {
    const h = makeHarness();
    const r = await h.run('explain deployment.spec');
    expect(r.out).toContain('  selector\t<LabelSelector> -required-\n');
    expect(r.out).toContain('  template\t<PodTemplateSpec> -required-\n');
    const pods = await h.run('explain pods');
    expect(pods.out.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true);
    expect(pods.out).toContain('FIELDS:\n  apiVersion\t<string>\n');
  });

  test('errors', async () => {
    const h = makeHarness();
    expect((await h.run('explain sts.spec.replica')).err).toBe('error: field "replica" does not exist\n');
    expect((await h.run('explain widgets')).err).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    expect((await h.run('explain')).err).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  });

  test('wrap breaks at the last space within the width and keeps long words whole', () => {
    expect(goWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(goWrap('averyveryverylongword and more', 8)).toBe('averyveryverylongword\nand more');
  });
});
