/**
 * kubectl create -f FILE | create <generator> NAME …: creates objects from manifests (streaming:
 * objects before a failure are still created, every failure is reported, exit 1) or from a
 * generator (staging/src/k8s.io/kubectl/pkg/cmd/create/).
 */
import type { KubeObject } from '../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError, RawError, withSource } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { commandHelp } from '../help.ts';
import { bool, strings } from '../flags.ts';
import { readManifests } from '../manifest/read.ts';
import { aggregate, submitCreate, validationOf, VALIDATE_FLAG } from '../submit.ts';
import { createConfigMap } from './create/config-map.ts';
import { createCronJob } from './create/cron-job.ts';
import { createDeployment } from './create/deployment.ts';
import { createJob } from './create/job.ts';
import { createNamespace } from './create/namespace.ts';
import { createPriorityClass } from './create/priority-class.ts';
import { createSecret } from './create/secret.ts';
import { createService } from './create/service.ts';
import { createServiceAccount } from './create/service-account.ts';
import { LAST_APPLIED, lastAppliedText } from './apply.ts';

export const create: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  example: `# Create a pod using the data in pod.json
kubectl create -f ./pod.json

# Create a pod based on the JSON passed into stdin
cat pod.json | kubectl create -f -

# Edit the data in registry.yaml in JSON then create the resource using the edited data
kubectl create -f registry.yaml --edit -o json`,
  usage: 'kubectl create -f FILENAME',
  flags: [
    ...fileFlags('to use to create the resource'),
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
    { name: 'save-config', type: 'bool', help: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-create', help: 'Name of the manager used to track field ownership.' },
  ],
  subcommands: [
    createConfigMap,
    createCronJob,
    createDeployment,
    createJob,
    createNamespace,
    createPriorityClass,
    createSecret,
    createService,
    createServiceAccount,
  ],
  async run(inv) {
    const files = strings(inv.parsed, 'filename');
    const args = inv.parsed.args;
    if (files.length === 0) {
      // create.go: this line first, then DefaultSubCommandRun on stderr: RequireNoArguments'
      // usage error for stray arguments, else the help; exit 1 either way.
      const first = 'Error: must specify one of -f and -k\n\n';
      if (args.length) {
        throw new RawError(`${first}error: unknown command "${args.join(' ')}"\nSee 'kubectl create -h' for help and examples\n`);
      }
      throw new RawError(first + commandHelp(create, 'create'));
    }
    if (args.length > 0) throw new KubectlError(`Unexpected args: [${args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const validation = validationOf(inv);
    const read = await readManifests(inv, files, { recursive: bool(inv.parsed, 'recursive') });
    if (read.objects.length === 0 && !read.error) throw new KubectlError('no objects passed to create');
    const errors: unknown[] = [];
    let count = 0;
    for (const item of read.objects) {
      let obj: KubeObject = item.object;
      if (bool(inv.parsed, 'save-config')) {
        obj = structuredClone(obj);
        obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedText(item.object) };
      }
      try {
        const created = submitCreate(inv, obj, dryRun, validation);
        reportChange(inv, created as KubeObject, 'created', dryRun, count++);
      } catch (e) {
        errors.push(withSource(e, 'creating', item.source));
      }
    }
    if (read.error) errors.push(read.error);
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};
