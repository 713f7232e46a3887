/**
 * How commands that change objects report them: `statefulset.apps/web created`, with
 * ` (dry run)` / ` (server dry run)`, or the object itself with `-o yaml|json|name`
 * (kubectl's PrintFlags.ToPrinter(operation) with the NamePrinter by default).
 */
import type { ResourceType } from '../sim/apiserver/resources.ts';
import type { KubeObject } from '../sim/apiserver/types.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import type { FlagSpec } from './flags.ts';
import { str } from './flags.ts';
import { toJson } from './format/json.ts';
import { toYaml } from './format/yaml.ts';
import { kindPrefix } from './output.ts';

export type DryRun = 'none' | 'client' | 'server';

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

export function dryRunOf(inv: Invocation): DryRun {
  const v = str(inv.parsed, 'dry-run') ?? 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'true') return 'client';
  if (v === 'false') return 'none';
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** `statefulset.apps`, `pod`: the type prefix of name output. */
export function typePrefix(t: ResourceType): string {
  return kindPrefix(t.kind);
}

/** `statefulset.apps/web`. */
export function nameRef(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  return `${kindPrefix(obj.kind)}/${obj.metadata.name}`;
}

function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** Output formats the change verbs accept. */
const FORMATS = ['json', 'yaml', 'name'];

/** Validates `-o` before anything changes (`unable to match a printer suitable for the output format`). */
export function checkOutputFormat(inv: Invocation): string | undefined {
  const o = str(inv.parsed, 'output');
  if (o === undefined || o === '') return undefined;
  if (!FORMATS.includes(o)) {
    throw new KubectlError(
      `unable to match a printer suitable for the output format "${o}", allowed formats are: json,name,yaml`,
    );
  }
  return o;
}

/** Prints one changed object: the success line, or the object in the `-o` format. */
export function reportChange(inv: Invocation, obj: KubeObject, operation: string, dryRun: DryRun, count = 0): void {
  const o = checkOutputFormat(inv);
  if (o === 'yaml') {
    inv.io.out((count > 0 ? '---\n' : '') + toYaml(obj));
    return;
  }
  if (o === 'json') {
    inv.io.out(toJson(obj));
    return;
  }
  if (o === 'name') {
    inv.io.out(`${nameRef(obj)}\n`);
    return;
  }
  inv.io.out(`${nameRef(obj)} ${operation}${dryRunSuffix(dryRun)}\n`);
}
