/**
 * kubectl rollout pause: sets spec.paused on Deployments; `deployment.apps/web paused`, or
 * `error: deployments.apps "web" is already paused` (rollout_pause.go, polymorphichelpers/objectpauser.go).
 */
import type { KubeObject } from '../../../sim/apiserver/types.ts';
import type { KubectlCommand } from '../../command.ts';
import { checkOutputFormat, OUTPUT_FLAG, reportChange } from '../../change-output.ts';
import { fileFlags } from '../../file-flags.ts';
import { aggregate } from '../../submit.ts';
import { objectError, rolloutObjects, SELECTOR_FLAGS } from './resources.ts';

export const pause: KubectlCommand = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: 'Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.',
  example: `# Mark the nginx deployment as paused
# Any current state of the deployment will continue its function; new updates
# to the deployment will not have an effect as long as the deployment is paused
kubectl rollout pause deployment/nginx`,
  usage: 'kubectl rollout pause RESOURCE',
  flags: [...fileFlags('identifying the resource to get from a server.'), ...SELECTOR_FLAGS, OUTPUT_FLAG],
  async run(inv) {
    checkOutputFormat(inv);
    const errors: unknown[] = [];
    for (const obj of await rolloutObjects(inv, errors)) {
      if (obj.kind !== 'Deployment') {
        errors.push(objectError(obj, 'pausing is not supported'));
        continue;
      }
      if (obj.spec?.paused) {
        errors.push(objectError(obj, 'is already paused'));
        continue;
      }
      const updated = inv.cluster.api.mutate<KubeObject>('Deployment', obj.metadata.namespace, obj.metadata.name!, (d) => void (d.spec.paused = true));
      reportChange(inv, updated as KubeObject, 'paused', 'none');
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};
