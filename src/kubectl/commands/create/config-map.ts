/** kubectl create configmap NAME [--from-literal=k=v] [--from-file=[key=]path] [--from-env-file=path]. */
import type { KubectlCommand } from '../../command.ts';
import { collectData, DATA_SOURCE_FLAGS } from './data-sources.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';

export const createConfigMap: KubectlCommand = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  long: "Create a config map based on a file, directory, or specified literal value.\n\n A single config map may package one or more key/value pairs.\n\n When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.\n\n When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  example: `# Create a new config map named my-config based on folder bar
kubectl create configmap my-config --from-file=path/to/bar

# Create a new config map named my-config with specified keys instead of file basenames on disk
kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt

# Create a new config map named my-config with key1=config1 and key2=config2
kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2

# Create a new config map named my-config from the key=value pairs in the file
kubectl create configmap my-config --from-file=path/to/bar

# Create a new config map named my-config from an env file
kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [...GENERATOR_FLAGS, ...DATA_SOURCE_FLAGS],
  async run(inv) {
    const name = nameArg(inv);
    const data = await collectData(inv, 'ConfigMap', name);
    const obj: Record<string, unknown> = { apiVersion: 'v1', kind: 'ConfigMap', metadata: generatedMeta(inv, name, true) };
    if (Object.keys(data).length) obj.data = data;
    return finishGenerated(inv, obj as never, true, 'failed to create configmap: ');
  },
};
