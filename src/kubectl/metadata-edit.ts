/**
 * What `kubectl label` and `kubectl annotate` share: splitting `key=value` / `key-` arguments from
 * resource arguments, finding the objects (names, -l, --all, -f) and applying the changes with the
 * `--overwrite` rule (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go, annotate/annotate.go).
 */
import type { KubeObject, Stored } from '../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, reportChange } from './change-output.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { bool, str, strings } from './flags.ts';
import { readAllManifests } from './manifest/read.ts';
import { aggregate } from './submit.ts';
import { getTarget, listTargets, NO_RESOURCES_TEXT, parseTargets } from './targets.ts';

export interface MetadataEditSpec {
  field: 'labels' | 'annotations';
  /** `labeled` / `annotated`. */
  done: string;
  /** What label prints when nothing changed (`not labeled`); annotate has none. */
  unchanged?: string;
  /** The error for keys that already have another value without --overwrite. */
  overwriteError(conflicts: { key: string; value: string }[]): string;
  /** Label says `unlabeled` when, without --overwrite, the object got smaller (label.go updateDataChangeMsg). */
  removed?: string;
  /** A removal of a key that is not there prints this (label only). */
  missingRemoval?: (key: string) => string;
}

/** True for an argument that changes a key (`k=v`, `k-`) rather than naming a resource. */
export function isChangeArg(arg: string): boolean {
  return arg.includes('=') || (arg.endsWith('-') && !arg.includes('/'));
}

function parseChanges(args: string[], field: string): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq !== -1) {
      const key = a.slice(0, eq);
      if (!key) throw new KubectlError(`invalid ${field === 'labels' ? 'label' : 'annotation'} format: ${a}`);
      set[key] = a.slice(eq + 1);
    } else {
      remove.push(a.slice(0, -1));
    }
  }
  for (const k of remove) {
    if (k in set) throw new KubectlError(`can not both modify and remove the following ${field === 'labels' ? 'label' : 'annotation'}(s) in the same command: ${k}`);
  }
  return { set, remove };
}

export async function runMetadataEdit(inv: Invocation, spec: MetadataEditSpec): Promise<number> {
  const p = inv.parsed;
  checkOutputFormat(inv);
  const dryRun = dryRunOf(inv);
  const files = strings(p, 'filename');
  const resourceArgs = p.args.filter((a) => !isChangeArg(a));
  const changeArgs = p.args.filter(isChangeArg);
  const what = spec.field === 'labels' ? 'label' : 'annotation';
  if (changeArgs.length === 0) throw new KubectlError(`at least one ${what} update is required`);
  const { set, remove } = parseChanges(changeArgs, spec.field);
  const selector = str(p, 'selector');
  const all = bool(p, 'all');

  let targets: Stored<KubeObject>[] = [];
  const errors: unknown[] = [];
  if (files.length) {
    for (const m of await readAllManifests(inv, files, { recursive: bool(p, 'recursive') })) {
      try {
        targets.push(inv.cluster.api.get(m.type.kind, m.type.namespaced ? m.object.metadata.namespace : undefined, m.object.metadata.name ?? ''));
      } catch (e) {
        errors.push(e);
      }
    }
  } else {
    if (resourceArgs.length === 0) {
      throw new KubectlError(spec.field === 'labels' ? 'one or more resources must be specified as <resource> <name> or <resource>/<name>' : NO_RESOURCES_TEXT);
    }
    const t = parseTargets(resourceArgs);
    if (t.types.length) {
      if (!all && !selector) throw new KubectlError('resource(s) were provided, but no name was specified');
      targets = listTargets(inv, t.types, selector, { allNamespaces: bool(p, 'all-namespaces') });
      if (targets.length === 0) {
        inv.io.err(`No resources found in ${inv.namespace} namespace.\n`);
      }
    }
    for (const n of t.named) {
      try {
        targets.push(getTarget(inv, n));
      } catch (e) {
        errors.push(e);
      }
    }
  }

  const overwrite = bool(p, 'overwrite');
  let count = 0;
  for (const obj of targets) {
    try {
      const current: Record<string, string> = { ...(obj.metadata[spec.field] ?? {}) };
      if (!overwrite) {
        const conflicts = Object.entries(set)
          .filter(([k, v]) => k in current && current[k] !== v)
          .map(([k]) => ({ key: k, value: current[k]! }));
        if (conflicts.length) throw new KubectlError(spec.overwriteError(conflicts));
      }
      const next = { ...current, ...set };
      for (const k of remove) {
        if (!(k in next) && spec.missingRemoval) inv.io.out(spec.missingRemoval(k));
        delete next[k];
      }
      const changed = JSON.stringify(Object.entries(next).sort()) !== JSON.stringify(Object.entries(current).sort());
      const copy = structuredClone(obj) as KubeObject;
      if (Object.keys(next).length) copy.metadata[spec.field] = next;
      else delete copy.metadata[spec.field];
      let result: KubeObject = copy;
      if (changed && dryRun !== 'client') {
        result = inv.cluster.api.update(copy, { dryRun: dryRun === 'server' }) as KubeObject;
      }
      let operation = changed || !spec.unchanged ? spec.done : spec.unchanged;
      if (changed && spec.removed && !overwrite && JSON.stringify(copy).length < JSON.stringify(obj).length) operation = spec.removed;
      reportChange(inv, result, operation, dryRun, count++);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw aggregate(inv, errors);
  return 0;
}
