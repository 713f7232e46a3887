/** kubectl create job NAME --image=IMAGE [-- COMMAND args…] | --from=cronjob/NAME. */
import { resolveResource } from '../../../sim/apiserver/resources.ts';
import type { KubectlCommand } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { str } from '../../flags.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';

export const createJob: KubectlCommand = {
  name: 'job',
  short: 'Create a job with the specified name',
  long: "Create a job with the specified name.",
  example: `# Create a job
kubectl create job my-job --image=busybox

# Create a job with a command
kubectl create job my-job --image=busybox -- date

# Create a job from a cron job named "a-cronjob"
kubectl create job test-job --from=cronjob/a-cronjob`,
  usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'string', help: 'Image name to run.' },
    { name: 'from', type: 'string', help: 'The name of the resource to create a Job from (only cronjob is supported).' },
  ],
  async run(inv) {
    const name = nameArg(inv);
    const image = str(inv.parsed, 'image');
    const from = str(inv.parsed, 'from');
    if (!image && !from) throw new KubectlError('either --image or --from must be specified');
    if (image && from) throw new KubectlError('--image and --from are mutually exclusive');
    if (from) {
      const [typeWord, fromName] = from.split('/');
      const t = typeWord ? resolveResource(typeWord) : undefined;
      if (!t || t.kind !== 'CronJob' || !fromName) {
        throw new KubectlError(`from must be an existing cronjob: ${from}`);
      }
      const cj = inv.cluster.api.get('CronJob', inv.namespace, fromName);
      const tmpl = cj.spec?.jobTemplate ?? {};
      const obj = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: generatedMeta(inv, name, true, {
          annotations: { ...(tmpl.metadata?.annotations ?? {}), 'cronjob.kubernetes.io/instantiate': 'manual' },
          ...(tmpl.metadata?.labels ? { labels: tmpl.metadata.labels } : {}),
          ownerReferences: [
            { apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid },
          ],
        }),
        spec: structuredClone(tmpl.spec ?? {}),
        status: {},
      };
      return finishGenerated(inv, obj as never, true);
    }
    const container: Record<string, unknown> = { image, name, resources: {} };
    if (inv.parsed.rest.length) container.command = inv.parsed.rest;
    const obj = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: generatedMeta(inv, name, true),
      spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } },
      status: {},
    };
    return finishGenerated(inv, obj as never, true);
  },
};
