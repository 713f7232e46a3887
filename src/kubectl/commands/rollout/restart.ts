/**
 * kubectl rollout restart: stamps `kubectl.kubernetes.io/restartedAt` into the pod template of
 * Deployments, DaemonSets and StatefulSets so their controllers roll every pod
 * (rollout_restart.go, polymorphichelpers/objectrestarter.go).
 */
import { toRFC3339 } from '../../../sim/clock.ts';
import type { KubeObject } from '../../../sim/apiserver/types.ts';
import type { KubectlCommand } from '../../command.ts';
import { checkOutputFormat, OUTPUT_FLAG, reportChange } from '../../change-output.ts';
import { KubectlError } from '../../errors.ts';
import { fileFlags } from '../../file-flags.ts';
import { aggregate } from '../../submit.ts';
import { objectError, rolloutObjects, SELECTOR_FLAGS } from './resources.ts';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

export const restart: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  // rollout_restart.go's second line is indented deeper than the first, so LongDesc renders it
  // as a code block: eight spaces.
  long: 'Restart a resource.\n\n        Resource rollout will be restarted.',
  example: `# Restart all deployments in the test-namespace namespace
kubectl rollout restart deployment -n test-namespace

# Restart a deployment
kubectl rollout restart deployment/nginx

# Restart a daemon set
kubectl rollout restart daemonset/abc

# Restart deployments with the app=nginx label
kubectl rollout restart deployment --selector=app=nginx`,
  usage: 'kubectl rollout restart RESOURCE',
  flags: [...fileFlags('identifying the resource to get from a server.'), ...SELECTOR_FLAGS, OUTPUT_FLAG],
  async run(inv) {
    checkOutputFormat(inv);
    const errors: unknown[] = [];
    const stamp = toRFC3339(inv.cluster.clock.now());
    for (const obj of await rolloutObjects(inv, errors)) {
      if (!RESTARTABLE.has(obj.kind)) {
        errors.push(objectError(obj, 'restarting is not supported'));
        continue;
      }
      if (obj.kind === 'Deployment' && obj.spec?.paused) {
        errors.push(objectError(obj, "can't restart paused deployment (run rollout resume first)"));
        continue;
      }
      if (obj.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === stamp) {
        errors.push(new KubectlError(`failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
        continue;
      }
      const updated = inv.cluster.api.mutate<KubeObject>(obj.kind, obj.metadata.namespace, obj.metadata.name!, (o) => {
        o.spec.template.metadata ??= {};
        o.spec.template.metadata.annotations = { ...(o.spec.template.metadata.annotations ?? {}), [RESTARTED_AT]: stamp };
      });
      reportChange(inv, updated as KubeObject, 'restarted', 'none');
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};
