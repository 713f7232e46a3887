/**
 * Free-form input through kubectl apply/create: whatever the manifest holds, kubectl answers with a
 * kubectl-shaped error or success, never a JavaScript exception, and an object it failed on is
 * left exactly as it was.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dump } from 'js-yaml';
import { makeHarness } from '../golden/kubectl/harness.ts';

const BASE = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { app: 'web' } }, data: { a: '1', b: '2' } },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  },
];

/** Every path (list of keys/indexes) into a JSON value. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, extraKey?: string): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (extraKey !== undefined && cur[last] && typeof cur[last] === 'object' && !Array.isArray(cur[last])) {
    (cur[last] as Record<string, unknown>)[extraKey] = value;
  } else cur[last] = value;
  return copy;
}

/** Texts a JavaScript bug would leave in kubectl's stderr. */
const JS_FAILURE = /Cannot read prop|Cannot set prop|is not a function|is not iterable|is not defined|Maximum call stack|undefined is not|null is not|Unexpected token|\[object Object\]|RangeError|TypeError/;

/** The shapes kubectl's stderr lines take. */
const KUBECTL_LINE = /^(error: |Error from server|The [A-Za-z]+ "[^"]*" is invalid|Warning: |warning: |\* |  line |ensure CRDs|\{|to:$|Resource: "|Name: "|for: "|$)/;

function checkStderr(err: string): void {
  expect(err).not.toMatch(JS_FAILURE);
  for (const line of err.split('\n')) expect(line).toMatch(KUBECTL_LINE);
}

describe('kubectl apply on mutated manifests', () => {
  test('never throws, and leaves objects it failed on unchanged', async () => {
    const h = makeHarness();
    for (const obj of BASE) {
      h.files.set('base.yaml', dump(obj));
      expect((await h.run('apply -f base.yaml')).code).toBe(0);
    }
    const mutation = fc.record({
      which: fc.nat(BASE.length - 1),
      pick: fc.nat(),
      value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', 0, -1, 2 ** 40, 'None', '80:8080', [], {})),
      extraKey: fc.option(fc.constantFrom('bogus', 'replicas', 'containers', 'x'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ which, pick, value, extraKey }) => {
        const base = BASE[which]!;
        const all = paths(base);
        const path = all[pick % all.length]!;
        const mutated = setAt(base, path, value, extraKey);
        const kind = base.kind;
        const name = base.metadata.name;
        const before = h.cluster.api.tryGet(kind, 'default', name);
        let text: string;
        try {
          text = dump(mutated);
        } catch {
          return;
        }
        h.files.set('m.yaml', text);
        const r = await h.run('apply -f m.yaml');
        expect([0, 1]).toContain(r.code);
        checkStderr(r.err);
        if (r.code !== 0) {
          expect(h.cluster.api.tryGet(kind, 'default', name)).toBe(before);
        }
        expect(h.cluster.failures).toEqual([]);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });

  test('random text through apply -f - and create -f - fails cleanly', async () => {
    const h = makeHarness();
    const objectsBefore = h.cluster.api.all().length;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(fc.constantFrom('apiVersion: v1', 'kind: Pod', 'kind: List', 'items:', '- a', '  b: [', 'metadata:', '  name: x', '---', '\t', ': :', '{', '"', 'data: {a: 1}'), {
            maxLength: 12,
          }).map((ls) => ls.join('\n')),
        ),
        fc.constantFrom('apply', 'create', 'replace', 'delete'),
        async (text, verb) => {
          const r = await h.run(`${verb} -f -`, text);
          expect([0, 1]).toContain(r.code);
          checkStderr(r.err);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
    expect(h.cluster.failures).toEqual([]);
    expect(h.cluster.api.all().length).toBeGreaterThanOrEqual(objectsBefore);
  });
});
