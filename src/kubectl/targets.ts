/**
 * Resolves the resources a command names on its command line — `TYPE NAME…`, `TYPE/NAME…`,
 * `TYPE -l sel`, `TYPE --all` — to stored objects, with kubectl's error texts
 * (cli-runtime resource.Builder).
 */
import { isNotFound, notFound } from '../sim/apiserver/errors.ts';
import { resolveResource, type ResourceType } from '../sim/apiserver/resources.ts';
import { parseFieldSelector, parseLabelSelector, SelectorError } from '../sim/apiserver/selectors.ts';
import type { KubeObject, Stored } from '../sim/apiserver/types.ts';
import type { Invocation } from './command.ts';
import { KubectlError, RawError } from './errors.ts';

/** One named target: a type and a name (the object may not exist). */
export interface NamedTarget {
  type: ResourceType;
  name: string;
}

/** What the arguments asked for. */
export interface TargetSpec {
  named: NamedTarget[];
  /** Types given without names (with `-l` or `--all`). */
  types: ResourceType[];
}

export const NO_RESOURCES_TEXT = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** `the server doesn't have a resource type "x"`, or the type. */
export function resolveTypeOrThrow(word: string): ResourceType {
  const t = resolveResource(word);
  if (!t) throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(word)}`);
  return t;
}

/**
 * The type a command asks the REST mapper for directly (explain, taint): an unknown one is the
 * mapper's NoResourceMatchError, which checkErr prints without the `error: ` prefix.
 */
export function resolveMappedTypeOrThrow(word: string): ResourceType {
  const t = resolveResource(word);
  if (!t) throw new RawError(`the server doesn't have a resource type ${JSON.stringify(word)}`);
  return t;
}

/** Parses `TYPE NAME…` or `TYPE/NAME…` (the two forms cannot be mixed). */
export function parseTargets(args: string[]): TargetSpec {
  if (args.length === 0) return { named: [], types: [] };
  if (args.some((a) => a.includes('/'))) {
    const named: NamedTarget[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash === -1) {
        throw new KubectlError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      }
      const name = a.slice(slash + 1);
      if (!name) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      named.push({ type: resolveTypeOrThrow(a.slice(0, slash)), name });
    }
    return { named, types: [] };
  }
  const types = args[0]!.split(',').filter(Boolean).map(resolveTypeOrThrow);
  const names = args.slice(1);
  if (names.length === 0) return { named: [], types };
  if (types.length > 1) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
  return { named: names.map((name) => ({ type: types[0]!, name })), types: [] };
}

/** The namespace a type is read in: none for cluster-scoped kinds. */
export function namespaceFor(inv: Invocation, t: ResourceType): string | undefined {
  return t.namespaced ? inv.namespace : undefined;
}

/** Every object of the given types matching `-l` (or all with `--all`), sorted as the server lists. */
export function listTargets(
  inv: Invocation,
  types: ResourceType[],
  selector: string | undefined,
  opts: { fieldSelector?: string; allNamespaces?: boolean } = {},
): Stored<KubeObject>[] {
  let sel;
  let fields;
  try {
    sel = selector ? parseLabelSelector(selector) : undefined;
    fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined;
  } catch (e) {
    if (e instanceof SelectorError || e instanceof Error) throw new KubectlError(e.message);
    throw e;
  }
  const out: Stored<KubeObject>[] = [];
  for (const t of types) {
    const namespace = opts.allNamespaces ? undefined : namespaceFor(inv, t);
    out.push(...inv.cluster.api.list(t.kind, { namespace, labelSelector: sel, fieldSelector: fields }));
  }
  return out;
}

/** Reads a named target; throws the API NotFound error when it does not exist. */
export function getTarget(inv: Invocation, target: NamedTarget): Stored<KubeObject> {
  return inv.cluster.api.get(target.type.kind, namespaceFor(inv, target.type), target.name);
}

export function tryGetTarget(inv: Invocation, target: NamedTarget): Stored<KubeObject> | undefined {
  try {
    return getTarget(inv, target);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export { notFound };
