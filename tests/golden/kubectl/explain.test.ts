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
      'FIELDS:\n  rollingUpdate\t<RollingUpdateStatefulSetStrategy>\n    maxUnavailable\t<IntOrString>\n    partition\t<integer>\n  type\t<string>\n  enum: OnDelete, RollingUpdate\n',
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

  test('types as the v3 template guesses them: IntOrString, Quantity, Time as string, named refs', async () => {
    const h = makeHarness();
    const strategy = await h.run('explain deployment.spec.strategy.rollingUpdate');
    expect(strategy.out).toContain('FIELDS:\n  maxSurge\t<IntOrString>\n');
    expect(strategy.out).toContain('\n  maxUnavailable\t<IntOrString>\n');
    const surge = await h.run('explain deployment.spec.strategy.rollingUpdate.maxSurge');
    expect(surge.out).toMatch(/\nFIELD: maxSurge <IntOrString>\n\n\nDESCRIPTION:\n(    .*\n)+    IntOrString holds either an int32 or a string/);
    const resources = await h.run('explain pod.spec.containers.resources');
    expect(resources.out).toContain('\n  limits\t<map[string]Quantity>\n');
    expect(resources.out).toContain('\n  requests\t<map[string]Quantity>\n');
    const meta = await h.run('explain pod.metadata');
    expect(meta.out).toContain('\n  creationTimestamp\t<string>\n');
    expect(meta.out).toContain('\n  labels\t<map[string]string>\n');
    expect(meta.out).toContain('\n  ownerReferences\t<[]OwnerReference>\n');
    expect(meta.out).toContain('\n  generation\t<integer>\n');
    expect((await h.run('explain pod.spec')).out).toContain('\n  hostNetwork\t<boolean>\n');
    expect((await h.run('explain controllerrevision')).out).toContain('\n  data\t<RawExtension>\n');
    expect((await h.run('explain service.spec')).out).toContain('\n  sessionAffinityConfig\t<SessionAffinityConfig>\n');
    expect((await h.run('explain pv.spec')).out).toContain('\n  capacity\t<map[string]Quantity>\n');
    expect((await h.run('explain pvc.spec.resources')).out).toContain('\n  requests\t<map[string]Quantity>\n');
  });

  test('errors', async () => {
    const h = makeHarness();
    expect((await h.run('explain sts.spec.replica')).err).toBe('error: field "replica" does not exist\n');
    // The REST mapper's NoResourceMatchError: checkErr prints it without `error: `.
    expect((await h.run('explain widgets')).err).toBe('the server doesn\'t have a resource type "widgets"\n');
    expect((await h.run('explain pods,svc')).err).toBe('the server doesn\'t have a resource type "pods,svc"\n');
    expect((await h.run('explain')).err).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  });

  test('wrap breaks at the last space within the width and keeps long words whole', () => {
    expect(goWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(goWrap('averyveryverylongword and more', 8)).toBe('averyveryverylongword\nand more');
  });
});
