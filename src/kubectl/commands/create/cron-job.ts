/** kubectl create cronjob NAME --image=IMAGE --schedule='* * * * *' [--restart] [-- COMMAND args…]. */
import type { KubectlCommand } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { str } from '../../flags.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg, requireFlag } from './generated.ts';

export const createCronJob: KubectlCommand = {
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  long: "Create a cron job with the specified name.",
  example: `# Create a cron job
kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"

# Create a cron job with a command
kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`,
  usage: 'kubectl create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'string', help: 'Image name to run.' },
    { name: 'schedule', type: 'string', help: 'A schedule in the Cron format the job should be run with.' },
    { name: 'restart', type: 'string', help: 'job\'s restart policy. supported values: OnFailure, Never' },
  ],
  async run(inv) {
    const name = nameArg(inv);
    requireFlag(inv, 'image');
    requireFlag(inv, 'schedule');
    const restart = str(inv.parsed, 'restart') || 'OnFailure';
    if (restart !== 'OnFailure' && restart !== 'Never') {
      throw new KubectlError(`restart policy must be one of: OnFailure, Never`);
    }
    const container: Record<string, unknown> = { image: str(inv.parsed, 'image'), name, resources: {} };
    if (inv.parsed.rest.length) container.command = inv.parsed.rest;
    const obj = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: generatedMeta(inv, name, true),
      spec: {
        jobTemplate: {
          metadata: { name },
          spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: restart } } },
        },
        schedule: str(inv.parsed, 'schedule'),
      },
      status: {},
    };
    return finishGenerated(inv, obj as never, true);
  },
};
