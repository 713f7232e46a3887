/**
 * kubectl patch: strategic merge (default), JSON merge (RFC 7386) or JSON patch (RFC 6902) on one
 * object, optionally through the status or scale subresource; `patched` or `patched (no change)`
 * (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go).
 */
import { ApiError } from '../../sim/apiserver/errors.ts';
import type { KubeObject } from '../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { bool, str, strings } from '../flags.ts';
import { parseYamlDocument } from '../manifest/parse.ts';
import { readAllManifests } from '../manifest/read.ts';
import { applyJsonPatch, JsonPatchError } from '../patch/json-patch.ts';
import { jsonMergePatch } from '../patch/json-merge.ts';
import { PatchError, strategicMergePatch } from '../patch/strategic.ts';
import { aggregate, serverDecode } from '../submit.ts';
import { getTarget, NO_RESOURCES_TEXT, parseTargets } from '../targets.ts';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function parsePatchText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // kubectl accepts YAML patches too (yaml.ToJSON).
    return parseYamlDocument(text, 'patch');
  }
}

export const patch: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  long: "Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.\n\n Note: Strategic merge patch is not supported for custom resources.",
  example: `# Partially update a node using a strategic merge patch, specifying the patch as JSON
kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

# Partially update a node using a strategic merge patch, specifying the patch as YAML
kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'

# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'

# Update a container's image; spec.containers[*].name is required because it's a merge key
kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

# Update a container's image using a JSON patch with positional arrays
kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'

# Update a deployment's replicas through the 'scale' subresource using a merge patch
kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  flags: [
    ...fileFlags('identifying the resource to update'),
    { name: 'patch', short: 'p', type: 'string', help: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', help: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', help: 'The type of patch being provided; one of [json merge strategic]' },
    { name: 'subresource', type: 'string', help: "If specified, patch will operate on the subresource of the requested object. Supported subresources are status, scale and resize." },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch', help: 'Name of the manager used to track field ownership.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const type = str(p, 'type') ?? 'strategic';
    if (!['json', 'merge', 'strategic'].includes(type)) {
      throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(type)}`);
    }
    let text = str(p, 'patch');
    const patchFile = str(p, 'patch-file');
    if (text !== undefined && patchFile !== undefined) throw new KubectlError('cannot specify --patch and --patch-file together');
    if (patchFile !== undefined) {
      text = await inv.host.readFile(patchFile);
      if (text === undefined) throw new KubectlError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    }
    if (text === undefined || text === '') throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
    const subresource = str(p, 'subresource');
    if (subresource !== undefined && !['status', 'scale', 'resize'].includes(subresource)) {
      throw new KubectlError(`invalid subresource value: "${subresource}". Must be one of [status scale resize]`);
    }
    let patchDoc: unknown;
    try {
      patchDoc = parsePatchText(text);
    } catch {
      throw new KubectlError(`unable to parse "${text}": yaml: did not find expected node content`);
    }

    const files = strings(p, 'filename');
    const targets: KubeObject[] = [];
    const errors: unknown[] = [];
    if (files.length) {
      for (const m of await readAllManifests(inv, files)) {
        try {
          targets.push(inv.cluster.api.get(m.type.kind, m.object.metadata.namespace, m.object.metadata.name ?? '') as KubeObject);
        } catch (e) {
          errors.push(e);
        }
      }
    } else {
      if (p.args.length === 0) throw new KubectlError(NO_RESOURCES_TEXT);
      const t = parseTargets(p.args);
      if (t.types.length) throw new KubectlError('resource(s) were provided, but no name was specified');
      for (const n of t.named) {
        try {
          targets.push(getTarget(inv, n) as KubeObject);
        } catch (e) {
          errors.push(e);
        }
      }
    }
    let count = 0;
    for (const live of targets) {
      try {
        const result = patchOne(live, patchDoc, type, subresource);
        if (JSON.stringify(result) === JSON.stringify(live)) {
          reportChange(inv, live, 'patched (no change)', dryRun, count++);
          continue;
        }
        const decoded = serverDecode(inv, result, 'Strict');
        delete decoded.metadata.resourceVersion;
        let stored: KubeObject;
        if (dryRun === 'client') stored = decoded;
        else if (subresource === 'status') stored = inv.cluster.api.update(decoded, { subresource: 'status', dryRun: dryRun === 'server' }) as KubeObject;
        else stored = inv.cluster.api.update(decoded, { dryRun: dryRun === 'server' }) as KubeObject;
        const changed = stored !== (live as unknown);
        reportChange(inv, stored, changed ? 'patched' : 'patched (no change)', dryRun, count++);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};

/** Applies the patch to the object (or, for `--subresource=scale`, to its Scale view). */
function patchOne(live: KubeObject, doc: unknown, type: string, subresource: string | undefined): KubeObject {
  if (subresource === 'scale') {
    if (!SCALABLE.has(live.kind)) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
    const scaleObj = {
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      metadata: { name: live.metadata.name, namespace: live.metadata.namespace },
      spec: { replicas: live.spec?.replicas ?? 1 },
    };
    const patched = applyPatch(scaleObj, doc, type === 'strategic' ? 'merge' : type, 'Scale') as typeof scaleObj;
    const out = structuredClone(live);
    out.spec = { ...out.spec, replicas: patched.spec?.replicas };
    return out;
  }
  return applyPatch(live, doc, type, live.kind) as KubeObject;
}

function applyPatch(target: unknown, doc: unknown, type: string, structName: string): unknown {
  try {
    if (type === 'json') return applyJsonPatch(target, doc);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      throw new ApiError('BadRequest', 400, 'json: cannot unmarshal array into Go value of type map[string]interface {}');
    }
    if (type === 'merge') return jsonMergePatch(target, doc);
    return strategicMergePatch(target, doc, structName);
  } catch (e) {
    if (e instanceof JsonPatchError || e instanceof PatchError) throw new ApiError('BadRequest', 400, e.message);
    throw e;
  }
}
