import { describe, expect, test } from 'vitest';
import { decodeBase64 } from '../../../src/sim/apiserver/base64.ts';
import { checkX509KeyPair, decodePem } from '../../../src/kubectl/x509-key-pair.ts';
import { makeHarness } from './harness.ts';
import { EC_CERT, EC_KEY, OTHER_RSA_KEY, RSA_CERT, RSA_KEY, RSA_PKCS1_KEY } from './tls-fixtures.ts';

/** The PEM with one bit of its DER flipped at `offset`. */
function flipBit(pem: string, type: string, offset: number): string {
  const der = Buffer.from(pem.split('\n').filter((l) => l && !l.startsWith('-----')).join(''), 'base64');
  der[offset] = der[offset]! ^ 1;
  return `-----BEGIN ${type}-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${type}-----\n`;
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

describe('kubectl create secret tls', () => {
  test('--dry-run=client -o yaml, create, and the stored object', async () => {
    const h = makeHarness();
    h.files.set('tls.crt', RSA_CERT);
    h.files.set('tls.key', RSA_KEY);
    expect(await h.run('create secret tls web-tls --cert=tls.crt --key=tls.key --dry-run=client -o yaml')).toEqual({
      out: `apiVersion: v1\ndata:\n  tls.crt: ${b64(RSA_CERT)}\n  tls.key: ${b64(RSA_KEY)}\nkind: Secret\nmetadata:\n  name: web-tls\ntype: kubernetes.io/tls\n`,
      err: '',
      code: 0,
    });
    expect(h.cluster.api.tryGet('Secret', 'default', 'web-tls')).toBeUndefined();
    expect((await h.run('create secret tls web-tls --cert=tls.crt --key=tls.key -n kube-public --dry-run=client -o yaml')).out).toContain(
      'metadata:\n  name: web-tls\n  namespace: kube-public\n',
    );
    expect((await h.run('create secret tls web-tls --cert=/root/tls.crt --key=tls.key')).out).toBe('secret/web-tls created\n');
    const s = h.cluster.api.get('Secret', 'default', 'web-tls');
    expect(s.type).toBe('kubernetes.io/tls');
    expect(decodeBase64(s.data['tls.crt'])).toBe(RSA_CERT);
    expect(decodeBase64(s.data['tls.key'])).toBe(RSA_KEY);
    expect((await h.run('create secret tls web-tls --cert=tls.crt --key=tls.key')).err).toBe('error: failed to create secret: secrets "web-tls" already exists\n');
    // --append-hash: the suffix Go's hash.SecretHash gives for the same Secret.
    expect((await h.run('create secret tls web-tls --cert=tls.crt --key=tls.key --append-hash')).out).toBe('secret/web-tls-bb58469c7h created\n');
    expect((await h.run('get secret web-tls')).out).toMatch(/^NAME\s+TYPE\s+DATA\s+AGE\nweb-tls\s+kubernetes.io\/tls\s+2\s+/);
  });

  test('key pairs Go accepts and refuses, with its texts', async () => {
    const h = makeHarness();
    const pairs: Record<string, string> = {
      'rsa.crt': RSA_CERT,
      'rsa.key': RSA_KEY,
      'rsa-pkcs1.key': RSA_PKCS1_KEY,
      'other.key': OTHER_RSA_KEY,
      'ec.crt': EC_CERT,
      'ec.key': EC_KEY,
      'junk.txt': 'junk',
      'both.pem': RSA_KEY + RSA_CERT,
      'foobar.pem': '-----BEGIN FOO-----\naGVsbG8=\n-----END FOO-----\n-----BEGIN BAR-----\naGVsbG8=\n-----END BAR-----\n',
      'badder.crt': '-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----\n',
      'badder.key': '-----BEGIN PRIVATE KEY-----\naGVsbG8=\n-----END PRIVATE KEY-----\n',
      'badb64.crt': '-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n',
      // One bit off in the private exponent, and in the modulus: rsa.PrivateKey.Validate refuses both.
      'bad-d.key': flipBit(RSA_PKCS1_KEY, 'RSA PRIVATE KEY', 200),
      'bad-n.key': flipBit(RSA_PKCS1_KEY, 'RSA PRIVATE KEY', 20),
    };
    for (const [k, v] of Object.entries(pairs)) h.files.set(k, v);
    // Each verdict was checked against Go's tls.X509KeyPair on the same files.
    const verdicts: [string, string, string][] = [
      ['rsa.crt', 'rsa.key', ''],
      ['rsa.crt', 'rsa-pkcs1.key', ''],
      ['ec.crt', 'ec.key', ''],
      ['rsa.crt', 'both.pem', ''],
      ['rsa.crt', 'other.key', 'tls: private key does not match public key'],
      ['rsa.crt', 'ec.key', 'tls: private key type does not match public key type'],
      ['ec.crt', 'rsa.key', 'tls: private key type does not match public key type'],
      ['junk.txt', 'rsa.key', 'tls: failed to find any PEM data in certificate input'],
      ['badb64.crt', 'rsa.key', 'tls: failed to find any PEM data in certificate input'],
      ['rsa.key', 'rsa.key', 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched'],
      ['foobar.pem', 'rsa.key', 'tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [FOO BAR]'],
      ['rsa.crt', 'junk.txt', 'tls: failed to find any PEM data in key input'],
      ['rsa.crt', 'rsa.crt', 'tls: found a certificate rather than a key in the PEM for the private key'],
      ['both.pem', 'rsa.crt', 'tls: found a certificate rather than a key in the PEM for the private key'],
      ['rsa.crt', 'foobar.pem', 'tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [FOO BAR]'],
      ['badder.crt', 'rsa.key', 'x509: malformed certificate'],
      ['rsa.crt', 'badder.key', 'tls: failed to parse private key'],
      ['rsa.crt', 'bad-d.key', 'tls: failed to parse private key'],
      ['rsa.crt', 'bad-n.key', 'tls: failed to parse private key'],
    ];
    for (const [cert, key, error] of verdicts) {
      const r = await h.run(`create secret tls t --cert=${cert} --key=${key} --dry-run=client -o name`);
      expect(r, `${cert} ${key}`).toEqual(error ? { out: '', err: `error: ${error}\n`, code: 1 } : { out: 'secret/t\n', err: '', code: 0 });
    }
  });

  test('missing flags, files and names', async () => {
    const h = makeHarness();
    h.files.set('tls.key', RSA_KEY);
    h.files.set('certs/a', 'x');
    expect((await h.run('create secret tls x')).err).toBe('error: key and cert must be specified\n');
    expect((await h.run('create secret tls x --cert=tls.crt')).err).toBe('error: key and cert must be specified\n');
    expect((await h.run('create secret tls x --cert=nope.crt --key=tls.key')).err).toBe('error: Cannot read file nope.crt, open nope.crt: no such file or directory\n');
    expect((await h.run('create secret tls x --cert=certs --key=tls.key')).err).toBe('error: Cannot read file certs, read certs: is a directory\n');
    expect((await h.run('create secret tls --cert=tls.crt --key=tls.key')).err).toMatch(/^error: exactly one NAME is required, got 0\n/);
  });

  test('decodePem skips malformed blocks and reads on, as pem.Decode does', () => {
    const good = '-----BEGIN A-----\naGk=\n-----END A-----\n';
    expect(decodePem(`-----BEGIN B-----\nno end\n${good}`)?.[0]).toEqual({ type: 'A', bytes: new Uint8Array([104, 105]) });
    expect(decodePem('-----BEGIN A-----\naGk=\n-----END B-----\n')).toBeUndefined();
    expect(decodePem('-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\n\naGk=\n-----END A-----\ntail')).toEqual([{ type: 'A', bytes: new Uint8Array([104, 105]) }, 'tail']);
    expect(decodePem(good.replace('aGk=', 'aGk'))).toBeUndefined();
    expect(() => checkX509KeyPair(RSA_CERT.replace(/\n/g, '\r\n'), RSA_KEY)).not.toThrow();
  });
});

describe('kubectl create secret docker-registry', () => {
  test('the .dockerconfigjson Go writes, and the Secret', async () => {
    const h = makeHarness();
    const r = await h.run('create secret docker-registry regcred --docker-server=reg.example.com:5000 --docker-username=u --docker-password=p --docker-email=a@b.c --dry-run=client -o yaml');
    // The same bytes as json.Marshal of DockerConfigJSON.
    const json = '{"auths":{"reg.example.com:5000":{"username":"u","password":"p","email":"a@b.c","auth":"dTpw"}}}';
    expect(r).toEqual({
      out: `apiVersion: v1\ndata:\n  .dockerconfigjson: ${b64(json)}\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\n`,
      err: '',
      code: 0,
    });
    // The default server, no email, and Go's HTML-safe escapes.
    expect((await h.run(["create", "secret", "docker-registry", "regcred", "--docker-username=us<er", "--docker-password=p&ss"])).out).toBe('secret/regcred created\n');
    const s = h.cluster.api.get('Secret', 'default', 'regcred');
    expect(s.type).toBe('kubernetes.io/dockerconfigjson');
    expect(decodeBase64(s.data['.dockerconfigjson'])).toBe(
      '{"auths":{"https://index.docker.io/v1/":{"username":"us\\u003cer","password":"p\\u0026ss","auth":"dXM8ZXI6cCZzcw=="}}}',
    );
    expect((await h.run('create secret docker-registry regcred --docker-username=u --docker-password=p --append-hash -o name')).out).toBe('secret/regcred-c8bk97m7m4\n');
    expect((await h.run('create secret docker-registry regcred --docker-username=u --docker-password=p')).err).toBe(
      'error: failed to create secret secrets "regcred" already exists\n',
    );
  });

  test('--from-file, and the flags it needs otherwise', async () => {
    const h = makeHarness();
    h.files.set('config.json', '{"auths":{}}');
    expect((await h.run('create secret docker-registry a --from-file=.dockerconfigjson=config.json')).out).toBe('secret/a created\n');
    expect(decodeBase64(h.cluster.api.get('Secret', 'default', 'a').data['.dockerconfigjson'])).toBe('{"auths":{}}');
    expect((await h.run('create secret docker-registry b --from-file=config.json')).err).toBe(
      'error: failed to create secret Secret "b" is invalid: data[.dockerconfigjson]: Required value\n',
    );
    const need = 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n';
    expect((await h.run('create secret docker-registry c')).err).toBe(need);
    expect((await h.run('create secret docker-registry c --docker-username=u')).err).toBe(need);
    expect((await h.run('create secret docker-registry c --docker-username=u --docker-password=p --docker-server=')).err).toBe(need);
  });
});
