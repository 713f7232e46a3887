/**
 * kubectl rollout resume: clears spec.paused on Deployments; `deployment.apps/web resumed`, or
 * `error: deployments.apps "web" is not paused` (rollout_resume.go, polymorphichelpers/objectresumer.go).
 */
import type { KubeObject } from '../../../sim/apiserver/types.ts';
import type { KubectlCommand } from '../../command.ts';
import { checkOutputFormat, OUTPUT_FLAG, reportChange } from '../../change-output.ts';
import { fileFlags } from '../../file-flags.ts';
import { aggregate } from '../../submit.ts';
import { objectError, rolloutObjects, SELECTOR_FLAGS } from './resources.ts';

export const resume: KubectlCommand = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: 'Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.',
  example: `# Resume an already paused deployment
kubectl rollout resume deployment/nginx`,
  usage: 'kubectl rollout resume RESOURCE',
  flags: [...fileFlags('identifying the resource to get from a server.'), ...SELECTOR_FLAGS, OUTPUT_FLAG],
  async run(inv) {
    checkOutputFormat(inv);
    const errors: unknown[] = [];
    for (const obj of await rolloutObjects(inv, errors)) {
      if (obj.kind !== 'Deployment') {
        errors.push(objectError(obj, 'resuming is not supported'));
        continue;
      }
      if (!obj.spec?.paused) {
        errors.push(objectError(obj, 'is not paused'));
        continue;
      }
      const updated = inv.cluster.api.mutate<KubeObject>('Deployment', obj.metadata.namespace, obj.metadata.name!, (d) => void delete d.spec.paused);
      reportChange(inv, updated as KubeObject, 'resumed', 'none');
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};
