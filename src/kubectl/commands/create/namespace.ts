/** kubectl create namespace NAME. */
import type { KubectlCommand } from '../../command.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';

export const createNamespace: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: "Create a namespace with the specified name.",
  example: `# Create a new namespace named my-namespace
kubectl create namespace my-namespace`,
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none]',
  flags: GENERATOR_FLAGS,
  async run(inv) {
    const name = nameArg(inv);
    return finishGenerated(inv, { apiVersion: 'v1', kind: 'Namespace', metadata: generatedMeta(inv, name, false) as never, spec: {}, status: {} }, false);
  },
};
