/**
 * kubectl wait --for=condition=X[=value] | --for=delete | --for=create |
 * --for=jsonpath='{…}'[=value]: lets cluster time pass until every selected object satisfies the
 * condition, printing `pod/x condition met`, or fails with the timeout error
 * (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go, condition.go, json.go).
 */
import type { ResourceType } from '../../sim/apiserver/resources.ts';
import type { KubeObject, Stored } from '../../sim/apiserver/types.ts';
import { nameRef } from '../change-output.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { bool, parseDuration, str, strings } from '../flags.ts';
import { JsonPath, JsonPathError, relaxedJsonPath } from '../format/jsonpath.ts';
import { readAllManifests } from '../manifest/read.ts';
import { getTarget, listTargets, namespaceFor, NO_RESOURCES_TEXT, parseTargets } from '../targets.ts';

type Condition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; path: JsonPath; value: string | undefined };

/** One watched object: found (uid) or still expected by name. */
interface Watched {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  uid?: string;
}

function parseFor(text: string | undefined): Condition {
  if (!text) throw new KubectlError('--for must be specified');
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq === -1 ? { kind: 'condition', type: rest, value: 'true' } : { kind: 'condition', type: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length);
    const close = rest.lastIndexOf('}');
    let expr = rest;
    let value: string | undefined;
    if (close !== -1 && rest[close + 1] === '=') {
      expr = rest.slice(0, close + 1);
      value = rest.slice(close + 2);
    } else if (close === -1 && rest.includes('=')) {
      expr = rest.slice(0, rest.indexOf('='));
      value = rest.slice(rest.indexOf('=') + 1);
    }
    if (value !== undefined && value === '') throw new KubectlError('jsonpath wait value cannot be empty');
    try {
      return { kind: 'jsonpath', path: new JsonPath(relaxedJsonPath(expr)), value };
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(e.message);
      throw e;
    }
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(text)}`);
}

function holds(cond: Condition, obj: Stored<KubeObject> | undefined, w: Watched): boolean {
  switch (cond.kind) {
    case 'delete':
      return !obj || (w.uid !== undefined && obj.metadata.uid !== w.uid);
    case 'create':
      return Boolean(obj);
    case 'condition': {
      const c = (obj?.status?.conditions ?? []).find((x: { type: string }) => x.type.toLowerCase() === cond.type.toLowerCase());
      return Boolean(c) && String(c.status).toLowerCase() === cond.value.toLowerCase();
    }
    case 'jsonpath': {
      if (!obj) return false;
      const found = cond.path.findResults(obj).flat();
      if (found.length === 0) return false;
      if (cond.value === undefined) return true;
      return found.length === 1 && String(found[0]) === cond.value;
    }
  }
}

function current(inv: Invocation, w: Watched): Stored<KubeObject> | undefined {
  return inv.cluster.api.tryGet(w.type.kind, w.namespace, w.name);
}

export const wait: KubectlCommand = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: "Experimental: Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.\n\n Alternatively, the command can wait for the given set of resources to be created or deleted by providing the \"create\" or \"delete\" keyword as the value to the --for flag.\n\n A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.",
  example: `# Wait for the pod "busybox1" to contain the status condition of type "Ready"
kubectl wait --for=condition=Ready pod/busybox1

# The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
kubectl wait --for=condition=Ready=false pod/busybox1

# Wait for the pod "busybox1" to contain the status phase to be "Running"
kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

# Wait for pod "busybox1" to be Ready
kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1

# Wait for the service "loadbalancer" to have ingress
kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer

# Wait for the secret "busybox1" to be created, with a timeout of 30s
kubectl create secret generic busybox1
kubectl wait --for=create secret/busybox1 --timeout=30s

# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
kubectl delete pod/busybox1
kubectl wait --for=delete pod/busybox1 --timeout=60s`,
  usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    ...fileFlags('identifying the resource.'),
    { name: 'for', type: 'string', help: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'timeout', type: 'duration', default: '30s', help: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a week.' },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on.' },
    { name: 'field-selector', type: 'string', help: 'Selector (field query) to filter on.' },
    { name: 'all', type: 'bool', help: 'Select all resources in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'output', short: 'o', type: 'string', help: 'Output format. One of: (json, yaml, name).' },
  ],
  async run(inv) {
    const p = inv.parsed;
    const cond = parseFor(str(p, 'for'));
    const timeoutText = str(p, 'timeout') ?? '30s';
    const negative = timeoutText.startsWith('-');
    const parsed = parseDuration(negative ? timeoutText.slice(1) : timeoutText);
    if (parsed === undefined) throw new KubectlError(`invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
    const timeoutMs = negative ? 168 * 3600_000 : parsed;

    const watched: Watched[] = [];
    const files = strings(p, 'filename');
    const selector = str(p, 'selector');
    const fieldSelector = str(p, 'field-selector');
    if (files.length) {
      for (const m of await readAllManifests(inv, files)) {
        watched.push({ type: m.type, namespace: m.type.namespaced ? m.object.metadata.namespace : undefined, name: m.object.metadata.name ?? '' });
      }
    } else {
      if (p.args.length === 0) throw new KubectlError(NO_RESOURCES_TEXT);
      const t = parseTargets(p.args);
      if (t.types.length) {
        if (!bool(p, 'all') && !selector && !fieldSelector) throw new KubectlError('resource(s) were provided, but no name was specified');
        for (const obj of listTargets(inv, t.types, selector, { fieldSelector, allNamespaces: bool(p, 'all-namespaces') })) {
          watched.push({ type: t.types.find((x) => x.kind === obj.kind)!, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' });
        }
      }
      for (const n of t.named) watched.push({ type: n.type, namespace: namespaceFor(inv, n.type), name: n.name });
    }
    // Objects that must exist first (every condition but create and delete).
    for (const w of [...watched]) {
      const obj = current(inv, w);
      if (obj) w.uid = obj.metadata.uid;
      else if (cond.kind === 'delete') watched.splice(watched.indexOf(w), 1);
      // A missing object is a NotFound error for every other condition (the builder's get fails).
      else if (cond.kind !== 'create') inv.cluster.api.get(w.type.kind, w.namespace, w.name);
    }
    // Nothing left to wait for: done for --for=delete (NotFound is ignored there), an error for
    // every other condition (wait.go, WaitOptions.RunWait).
    if (watched.length === 0) {
      if (cond.kind === 'delete') return 0;
      throw new KubectlError('no matching resources found');
    }
    const start = inv.cluster.clock.now();
    for (const w of watched) {
      const left = Math.max(0, timeoutMs - (inv.cluster.clock.now() - start));
      const ok = await inv.host.time.waitUntil(inv.cluster, () => holds(cond, current(inv, w), w), left, inv.io.signal);
      if (!ok) throw new KubectlError(`timed out waiting for the condition on ${w.type.plural}/${w.name}`);
      const obj = current(inv, w);
      inv.io.out(`${nameRef(obj ?? { kind: w.type.kind, metadata: { name: w.name } })} condition met\n`);
    }
    return 0;
  },
};
