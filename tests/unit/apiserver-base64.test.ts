import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ErrorOffset, decodeBase64, encodeBase64 } from '../../src/sim/apiserver/base64.ts';
import { parseQuantity } from '../../src/sim/apiserver/quantity.ts';

describe('base64 (Secret data)', () => {
  it('round-trips any text and what it encodes is valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const encoded = encodeBase64(text);
        expect(base64ErrorOffset(encoded)).toBe(-1);
        expect(decodeBase64(encoded)).toBe(text);
      }),
    );
  });

  it('matches the platform encoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(encodeBase64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      }),
    );
  });

  it('reports the offset Go reports', () => {
    expect(base64ErrorOffset('abc')).toBe(0);
    expect(base64ErrorOffset('abcde')).toBe(4);
    expect(base64ErrorOffset('ab$d')).toBe(2);
    expect(base64ErrorOffset('YWRtaW4=')).toBe(-1);
    expect(base64ErrorOffset('YWRtaW4=\n')).toBe(-1);
    expect(base64ErrorOffset('=abc')).toBe(0);
  });
});

describe('quantities', () => {
  it('parses the suffixes', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('2e3')).toBe(2000);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1 Gi')).toBeUndefined();
  });
});
