/**
 * What every `kubectl create <generator>` shares: the common flags, the NAME argument check, and
 * sending the built object (or printing it, with `--dry-run=client`).
 */
import { ApiError } from '../../../sim/apiserver/errors.ts';
import type { KubeObject } from '../../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../../change-output.ts';
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import type { FlagSpec } from '../../flags.ts';
import { submitCreate, validationOf, VALIDATE_FLAG } from '../../submit.ts';

export const GENERATOR_FLAGS: FlagSpec[] = [
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  VALIDATE_FLAG,
  { name: 'save-config', type: 'bool', help: 'If true, the configuration of current object will be saved in its annotation.' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create', help: 'Name of the manager used to track field ownership.' },
];

/** The single NAME argument (`exactly one NAME is required, got N`). */
export function nameArg(inv: Invocation): string {
  const args = inv.parsed.args;
  if (args.length !== 1) throw new KubectlError(`exactly one NAME is required, got ${args.length}`);
  return args[0]!;
}

/** `required flag(s) "image" not set`. */
export function requireFlag(inv: Invocation, name: string): void {
  if (!inv.parsed.set.has(name)) throw new KubectlError(`required flag(s) "${name}" not set`);
}

/**
 * A fresh `metadata` as kubectl's generators build it (the namespace only when -n was given). The
 * zero creationTimestamp is omitted: since v1.34 ObjectMeta no longer serializes it as `null`
 * (kubernetes/kubernetes#130989, CHANGELOG-1.34 v1.34.0-alpha.1).
 */
export function generatedMeta(inv: Invocation, name: string, namespaced: boolean, extra: Record<string, unknown> = {}) {
  const meta: Record<string, unknown> = { name, ...extra };
  if (namespaced && inv.namespaceExplicit) meta.namespace = inv.namespace;
  return meta;
}

/**
 * Creates (or prints) a generated object and reports it. With `failure`, an error from the API
 * server becomes a client error with that prefix, as generators that wrap it with fmt.Errorf
 * print it (create_configmap.go: `failed to create configmap: %v`).
 */
export function finishGenerated(inv: Invocation, obj: KubeObject, namespaced: boolean, failure?: string): number {
  checkOutputFormat(inv);
  const dryRun = dryRunOf(inv);
  const toSend = structuredClone(obj);
  if (namespaced && dryRun !== 'client') toSend.metadata.namespace = inv.namespace;
  let result: unknown;
  try {
    result = submitCreate(inv, toSend, dryRun, validationOf(inv));
  } catch (e) {
    if (failure !== undefined && e instanceof ApiError) throw new KubectlError(`${failure}${e.message}`);
    throw e;
  }
  reportChange(inv, result as KubeObject, 'created', dryRun);
  return 0;
}

/** The container name kubectl derives from an image: `registry/team/nginx:1.27` → `nginx`. */
export function containerNameFromImage(image: string): string {
  let name = image.split('@')[0]!;
  name = name.slice(name.lastIndexOf('/') + 1);
  name = name.split(':')[0]!;
  return name;
}
