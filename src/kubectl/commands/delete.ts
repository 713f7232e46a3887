/**
 * kubectl delete: by name, TYPE/NAME, -f, -l, --all; graceful periods, --force, --now, cascading
 * strategies, and waiting for the objects to be gone (staging/src/k8s.io/kubectl/pkg/cmd/delete/
 * delete.go). Success lines are `pod "x" deleted from default namespace` (cluster-scoped objects
 * have no namespace suffix).
 */
import { isNotFound } from '../../sim/apiserver/errors.ts';
import type { ResourceType } from '../../sim/apiserver/resources.ts';
import type { PropagationPolicy } from '../../sim/apiserver/store.ts';
import { dryRunOf, typePrefix, type DryRun } from '../change-output.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError, withSource } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { bool, int, parseDuration, str, strings } from '../flags.ts';
import { readManifests } from '../manifest/read.ts';
import { aggregate } from '../submit.ts';
import { listTargets, NO_RESOURCES_TEXT, parseTargets, namespaceFor } from '../targets.ts';
import { DRY_RUN_FLAG } from '../change-output.ts';

/** One object to delete. */
interface Victim {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  source?: string;
}

/** --cascade → propagation policy, with the deprecation warnings of the boolean forms. */
export function cascadeOf(inv: Invocation): PropagationPolicy {
  const raw = str(inv.parsed, 'cascade') ?? 'background';
  switch (raw) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'true':
      inv.io.err('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
      return 'Background';
    case 'false':
      inv.io.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${raw}). Must be "background", "foreground", or "orphan".`);
  }
}

/** The effective grace period (-1: the object's own default), after --now/--force rules. */
export function gracePeriodOf(inv: Invocation): number {
  let grace = int(inv.parsed, 'grace-period') ?? -1;
  const force = bool(inv.parsed, 'force');
  if (bool(inv.parsed, 'now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  return grace;
}

function deletedLine(v: Victim, operation: string, output: string | undefined): string {
  const kind = typePrefix(v.type);
  if (output === 'name') return `${kind}/${v.name}\n`;
  const where = v.type.namespaced ? ` from ${v.namespace} namespace` : '';
  return `${kind} "${v.name}" ${operation}${where}\n`;
}

export const del: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: "Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run \"kubectl api-resources\" to refresh the discovery cache.",
  example: `# Delete a pod using the type and name specified in pod.json
kubectl delete -f ./pod.json

# Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
kubectl delete -k dir

# Delete resources from all files that end with '.json'
kubectl delete -f '*.json'

# Delete a pod based on the type and name in the JSON passed into stdin
cat pod.json | kubectl delete -f -

# Delete pods and services with same names "baz" and "foo"
kubectl delete pod,service baz foo

# Delete pods and services with label name=myLabel
kubectl delete pods,services -l name=myLabel

# Delete a pod with minimal delay
kubectl delete pod foo --now

# Force delete a pod on a dead node
kubectl delete pod foo --force

# Delete all pods
kubectl delete pods --all

# Delete all pods only if the user confirms the deletion
kubectl delete pods --all --interactive`,
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    ...fileFlags('containing the resource to delete.'),
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'field-selector', type: 'string', help: 'Selector (field query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.' },
    { name: 'all', type: 'bool', help: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'force', type: 'bool', help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'now', type: 'bool', help: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'cascade', type: 'string', default: 'background', help: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'wait', type: 'bool', default: true, help: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    { name: 'timeout', type: 'duration', default: '0s', help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'ignore-not-found', type: 'bool', help: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'output', short: 'o', type: 'string', help: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    DRY_RUN_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    const files = strings(p, 'filename');
    const selector = str(p, 'selector');
    const fieldSelector = str(p, 'field-selector');
    const all = bool(p, 'all');
    const output = str(p, 'output');
    if (output !== undefined && output !== 'name' && output !== '') {
      throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
    }
    const grace = gracePeriodOf(inv);
    const policy = cascadeOf(inv);
    const dryRun: DryRun = dryRunOf(inv);
    const timeoutMs = parseDuration(str(p, 'timeout') ?? '0s');
    if (timeoutMs === undefined) throw new KubectlError(`invalid argument "${str(p, 'timeout')}" for "--timeout" flag: time: invalid duration "${str(p, 'timeout')}"`);
    if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
    const ignoreNotFound = p.set.has('ignore-not-found') ? bool(p, 'ignore-not-found') : all || Boolean(selector) || Boolean(fieldSelector);

    const victims: Victim[] = [];
    const errors: unknown[] = [];
    if (files.length) {
      if (p.args.length) throw new KubectlError('Unexpected args: ' + `[${p.args.join(' ')}]`);
      const read = await readManifests(inv, files, { recursive: bool(p, 'recursive') });
      for (const o of read.objects) {
        victims.push({ type: o.type, namespace: o.type.namespaced ? o.object.metadata.namespace : undefined, name: o.object.metadata.name ?? '', source: o.source });
      }
      if (read.error) errors.push(read.error);
    } else {
      if (p.args.length === 0) throw new KubectlError(NO_RESOURCES_TEXT);
      const spec = parseTargets(p.args);
      if (spec.types.length) {
        if (!all && !selector && !fieldSelector) throw new KubectlError('resource(s) were provided, but no name was specified');
        for (const obj of listTargets(inv, spec.types, selector, { fieldSelector, allNamespaces: bool(p, 'all-namespaces') })) {
          const type = spec.types.find((t) => t.kind === obj.kind)!;
          victims.push({ type, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' });
        }
      }
      for (const n of spec.named) victims.push({ type: n.type, namespace: namespaceFor(inv, n.type), name: n.name });
    }

    if (bool(p, 'force') && grace === 0 && victims.length) {
      inv.io.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    }
    const operation = grace === 0 ? 'force deleted' : 'deleted';
    const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
    const deleted: { v: Victim; uid: string | undefined }[] = [];
    let found = 0;
    for (const v of victims) {
      try {
        const live = inv.cluster.api.get(v.type.kind, v.namespace, v.name);
        found++;
        if (dryRun === 'client') {
          inv.io.out(deletedLine(v, operation + suffix, output));
          continue;
        }
        inv.cluster.api.delete(v.type.kind, v.namespace, v.name, {
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
          propagationPolicy: policy,
          dryRun: dryRun === 'server',
        });
        if (grace === 0 && dryRun === 'none' && v.type.kind === 'Pod') {
          // A force delete removes the pod at once, without waiting for the kubelet.
          inv.cluster.api.finalizeDeletion('Pod', v.namespace, v.name, live.metadata.uid);
        }
        inv.io.out(deletedLine(v, operation + suffix, output));
        deleted.push({ v, uid: live.metadata.uid });
      } catch (e) {
        if (isNotFound(e) && ignoreNotFound) continue;
        errors.push(withSource(e, 'deleting', v.source));
      }
    }
    if (found === 0 && errors.length === 0) {
      inv.io.out('No resources found\n');
      return 0;
    }
    if (errors.length) throw aggregate(inv, errors);
    if (bool(p, 'wait') && dryRun === 'none' && deleted.length) {
      const gone = () =>
        deleted.every(({ v, uid }) => inv.cluster.api.tryGet(v.type.kind, v.namespace, v.name)?.metadata.uid !== uid);
      const limit = timeoutMs > 0 ? timeoutMs : 168 * 3600 * 1000;
      const ok = await inv.host.time.waitUntil(inv.cluster, gone, limit, inv.io.signal);
      if (!ok) {
        const left = deleted.find(({ v, uid }) => inv.cluster.api.tryGet(v.type.kind, v.namespace, v.name)?.metadata.uid === uid)!;
        throw new KubectlError(`timed out waiting for the condition on ${left.v.type.plural}/${left.v.name}`);
      }
    }
    return 0;
  },
};
