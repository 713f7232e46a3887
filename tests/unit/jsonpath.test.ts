import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathError, relaxedJsonPath } from '../../src/kubectl/format/jsonpath.ts';

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      metadata: { name: 'web-0', labels: { app: 'web' } },
      spec: { nodeName: 'node01', containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] },
    },
    {
      metadata: { name: 'web-1', labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }] },
      status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] },
    },
  ],
};

function run(template: string, data: unknown = list, allowMissing = true): string {
  const p = new JsonPath(template);
  p.allowMissingKeys = allowMissing;
  return p.execute(data);
}

describe('JSONPath (client-go util/jsonpath)', () => {
  it('joins the results of one action with spaces; text outside braces is literal', () => {
    expect(run('{.items[*].metadata.name}')).toBe('web-0 web-1');
    expect(run('names: {.items[*].metadata.name}!')).toBe('names: web-0 web-1!');
    expect(run('.items[0].metadata.name')).toBe('.items[0].metadata.name');
  });

  it('ranges with quoted separators', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}')).toBe('web-0\tRunning\nweb-1\tPending\n');
    expect(run("{range .items[*]}{.metadata.name}{','}{end}")).toBe('web-0,web-1,');
  });

  it('filters, indexes, negative indexes, slices and unions', () => {
    expect(run('{.items[0].status.conditions[?(@.type=="Ready")].status}')).toBe('True');
    expect(run('{.items[?(@.status.phase=="Pending")].metadata.name}')).toBe('web-1');
    expect(run('{.items[-1].metadata.name}')).toBe('web-1');
    expect(run('{.items[0:1].metadata.name}')).toBe('web-0');
    expect(run('{.items[1].spec.containers[0,1].name}')).toBe('nginx side');
    expect(run("{.items[0]['metadata']['name']}")).toBe('web-0');
    expect(run('{.items[?(@.spec.nodeName)].metadata.name}')).toBe('web-0');
  });

  it('recursive descent and $', () => {
    expect(run('{$.items[0].metadata.name}')).toBe('web-0');
    expect(run('{..image}')).toBe('nginx:1.27 nginx:1.27 busybox');
  });

  it('prints maps and lists as compact JSON, numbers and bools as Go does', () => {
    expect(run('{.items[0].metadata.labels}')).toBe('{"app":"web"}');
    expect(run('{.items[0].spec.containers[0].ports[0].containerPort}')).toBe('80');
    expect(run('{.x}', { x: true })).toBe('true');
    expect(run('{.x}', { x: '<a&b>' })).toBe('<a&b>');
    expect(run('{.x}', { x: ['<'] })).toBe('["\\u003c"]');
  });

  it('jsonpath-as-json wraps results in an indented array', () => {
    const p = new JsonPath('{.items[*].metadata.name}');
    p.outputJson = true;
    expect(p.execute(list)).toBe('[\n    "web-0",\n    "web-1"\n]\n');
  });

  it('missing keys print nothing unless --allow-missing-template-keys=false', () => {
    expect(run('{.items[0].nope}')).toBe('');
    expect(() => run('{.items[0].nope}', list, false)).toThrow('nope is not found');
  });

  it('upstream error texts', () => {
    expect(() => new JsonPath('{.items[')).toThrow('unterminated array');
    expect(() => new JsonPath('{.items')).toThrow('unclosed action');
    expect(() => new JsonPath('{.items[a]}')).toThrow('invalid array index a');
    expect(() => new JsonPath('{%}')).toThrow("unrecognized character in action: U+0025 '%'");
    expect(() => new JsonPath('{"abc}')).toThrow('unterminated quoted string');
    expect(() => new JsonPath('{.a[?(@.x=="y"]}')).toThrow('unterminated filter');
    expect(() => run('{end}')).toThrow('not in range, nothing to end');
    expect(() => run('{.items[5]}')).toThrow('array index out of bounds: index 5, length 2');
    expect(() => run('{.kind[0]}')).toThrow('string is not array or slice');
    expect(() => run('{.items[?(@.status.phase==1)]}')).toThrow('incompatible types for comparison');
  });

  it('relaxed paths for custom-columns and --sort-by', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.metadata.name}')).toBe('{.metadata.name}');
    expect(() => relaxedJsonPath('{a}{b}')).toThrow("unexpected path string, expected a 'name1.name2'");
  });

  it('never throws anything but a JsonPathError on arbitrary templates and data', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', '.', '..', '*', '?', '(', ')', '@', '$', '"', "'", ',', ':', '=', '!', '<', '>', '-', '1', '0', 'a', 'items', 'name', 'range', 'end', ' ', '\\');
    const template = fc.array(alphabet, { maxLength: 25 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(template, fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (tmpl, data, allow) => {
        try {
          const p = new JsonPath(tmpl);
          p.allowMissingKeys = allow;
          const out = p.execute(data);
          expect(typeof out).toBe('string');
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
