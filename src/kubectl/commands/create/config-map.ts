/** kubectl create configmap NAME [--from-literal=k=v] [--from-file=[key=]path] [--from-env-file=path]. */
import type { KubectlCommand } from '../../command.ts';
import { collectData, DATA_SOURCE_FLAGS } from './data-sources.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';

export const createConfigMap: KubectlCommand = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
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
