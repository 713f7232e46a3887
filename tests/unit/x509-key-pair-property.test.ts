import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkX509KeyPair, decodePem, KeyPairError } from '../../src/kubectl/x509-key-pair.ts';
import { EC_CERT, EC_KEY, RSA_CERT, RSA_KEY } from '../golden/kubectl/tls-fixtures.ts';

/** Replaces one character of `text` (inside the base64 body when `at` lands there). */
function mutate(text: string, at: number, ch: string): string {
  const i = at % text.length;
  return text.slice(0, i) + ch + text.slice(i + 1);
}

/** The verdict: '' when the pair loads, else the error text; anything but a KeyPairError fails the test. */
function verdict(cert: string, key: string): string {
  try {
    checkX509KeyPair(cert, key);
    return '';
  } catch (e) {
    if (!(e instanceof KeyPairError)) throw e;
    expect(e.message).toMatch(/^(tls|x509): /);
    return e.message;
  }
}

describe('X509KeyPair checks on free-form input', () => {
  test('any text: pem.Decode ends, and the pair check fails only with Go-worded errors', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), (cert, key) => {
        decodePem(cert);
        expect(verdict(cert, key)).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  test('a corrupted character in a real certificate or key never crashes the DER reader', () => {
    const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-\n '.split(''));
    fc.assert(
      fc.property(fc.nat(), alphabet, fc.boolean(), fc.boolean(), (at, ch, onCert, rsa) => {
        const cert = rsa ? RSA_CERT : EC_CERT;
        const key = rsa ? RSA_KEY : EC_KEY;
        if (onCert) verdict(mutate(cert, at, ch), key);
        else verdict(cert, mutate(key, at, ch));
      }),
      { numRuns: 1000 },
    );
  });

  test('random DER bodies in well-formed PEM blocks are refused, not thrown', () => {
    const block = (type: string, bytes: Uint8Array) => `-----BEGIN ${type}-----\n${btoa(String.fromCharCode(...bytes))}\n-----END ${type}-----\n`;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (c, k) => {
        expect(verdict(block('CERTIFICATE', c), RSA_KEY)).not.toBe('');
        expect(verdict(RSA_CERT, block('PRIVATE KEY', k))).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
