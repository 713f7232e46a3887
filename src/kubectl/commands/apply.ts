/**
 * kubectl apply -f: creates what does not exist, and updates what does with a three-way merge
 * between the last applied configuration (the `kubectl.kubernetes.io/last-applied-configuration`
 * annotation), the new manifest and the live object, so fields removed from the manifest are
 * removed from the object (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, patcher.go).
 * Every manifest is read before anything is applied.
 */
import { ApiError, isNotFound } from '../../sim/apiserver/errors.ts';
import type { ResourceType } from '../../sim/apiserver/resources.ts';
import type { KubeObject, Stored } from '../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError, withSource } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { bool, strings } from '../flags.ts';
import { readAllManifests, type ManifestObject } from '../manifest/read.ts';
import { threeWayMerge, threeWayPatch } from '../patch/strategic.ts';
import { aggregate, serverDecode, validationOf, VALIDATE_FLAG } from '../submit.ts';
import { compareGo } from '../format/json.ts';
import type { Invocation } from '../command.ts';
import type { FieldValidation } from '../../sim/apiserver/schema/decode.ts';
import type { DryRun } from '../change-output.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Compact JSON with keys in Go's order, as json.Marshal of an unstructured map writes it. */
function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(compareGo);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * The annotation value: the manifest as applied (namespace filled in, the annotation itself
 * removed — which leaves `"annotations":{}` behind, as kubectl does), as JSON plus a newline.
 */
export function lastAppliedText(manifest: KubeObject): string {
  const copy = structuredClone(manifest);
  copy.metadata = copy.metadata ?? {};
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return goJson(copy) + '\n';
}

function withLastApplied(obj: KubeObject, manifest: KubeObject): KubeObject {
  const out = structuredClone(obj);
  out.metadata = out.metadata ?? {};
  out.metadata.annotations = { ...(out.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedText(manifest) };
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return goJson(a) === goJson(b);
}

/** Applies one manifest object; returns the operation word (`created`, `configured`, `unchanged`). */
function applyOne(inv: Invocation, item: ManifestObject, dryRun: DryRun, validation: FieldValidation, count: number): void {
  const { type } = item;
  const manifest = item.object;
  const meta = (manifest.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const name = typeof meta.name === 'string' ? meta.name : '';
  const ns = type.namespaced && typeof meta.namespace === 'string' ? meta.namespace : undefined;
  const live = name ? inv.cluster.api.tryGet(type.kind, ns, name) : undefined;
  if (!live) {
    try {
      const desired = serverDecode(inv, withLastApplied(manifest, manifest), validation);
      const created = dryRun === 'client' ? desired : inv.cluster.api.create(desired, { dryRun: dryRun === 'server' });
      reportChange(inv, created as KubeObject, 'created', dryRun, count);
    } catch (e) {
      throw withSource(e, 'creating', item.source);
    }
    return;
  }
  const annotation = live.metadata.annotations?.[LAST_APPLIED];
  if (annotation === undefined) {
    inv.io.err(
      `Warning: resource ${type.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  let lastApplied: unknown = {};
  try {
    lastApplied = annotation ? JSON.parse(annotation) : {};
  } catch {
    lastApplied = {};
  }
  const sent = withLastApplied(manifest, manifest);
  try {
    const desired = serverDecode(inv, sent, validation);
    const merged = threeWayMerge(live, lastApplied, desired, type.kind) as KubeObject;
    if (sameJson(merged, live)) {
      reportChange(inv, live as KubeObject, 'unchanged', dryRun, count);
      return;
    }
    if (dryRun === 'client') {
      reportChange(inv, merged, 'configured', dryRun, count);
      return;
    }
    delete merged.metadata.resourceVersion;
    const updated = inv.cluster.api.update(merged, { dryRun: dryRun === 'server' });
    reportChange(inv, updated as KubeObject, updated === live ? 'unchanged' : 'configured', dryRun, count);
  } catch (e) {
    throw patchError(e, type, live, lastApplied, sent, item.source);
  }
}

/**
 * An API error on the patch path, worded as apply's patcher wraps it:
 * `error when applying patch:\n<patch>\nto:\n<resource>\nfor: "<file>": error when patching …`
 * (Invalid errors keep their own `The X "y" is invalid` form).
 */
function patchError(e: unknown, type: ResourceType, live: Stored<KubeObject>, lastApplied: unknown, sent: KubeObject, source: string): unknown {
  if (!(e instanceof ApiError) || e.reason === 'Invalid') return e;
  const patch = threeWayPatch(lastApplied, sent, live, type.kind) ?? {};
  const gv = type.group ? `${type.group}/${type.version}` : type.version;
  const ns = live.metadata.namespace ?? '';
  const message =
    `error when applying patch:\n${goJson(patch)}\nto:\n` +
    `Resource: "${gv}, Resource=${type.plural}", GroupVersionKind: "${gv}, Kind=${type.kind}"\n` +
    `Name: "${live.metadata.name}", Namespace: "${ns}"\n` +
    `for: "${source}": error when patching "${source}": ${e.message}`;
  return new ApiError(e.reason, e.code, message, e.details);
}

export const apply: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.\n\n Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.",
  example: `# Apply the configuration in pod.json to a pod
kubectl apply -f ./pod.json

# Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
kubectl apply -k dir/

# Apply the JSON passed into stdin to a pod
cat pod.json | kubectl apply -f -

# Apply the configuration from all files that end with '.json'
kubectl apply -f '*.json'

# Note: --prune is still in Alpha
# Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
kubectl apply --prune -f manifest.yaml -l app=nginx

# Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`,
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    ...fileFlags('that contains the configuration to apply'),
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', help: 'Name of the manager used to track field ownership.' },
    { name: 'overwrite', type: 'bool', default: true, help: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
  ],
  async run(inv) {
    const files = strings(inv.parsed, 'filename');
    if (inv.parsed.args.length > 0) {
      throw new KubectlError(`Unexpected args: [${inv.parsed.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    }
    if (files.length === 0) throw new KubectlError('must specify one of -f and -k');
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const validation = validationOf(inv);
    const objects = await readAllManifests(inv, files, { recursive: bool(inv.parsed, 'recursive') });
    if (objects.length === 0) throw new KubectlError('no objects passed to apply');
    const errors: unknown[] = [];
    let count = 0;
    for (const item of objects) {
      try {
        applyOne(inv, item, dryRun, validation, count++);
      } catch (e) {
        errors.push(isNotFound(e) ? withSource(e, 'creating', item.source) : e);
      }
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};

