/** kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND args…]. */
import type { KubectlCommand } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { int, strings } from '../../flags.ts';
import { containerNameFromImage, finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg, requireFlag } from './generated.ts';

export const createDeployment: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: "Create a deployment with the specified name.",
  example: `# Create a deployment named my-dep that runs the busybox image
kubectl create deployment my-dep --image=busybox

# Create a deployment with a command
kubectl create deployment my-dep --image=busybox -- date

# Create a deployment named my-dep that runs the nginx image with 3 replicas
kubectl create deployment my-dep --image=nginx --replicas=3

# Create a deployment named my-dep that runs the busybox image and expose port 5701
kubectl create deployment my-dep --image=busybox --port=5701

# Create a deployment named my-dep that runs multiple containers
kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'stringArray', help: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, help: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, help: 'The containerPort that this deployment exposes.' },
  ],
  async run(inv) {
    const name = nameArg(inv);
    requireFlag(inv, 'image');
    const images = strings(inv.parsed, 'image');
    const command = inv.parsed.rest;
    if (images.length > 1 && command.length > 0) {
      throw new KubectlError('cannot specify multiple --image options and command');
    }
    const port = int(inv.parsed, 'port') ?? -1;
    const labels = { app: name };
    const containers = images.map((image) => {
      const c: Record<string, unknown> = { image, name: containerNameFromImage(image), resources: {} };
      if (command.length) c.command = command;
      if (port >= 0) c.ports = [{ containerPort: port }];
      return c;
    });
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: generatedMeta(inv, name, true, { labels }),
      spec: {
        replicas: int(inv.parsed, 'replicas') ?? 1,
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { labels }, spec: { containers } },
      },
      status: {},
    };
    return finishGenerated(inv, obj as never, true);
  },
};
