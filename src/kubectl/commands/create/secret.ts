/**
 * kubectl create secret generic NAME [--type] [--from-literal] [--from-file] [--from-env-file]; the
 * docker-registry and tls sub-commands live in their own files.
 */
import type { KubectlCommand } from '../../command.ts';
import { str } from '../../flags.ts';
import { base64Utf8, collectData, DATA_SOURCE_FLAGS } from './data-sources.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';
import { createSecretDockerRegistry } from './secret-docker-registry.ts';
import { createSecretTls } from './secret-tls.ts';

const generic: KubectlCommand = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  long: "Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.\n\n When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.\n\n When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  example: `# Create a new secret named my-secret with keys for each file in folder bar
kubectl create secret generic my-secret --from-file=path/to/bar

# Create a new secret named my-secret with specified keys instead of names on disk
kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub

# Create a new secret named my-secret with key1=supersecret and key2=topsecret
kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret

# Create a new secret named my-secret using a combination of a file and a literal
kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret

# Create a new secret named my-secret from env files
kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  usage: 'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [...GENERATOR_FLAGS, ...DATA_SOURCE_FLAGS, { name: 'type', type: 'string', help: 'The type of secret to create' }],
  async run(inv) {
    const name = nameArg(inv);
    const data = await collectData(inv, 'Secret', name);
    const obj: Record<string, unknown> = { apiVersion: 'v1', kind: 'Secret', metadata: generatedMeta(inv, name, true) };
    if (Object.keys(data).length) {
      obj.data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64Utf8(v)]));
    }
    const type = str(inv.parsed, 'type');
    if (type) obj.type = type;
    // create_secret.go wraps the server's error: `failed to create secret: %v`.
    return finishGenerated(inv, obj as never, true, 'failed to create secret: ');
  },
};

export const createSecret: KubectlCommand = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  long: 'Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.',
  usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
  flags: [],
  subcommands: [createSecretDockerRegistry, generic, createSecretTls],
};
