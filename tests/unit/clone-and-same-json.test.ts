/**
 * The store's `clone` must give what `structuredClone` gives for any JSON-like value, and
 * `isSameJson` must answer exactly as comparing `JSON.stringify` outputs would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone, isSameJson } from '../../src/sim/apiserver/types.ts';

const values = fc.anything({
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: false,
  withMap: false,
  withSet: false,
  withObjectString: false,
  withTypedArray: false,
  withDate: false,
  withBigInt: false,
  maxDepth: 3,
});

describe('clone and isSameJson', () => {
  it('isSameJson(a, b) is JSON.stringify(a) === JSON.stringify(b)', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        expect(isSameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(isSameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('clone copies deeply, as structuredClone does', () => {
    fc.assert(
      fc.property(values, (a) => {
        const copy = clone(a);
        expect(copy).toStrictEqual(structuredClone(a));
        expect(JSON.stringify(copy)).toBe(JSON.stringify(a));
        if (a !== null && typeof a === 'object') expect(copy).not.toBe(a);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps an own __proto__ key as data and shares nothing with the source', () => {
    const source = JSON.parse('{"metadata":{"labels":{"__proto__":"x"}},"list":[{"a":1}]}');
    const copy = clone(source);
    expect(Object.keys(copy.metadata.labels)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(copy.metadata.labels)).toBe(Object.prototype);
    copy.list[0].a = 2;
    expect(source.list[0].a).toBe(1);
  });
});
