import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeHarness } from '../golden/kubectl/harness.ts';
import { KubectlError } from '../../src/kubectl/errors.ts';
import { parseOutputNow, printFormatted } from '../../src/kubectl/output.ts';
import { parseFlags } from '../../src/kubectl/flags.ts';
import type { Invocation } from '../../src/kubectl/command.ts';
import type { Stored } from '../../src/sim/apiserver/types.ts';

async function withConfigMaps(...names: string[]) {
  const h = makeHarness(7);
  for (const n of names) {
    const r = await h.run(`kubectl create configmap ${n} --from-literal=k=v`);
    expect(r.code).toBe(0);
  }
  await h.run('kubectl label configmap ' + names.join(' ') + ' app=demo');
  return h;
}

describe('kubectl get', () => {
  it('says which resource type the server does not have', async () => {
    const h = makeHarness();
    expect(await h.run('kubectl get foo')).toEqual({ out: '', err: 'error: the server doesn\'t have a resource type "foo"\n', code: 1 });
  });

  it('reports an empty list on stderr with exit 0, naming the namespace unless -A', async () => {
    const h = makeHarness();
    await h.run('kubectl create namespace empty');
    expect(await h.run('kubectl get secrets -n empty')).toEqual({ out: '', err: 'No resources found in empty namespace.\n', code: 0 });
    expect(await h.run('kubectl get jobs -A')).toEqual({ out: '', err: 'No resources found\n', code: 0 });
  });

  it('prints what exists and a NotFound error per missing name', async () => {
    const h = await withConfigMaps('a', 'b');
    const r = await h.run('kubectl get cm a nope b -o name');
    expect(r.out).toBe('configmap/a\nconfigmap/b\n');
    expect(r.err).toBe('Error from server (NotFound): configmaps "nope" not found\n');
    expect(r.code).toBe(1);
    expect(await h.run('kubectl get cm nope --ignore-not-found')).toEqual({ out: '', err: '', code: 0 });
  });

  it('prints one table per kind with kind prefixes and a blank line between', async () => {
    const h = await withConfigMaps('a');
    const r = await h.run('kubectl get cm/a ns/default');
    expect(r.err).toBe('');
    expect(r.out).toBe('NAME          DATA   AGE\nconfigmap/a   1      0s\n\nNAME                STATUS   AGE\nnamespace/default   Active   4m\n');
  });

  it('rejects a bare type mixed with TYPE/NAME', async () => {
    const h = makeHarness();
    const r = await h.run('kubectl get pods pod/x');
    expect(r.err).toContain("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form");
    expect(r.code).toBe(1);
  });

  it('prints one named object as itself and several as a v1 List', async () => {
    const h = await withConfigMaps('a');
    expect((await h.run('kubectl get cm a -o yaml')).out).toMatch(/^apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\n/);
    expect((await h.run('kubectl get cm -l app=demo -o yaml')).out).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n[\s\S]*\nkind: List\nmetadata:\n  resourceVersion: ""\n$/);
  });

  it('sorts --sort-by strings in natural order', async () => {
    const h = await withConfigMaps('web-10', 'web-9', 'web-1');
    expect((await h.run('kubectl get cm -l app=demo --sort-by=.metadata.name -o name')).out).toBe('configmap/web-1\nconfigmap/web-9\nconfigmap/web-10\n');
    expect((await h.run('kubectl get cm -l app=demo --sort-by=.nope')).err).toBe('error: couldn\'t find any field with path "{.nope}" in the list of objects\n');
  });

  it('filters with equality and set-based label selectors and field selectors', async () => {
    const h = await withConfigMaps('a', 'b');
    await h.run('kubectl label cm b tier=db');
    expect((await h.run(['kubectl', 'get', 'cm', '-l', 'app=demo,tier!=db', '-o', 'name'])).out).toBe('configmap/a\n');
    expect((await h.run(['kubectl', 'get', 'cm', '-l', 'tier in (db,web)', '-o', 'name'])).out).toBe('configmap/b\n');
    expect((await h.run(['kubectl', 'get', 'cm', '-l', '!tier,app', '-o', 'name'])).out).toBe('configmap/a\n');
    expect((await h.run('kubectl get cm --field-selector metadata.name=b -o name')).out).toBe('configmap/b\n');
    expect((await h.run('kubectl get cm --field-selector spec.foo=b')).err).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=configmaps" that match label selector "", field selector "spec.foo=b": field label not supported: spec.foo\n',
    );
  });

  it('explains missing arguments and incompatible flags', async () => {
    const h = makeHarness();
    const r = await h.run('kubectl get');
    expect(r.err).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
    expect((await h.run('kubectl get pods --show-labels -o yaml')).err).toBe('error: --show-labels option cannot be used with yaml printer\n');
    expect((await h.run('kubectl get pods --output-watch-events')).err).toContain('--output-watch-events option can only be used with --watch or --watch-only');
  });

  it('watches until the cluster is quiet headless, printing the header once', async () => {
    const h = await withConfigMaps('a');
    const r = await h.run('kubectl get cm -l app=demo -w');
    expect(r.out).toBe('NAME   DATA   AGE\na      1      0s\n');
    expect((await h.run('kubectl get cm -l app=demo --watch-only')).out).toBe('');
  });

  it('stops watching when the signal aborts', async () => {
    const h = await withConfigMaps('a');
    const ac = new AbortController();
    ac.abort();
    const { runKubectl } = await import('../../src/kubectl/index.ts');
    let out = '';
    const code = await runKubectl(['get', 'cm', '-w', '--request-timeout=1h'], h.host, { stdin: '', out: (t) => (out += t), err: () => {}, signal: ac.signal });
    expect(code).toBe(0);
    expect(out).toContain('kube-root-ca.crt');
  });
});

describe('custom-columns specs', () => {
  it('never fail with anything but a kubectl error', () => {
    const objects = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { x: 'y' } }, data: { k: 'v' } }] as unknown as Stored[];
    const piece = fc.constantFrom('NAME', ':', '.metadata.name', ',', '{', '}', '[*]', '.data', 'X', '..', '[0]', ' ', '"', '.metadata.labels');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const spec = `custom-columns=${parts.join('')}`;
        let out = '';
        const inv = {
          parsed: parseFlags([], []),
          io: { stdin: '', out: (s: string) => (out += s), err: () => {} },
          cluster: { clock: { now: () => 0 } },
          namespace: 'default',
        } as unknown as Invocation;
        try {
          printFormatted(inv, objects, parseOutputNow(inv, spec));
        } catch (e) {
          if (!(e instanceof KubectlError)) throw e;
        }
        expect(typeof out).toBe('string');
      }),
      { numRuns: 1500 },
    );
  });
});

describe('kubectl get -w streaming', () => {
  it('prints a row per change after the list, header once, columns never narrowing again', async () => {
    const h = await withConfigMaps('a');
    const { runKubectl } = await import('../../src/kubectl/index.ts');
    const run = async (argv: string[]) => {
      let out = '';
      // A time driver whose "wait" is the cluster changing under the watch.
      const host = {
        ...h.host,
        time: {
          async waitUntil(cluster: typeof h.cluster) {
            cluster.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a-much-longer-name', namespace: 'default', labels: { app: 'demo' } }, data: {} });
            cluster.api.mutate('ConfigMap', 'default', 'a', (cm) => {
              cm.data = { k: 'v', k2: 'v2' };
            });
            cluster.api.delete('ConfigMap', 'default', 'a-much-longer-name');
            cluster.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'default' } });
            return true;
          },
          async sleep() {},
        },
      };
      const code = await runKubectl(argv, host, { stdin: '', out: (t) => (out += t), err: () => {} });
      expect(code).toBe(0);
      return out;
    };
    expect(await run(['get', 'cm', '-l', 'app=demo', '-w'])).toBe(
      'NAME   DATA   AGE\na      1      0s\na-much-longer-name   0      0s\na                    2      0s\na-much-longer-name   0      0s\n',
    );
  });

  it('labels each row with its event type', async () => {
    const h = await withConfigMaps('a');
    const { runKubectl } = await import('../../src/kubectl/index.ts');
    let out = '';
    const host = {
      ...h.host,
      time: {
        async waitUntil(cluster: typeof h.cluster) {
          cluster.api.delete('ConfigMap', 'default', 'a');
          return true;
        },
        async sleep() {},
      },
    };
    await runKubectl(['get', 'cm', 'a', '-w', '--output-watch-events'], host, { stdin: '', out: (t) => (out += t), err: () => {} });
    expect(out).toBe('EVENT   NAME   DATA   AGE\nADDED   a      1      0s\nDELETED   a      1      0s\n');
    out = '';
    await runKubectl(['get', 'cm', 'b', '--watch-only', '-o', 'name'], host, { stdin: '', out: (t) => (out += t), err: () => {} });
    expect(out).toBe('');
  });
});
