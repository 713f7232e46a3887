/**
 * kubectl create secret tls NAME --cert=FILE --key=FILE: a `kubernetes.io/tls` Secret holding
 * `tls.crt` and `tls.key`, after the pair passes tls.X509KeyPair
 * (staging/src/k8s.io/kubectl/pkg/cmd/create/create_secret_tls.go).
 */
import type { KubectlCommand } from '../../command.ts';
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { bool, str } from '../../flags.ts';
import { checkX509KeyPair, KeyPairError } from '../../x509-key-pair.ts';
import { base64Utf8 } from './data-sources.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';
import { APPEND_HASH_FLAG, secretHash } from './secret-hash.ts';

/** os.ReadFile wrapped as create_secret_tls.go's readFile wraps it. */
async function readFileOrFail(inv: Invocation, file: string): Promise<string> {
  if ((await inv.host.readDir(file)) !== undefined) throw new KubectlError(`Cannot read file ${file}, read ${file}: is a directory`);
  const text = await inv.host.readFile(file);
  if (text === undefined) throw new KubectlError(`Cannot read file ${file}, open ${file}: no such file or directory`);
  return text;
}

export const createSecretTls: KubectlCommand = {
  name: 'tls',
  short: 'Create a TLS secret',
  long: "Create a TLS secret from the given public/private key pair.\n\n The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.",
  example: `# Create a new TLS secret named tls-secret with the given key pair
kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key`,
  usage: 'kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'cert', type: 'string', help: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', help: 'Path to private key associated with given certificate.' },
    APPEND_HASH_FLAG,
  ],
  async run(inv) {
    const name = nameArg(inv);
    const certPath = str(inv.parsed, 'cert') ?? '';
    const keyPath = str(inv.parsed, 'key') ?? '';
    if (!certPath || !keyPath) throw new KubectlError('key and cert must be specified');
    const cert = await readFileOrFail(inv, certPath);
    const key = await readFileOrFail(inv, keyPath);
    try {
      checkX509KeyPair(cert, key);
    } catch (e) {
      if (e instanceof KeyPairError) throw new KubectlError(e.message);
      throw e;
    }
    const data = { 'tls.crt': base64Utf8(cert), 'tls.key': base64Utf8(key) };
    const type = 'kubernetes.io/tls';
    const finalName = bool(inv.parsed, 'append-hash') ? `${name}-${secretHash(name, type, data)}` : name;
    const obj = { apiVersion: 'v1', kind: 'Secret', metadata: generatedMeta(inv, finalName, true), data, type };
    // create_secret_tls.go: `failed to create secret: %v`.
    return finishGenerated(inv, obj as never, true, 'failed to create secret: ');
  },
};
