/**
 * kubectl scale: sets spec.replicas of Deployments, ReplicaSets and StatefulSets through the scale
 * subresource, optionally only when `--current-replicas` matches
 * (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go, pkg/scale/scale.go).
 */
import { ApiError } from '../../sim/apiserver/errors.ts';
import type { KubeObject, Stored } from '../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { bool, int, str, strings } from '../flags.ts';
import { readAllManifests } from '../manifest/read.ts';
import { aggregate } from '../submit.ts';
import { getTarget, listTargets, NO_RESOURCES_TEXT, parseTargets } from '../targets.ts';

/** Kinds with a scale subresource. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const scale: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: "Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.",
  example: `# Scale a replica set named 'foo' to 3
kubectl scale --replicas=3 rs/foo

# Scale a resource identified by type and name specified in "foo.yaml" to 3
kubectl scale --replicas=3 -f foo.yaml

# If the deployment named mysql's current size is 2, scale mysql to 3
kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

# Scale multiple replication controllers
kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3

# Scale stateful set named 'web' to 3
kubectl scale --replicas=3 statefulset/web`,
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    ...fileFlags('identifying the resource to set a new size'),
    { name: 'replicas', type: 'int', default: -1, help: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', type: 'int', default: -1, help: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'resource-version', type: 'string', help: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on.' },
    { name: 'all', type: 'bool', help: 'Select all resources in the namespace of the specified resource types' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    checkOutputFormat(inv);
    const replicas = int(p, 'replicas') ?? -1;
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (replicas >= 2 ** 31) {
      throw new KubectlError(`invalid argument "${replicas}" for "--replicas" flag: strconv.ParseInt: parsing "${replicas}": value out of range`);
    }
    const current = int(p, 'current-replicas') ?? -1;
    const resourceVersion = str(p, 'resource-version');
    const dryRun = dryRunOf(inv);
    const files = strings(p, 'filename');
    const errors: unknown[] = [];
    let targets: Stored<KubeObject>[] = [];
    if (files.length) {
      for (const m of await readAllManifests(inv, files, { recursive: bool(p, 'recursive') })) {
        try {
          targets.push(inv.cluster.api.get(m.type.kind, m.object.metadata.namespace, m.object.metadata.name ?? ''));
        } catch (e) {
          errors.push(e);
        }
      }
    } else {
      if (p.args.length === 0) throw new KubectlError(NO_RESOURCES_TEXT);
      const t = parseTargets(p.args);
      if (t.types.length) {
        if (!bool(p, 'all') && !str(p, 'selector')) throw new KubectlError('resource(s) were provided, but no name was specified');
        targets = listTargets(inv, t.types, str(p, 'selector'));
      }
      for (const n of t.named) {
        try {
          targets.push(getTarget(inv, n));
        } catch (e) {
          errors.push(e);
        }
      }
    }
    if (targets.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to scale');
    if (targets.length > 1 && (current !== -1 || resourceVersion)) {
      throw new KubectlError('cannot use --resource-version or --current-replicas with multiple resources');
    }
    let count = 0;
    for (const obj of targets) {
      try {
        if (!SCALABLE.has(obj.kind)) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
        const have = obj.spec?.replicas ?? 1;
        if (current !== -1 && have !== current) {
          throw new KubectlError(`Expected replicas to be ${current}, was ${have}`);
        }
        if (resourceVersion && obj.metadata.resourceVersion !== resourceVersion) {
          const t = inv.cluster.api.type(obj.kind);
          throw new ApiError('Conflict', 409, `Operation cannot be fulfilled on ${t.group ? `${t.plural}.${t.group}` : t.plural} "${obj.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
        }
        const copy = structuredClone(obj) as KubeObject;
        copy.spec = { ...copy.spec, replicas };
        const result = dryRun === 'client' ? copy : (inv.cluster.api.update(copy, { dryRun: dryRun === 'server' }) as KubeObject);
        reportChange(inv, result, 'scaled', dryRun, count++);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};
