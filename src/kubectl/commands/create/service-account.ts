/** kubectl create serviceaccount NAME. */
import type { KubectlCommand } from '../../command.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';

export const createServiceAccount: KubectlCommand = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  long: "Create a service account with the specified name.",
  example: `# Create a new service account named my-service-account
kubectl create serviceaccount my-service-account`,
  usage: 'kubectl create serviceaccount NAME [--dry-run=server|client|none]',
  flags: GENERATOR_FLAGS,
  async run(inv) {
    const name = nameArg(inv);
    return finishGenerated(inv, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: generatedMeta(inv, name, true) as never }, true);
  },
};
