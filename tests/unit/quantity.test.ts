import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatQuantity, intValue, isQuantity, milliValue, parseQuantity, quantityValue } from '../../src/sim/apiserver/quantity.ts';

describe('resource.Quantity', () => {
  it('parses binary, decimal SI and exponent suffixes into base units', () => {
    expect(parseQuantity('500m')).toBeCloseTo(0.5);
    expect(parseQuantity('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(parseQuantity('2e3')).toBe(2000);
    expect(parseQuantity('2E3')).toBe(2000);
    expect(parseQuantity('3E')).toBe(3e18);
    expect(parseQuantity('128974848')).toBe(128974848);
    expect(parseQuantity('-.5k')).toBe(-500);
    expect(parseQuantity(' 1Mi ')).toBe(2 ** 20);
    expect(parseQuantity(7)).toBe(7);
    for (const bad of ['', 'Gi', '1GB', '1.2.3', '1 Gi', 'abc']) expect(parseQuantity(bad)).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
    expect(isQuantity('10Gi')).toBe(true);
    expect(isQuantity({})).toBe(false);
    expect(quantityValue('nope')).toBe(0);
    expect(quantityValue(undefined)).toBe(0);
  });

  it('rounds up as MilliValue and Value do', () => {
    expect(milliValue('100m')).toBe(100);
    expect(milliValue('0.1')).toBe(100);
    expect(milliValue('1u')).toBe(1);
    expect(milliValue('2')).toBe(2000);
    expect(milliValue(undefined)).toBe(0);
    expect(intValue('1500m')).toBe(2);
    expect(intValue('128Mi')).toBe(134217728);
    expect(intValue('x')).toBe(0);
  });

  it('prints the canonical form', () => {
    const cases: [string, string][] = [
      ['1024Mi', '1Gi'],
      ['0.5Gi', '512Mi'],
      ['1500m', '1500m'],
      ['1000m', '1'],
      ['2000', '2k'],
      ['1e3', '1k'],
      ['1.5', '1500m'],
      ['0', '0'],
      ['100Ki', '100Ki'],
      ['1536Ki', '1536Ki'],
      ['0.1Ki', '102400m'],
      ['not-a-quantity', 'not-a-quantity'],
    ];
    for (const [input, out] of cases) expect(formatQuantity(input), input).toBe(out);
    expect(formatQuantity('')).toBe('0');
    expect(formatQuantity(undefined)).toBe('0');
  });

  it('formatting keeps the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('', 'm', 'k', 'M', 'Ki', 'Mi', 'Gi'), (n, suffix) => {
        const text = `${n}${suffix}`;
        expect(parseQuantity(formatQuantity(text))).toBeCloseTo(parseQuantity(text)!, 6);
      }),
    );
  });
});
