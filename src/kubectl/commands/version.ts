/**
 * kubectl version: client and server versions.
 */
import { KUBELET_VERSION } from '../../sim/bootstrap.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { str } from '../flags.ts';

export const KUSTOMIZE_VERSION = 'v5.7.1';

export const version: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  long: "Print the client and server version information for the current context.",
  example: `# Print the client and server versions for the current context
kubectl version`,
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', help: "One of 'yaml' or 'json'." },
    { name: 'client', type: 'bool', help: 'If true, shows client version only (no server required).' },
  ],
  async run(inv) {
    const client = { major: '1', minor: '34', gitVersion: KUBELET_VERSION, platform: 'linux/amd64' };
    const server = { major: '1', minor: '34', gitVersion: KUBELET_VERSION, platform: 'linux/amd64' };
    const onlyClient = inv.parsed.flags.get('client') === true;
    const output = str(inv.parsed, 'output');
    if (output === 'json' || output === 'yaml') {
      const doc: Record<string, unknown> = { clientVersion: client, kustomizeVersion: KUSTOMIZE_VERSION };
      if (!onlyClient) doc.serverVersion = server;
      inv.io.out(output === 'json' ? JSON.stringify(doc, null, 2) + '\n' : toYamlLike(doc));
      return 0;
    }
    if (output !== undefined) throw new KubectlError(`--output must be 'yaml' or 'json'`);
    inv.io.out(`Client Version: ${client.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!onlyClient) inv.io.out(`Server Version: ${server.gitVersion}\n`);
    return 0;
  },
};

function toYamlLike(doc: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (typeof v === 'object' && v) {
      lines.push(`${k}:`);
      for (const [k2, v2] of Object.entries(v)) lines.push(`  ${k2}: "${v2}"`);
    } else lines.push(`${k}: ${v}`);
  }
  return lines.join('\n') + '\n';
}
