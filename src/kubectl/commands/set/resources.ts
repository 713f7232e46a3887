/**
 * kubectl set resources: sets container requests and limits (`--limits=cpu=200m,memory=512Mi`,
 * `--requests=…`) on pods and pod templates, printing `deployment.apps/web resource requirements
 * updated` (staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go; the flag values are parsed
 * as pkg/generate/versioned HandleResourceRequirementsV1 and resource.ParseQuantity do).
 */
import { formatQuantity, parseQuantity } from '../../../sim/apiserver/quantity.ts';
import { isSameJson, type KubeObject } from '../../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../../change-output.ts';
import type { KubectlCommand } from '../../command.ts';
import { KubectlError, RawError } from '../../errors.ts';
import { fileFlags } from '../../file-flags.ts';
import { bool, str } from '../../flags.ts';
import { checkLocalDryRun, localFlag, noPodTemplateText, objectName, podSpecOf, selectContainers, setErrors, setTargets } from './pod-template.ts';

/** resource.ErrFormatWrong. */
const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** What parseQuantityString accepts before the suffix is interpreted: sign, digits with one dot, suffix letters, exponent digits. */
function isQuantityShaped(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)[eEinumkKMGTP]*[+-]?\d*$/.test(text);
}

/**
 * resource.ParseQuantity's verdict on one value, as the canonical string the client sends
 * (`0.5` → `500m`, `1024Mi` → `1Gi`).
 */
function clientQuantity(text: string): string {
  if (text === '' || !isQuantityShaped(text)) throw new KubectlError(FORMAT_WRONG);
  if (parseQuantity(text) === undefined) throw new KubectlError("unable to parse quantity's suffix");
  return formatQuantity(text);
}

/** populateResourceListV1: `cpu=200m,memory=512Mi` → {cpu: '200m', memory: '512Mi'}; undefined when empty. */
function resourceList(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new KubectlError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    out[parts[0]!] = clientQuantity(parts[1]!);
  }
  return out;
}

export const resources: KubectlCommand = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  long: "Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.\n\n For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.\n\n Possible resources include (case insensitive): Use \"kubectl api-resources\" for a complete list of supported resources..",
  example: `# Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"
kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi

# Set the resource request and limits for all containers in nginx
kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi

# Remove the resource requests for resources on containers in nginx
kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0

# Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server
kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml`,
  usage: 'kubectl set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]',
  flags: [
    ...fileFlags('identifying the resource to get from a server.'),
    { name: 'all', type: 'bool', help: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'containers', short: 'c', type: 'string', default: '*', help: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards' },
    localFlag('resources'),
    { name: 'limits', type: 'string', help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    { name: 'requests', type: 'string', help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    { name: 'field-manager', type: 'string', default: 'kubectl-set', help: 'Name of the manager used to track field ownership.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    // Complete: the printer, then the objects (lookup errors come before any flag check).
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const local = bool(p, 'local');
    if (local && p.args.length > 0) {
      throw new KubectlError("you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'");
    }
    if (p.args.length === 0 && !p.set.has('filename')) {
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const targets = await setTargets(inv, p.args);
    // Validate
    checkLocalDryRun(local, dryRun);
    if (bool(p, 'all') && str(p, 'selector')) throw new KubectlError('cannot set --all and --selector at the same time');
    const limitsFlag = str(p, 'limits') ?? '';
    const requestsFlag = str(p, 'requests') ?? '';
    if (limitsFlag === '' && requestsFlag === '') {
      throw new KubectlError('you must specify an update to requests or limits (in the form of --requests/--limits)');
    }
    const limits = resourceList(limitsFlag);
    const requests = resourceList(requestsFlag);
    const selector = str(p, 'containers') ?? '*';

    // Run: mutate every object first (a selector that matches no container is an error of its
    // own, listed before the others), then send the changed ones.
    const errors: unknown[] = [];
    const outcomes: (KubeObject | RawError)[] = [];
    for (const obj of targets) {
      const copy = structuredClone(obj) as KubeObject;
      const spec = podSpecOf(copy);
      if (!spec) {
        outcomes.push(new RawError(`error: ${objectName(obj)} ${noPodTemplateText(obj)}\n`));
        continue;
      }
      const containers = selectContainers(spec, selector);
      if (containers.length === 0) {
        errors.push(new KubectlError(`error: unable to find container named ${selector}`));
        continue;
      }
      for (const c of containers) {
        const res = (c.resources ??= {});
        if (limits) res.limits = { ...(res.limits ?? {}), ...limits };
        if (requests) res.requests = { ...(res.requests ?? {}), ...requests };
      }
      if (!isSameJson(copy, obj)) outcomes.push(copy);
    }
    let count = 0;
    for (const out of outcomes) {
      if (out instanceof RawError) {
        errors.push(out);
        continue;
      }
      if (local || dryRun === 'client') {
        reportChange(inv, out, 'resource requirements updated', dryRun, count++);
        continue;
      }
      try {
        const result = inv.cluster.api.update(out, { dryRun: dryRun === 'server' }) as KubeObject;
        reportChange(inv, result, 'resource requirements updated', dryRun, count++);
      } catch (e) {
        // set_resources.go wraps the server's error without a colon.
        errors.push(new KubectlError(`failed to patch resources update to pod template ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    if (errors.length) throw setErrors(errors);
    return 0;
  },
};
