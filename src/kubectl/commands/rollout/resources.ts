/**
 * The objects a `kubectl rollout …` sub-command acts on: `TYPE NAME`, `TYPE/NAME`, `-l`, `--all`
 * or `-f` (the builder every rollout command sets up), and the `error: <resource> "<name>" <why>`
 * text the patching sub-commands use for per-object failures.
 */
import { resourceForKind } from '../../../sim/apiserver/resources.ts';
import type { KubeObject, Stored } from '../../../sim/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { bool, str, strings } from '../../flags.ts';
import { readAllManifests } from '../../manifest/read.ts';
import { getTarget, listTargets, parseTargets } from '../../targets.ts';

/** Resolves the command line to stored objects; per-object errors go to `errors`. */
export async function rolloutObjects(inv: Invocation, errors: unknown[]): Promise<Stored<KubeObject>[]> {
  const p = inv.parsed;
  const files = strings(p, 'filename');
  const out: Stored<KubeObject>[] = [];
  if (files.length) {
    for (const m of await readAllManifests(inv, files, { recursive: bool(p, 'recursive') })) {
      try {
        out.push(inv.cluster.api.get(m.type.kind, m.type.namespaced ? (m.object.metadata.namespace ?? inv.namespace) : undefined, m.object.metadata.name ?? ''));
      } catch (e) {
        errors.push(e);
      }
    }
    return out;
  }
  if (p.args.length === 0) throw new KubectlError('required resource not specified');
  const t = parseTargets(p.args);
  if (t.types.length) {
    if (!bool(p, 'all') && !str(p, 'selector')) throw new KubectlError('resource(s) were provided, but no name was specified');
    out.push(...listTargets(inv, t.types, str(p, 'selector')));
  }
  for (const n of t.named) {
    try {
      out.push(getTarget(inv, n));
    } catch (e) {
      errors.push(e);
    }
  }
  return out;
}

/** `deployments.apps`: the resource string of per-object errors. */
export function resourceString(kind: string): string {
  const t = resourceForKind(kind);
  if (!t) return kind.toLowerCase();
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** `error: deployments.apps "web" is already paused`. */
export function objectError(obj: Stored, why: string): KubectlError {
  return new KubectlError(`error: ${resourceString(obj.kind)} ${JSON.stringify(obj.metadata.name)} ${why}`);
}

export const SELECTOR_FLAGS = [
  { name: 'selector', short: 'l', type: 'string' as const, help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
];
