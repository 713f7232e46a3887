import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const HINT = "\nSee 'kubectl taint -h' for help and examples\n";

function taintsOf(h: ReturnType<typeof makeHarness>, node: string) {
  return h.cluster.api.get('Node', undefined, node).spec.taints;
}

describe('kubectl taint (taint.go, utils.go)', () => {
  test('removal by key=value:effect-, key:effect- and key-', async () => {
    const h = makeHarness();
    expect(await h.run('taint node node02 dedicated=storage:NoSchedule')).toEqual({ out: 'node/node02 tainted\n', err: '', code: 0 });
    expect(await h.run('taint node node02 dedicated=storage:NoSchedule-')).toEqual({ out: 'node/node02 untainted\n', err: '', code: 0 });
    expect(taintsOf(h, 'node02')).toBeUndefined();
    await h.run('taint node node02 dedicated=a:NoSchedule dedicated=b:NoExecute');
    expect((await h.run('taint node node02 dedicated:NoExecute-')).out).toBe('node/node02 untainted\n');
    expect(taintsOf(h, 'node02')).toEqual([{ key: 'dedicated', value: 'a', effect: 'NoSchedule' }]);
    await h.run('taint node node02 dedicated=b:NoExecute');
    expect((await h.run('taint node node02 dedicated-')).out).toBe('node/node02 untainted\n');
    expect(taintsOf(h, 'node02')).toBeUndefined();
  });

  test('new taints go first; tainted, modified with --overwrite or add-and-remove', async () => {
    const h = makeHarness();
    await h.run('taint node node01 a=1:NoSchedule');
    await h.run('taint node node01 b:PreferNoSchedule');
    expect(taintsOf(h, 'node01')).toEqual([
      { key: 'b', effect: 'PreferNoSchedule' },
      { key: 'a', value: '1', effect: 'NoSchedule' },
    ]);
    expect((await h.run('taint node node01 a=2:NoSchedule --overwrite')).out).toBe('node/node01 modified\n');
    expect((await h.run('taint node node01 c:NoExecute --overwrite')).out).toBe('node/node01 modified\n');
    expect((await h.run('taint node node01 d:NoSchedule c-')).out).toBe('node/node01 modified\n');
    expect(taintsOf(h, 'node01')).toEqual([
      { key: 'd', effect: 'NoSchedule' },
      { key: 'a', value: '2', effect: 'NoSchedule' },
      { key: 'b', effect: 'PreferNoSchedule' },
    ]);
    expect((await h.run('taint node node01 e:NoSchedule --dry-run=client')).out).toBe('node/node01 tainted (dry run)\n');
  });

  test('spec errors are usage errors with parseTaint texts', async () => {
    const h = makeHarness();
    expect(await h.run('taint node node02 foo=bar')).toEqual({ out: '', err: `error: invalid taint spec: foo=bar, ${NAME_PART}${HINT}`, code: 1 });
    expect((await h.run('taint node node02 a:b:NoSchedule')).err).toBe(`error: invalid taint spec: a:b:NoSchedule${HINT}`);
    expect((await h.run('taint node node02 a=b=c:NoSchedule')).err).toBe(`error: invalid taint spec: a=b=c:NoSchedule${HINT}`);
    expect((await h.run('taint node node02 a=b:Sometimes')).err).toBe(`error: invalid taint effect: Sometimes, unsupported taint effect${HINT}`);
    expect((await h.run('taint node node02 a:')).err).toBe(`error: invalid taint effect: , unsupported taint effect${HINT}`);
    expect((await h.run('taint node node02 :NoSchedule')).err).toBe(`error: invalid taint spec: :NoSchedule, name part must be non-empty; ${NAME_PART}${HINT}`);
    expect((await h.run('taint node node02 a=b_:NoSchedule')).err).toBe(
      `error: invalid taint spec: a=b_:NoSchedule, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')${HINT}`,
    );
    expect((await h.run('taint node node02 /a:NoSchedule')).err).toBe(`error: invalid taint spec: /a:NoSchedule, prefix part must be non-empty${HINT}`);
    expect((await h.run('taint node node02 a=1:NoSchedule a=2:NoSchedule')).err).toBe(
      `error: duplicated taints with the same key and effect: {a 2 NoSchedule <nil>}${HINT}`,
    );
    expect(taintsOf(h, 'node02')).toBeUndefined();
  });

  test('argument and resource errors', async () => {
    const h = makeHarness();
    expect((await h.run('taint node a:NoSchedule node02')).err).toBe('error: all resources must be specified before taint changes: node02\n');
    expect((await h.run('taint a:NoSchedule')).err).toBe('error: one or more resources must be specified as <resource> <name>\n');
    expect((await h.run('taint node node02')).err).toBe('error: at least one taint update is required\n');
    expect((await h.run('taint pods web a:NoSchedule')).err).toBe('error: invalid resource type pods, only node types are supported\n');
    expect((await h.run('taint node a:NoSchedule')).err).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    expect((await h.run('taint node --all -l x=y a:NoSchedule')).err).toBe("error: setting 'all' parameter with a non empty selector is prohibited\n");
    expect((await h.run('taint node node02 a:NoSchedule a-')).err).toBe(
      'error: can not both modify and remove the following taint(s) in the same command: {"a":""}\n',
    );
    expect((await h.run('taint nodez node02 a:NoSchedule')).err).toBe('the server doesn\'t have a resource type "nodez"\n');
    expect((await h.run('taint node nope a:NoSchedule')).err).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });

  test('taint not found: one error, several on one node, and per node with --all', async () => {
    const h = makeHarness();
    expect(await h.run('taint node node02 dedicated:NoSchedule-')).toEqual({ out: '', err: 'error: taint "dedicated:NoSchedule" not found\n', code: 1 });
    expect((await h.run('taint node node02 x- y:NoExecute-')).err).toBe('taint "x" not found\ntaint "y:NoExecute" not found\n');
    await h.run('taint node node03 gpu:NoSchedule');
    const r = await h.run('taint node --all gpu-');
    expect(r.out).toBe('node/node03 untainted\n');
    expect(r.err).toBe('taint "gpu" not found\ntaint "gpu" not found\ntaint "gpu" not found\n');
    expect((await h.run('taint node node01 node02 k:NoSchedule')).out).toBe('node/node01 tainted\nnode/node02 tainted\n');
    expect((await h.run('taint node node01 node02 k=v:NoSchedule')).err).toBe(
      'node node01 already has k taint(s) with same effect(s) and --overwrite is false\nnode node02 already has k taint(s) with same effect(s) and --overwrite is false\n',
    );
  });

  test('help: the Long of taint.go as LongDesc renders it, its examples, the usage line', async () => {
    const h = makeHarness();
    const out = (await h.run('taint --help')).out;
    expect(out.startsWith(
      "Update the taints on one or more nodes.\n\n  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.\n  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.\n",
    )).toBe(true);
    expect(out).toContain("\n  *  Currently taint can only apply to node.\n\nExamples:\n  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'\n");
    expect(out).toContain('\nUsage:\n  kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]\n');
  });
});
