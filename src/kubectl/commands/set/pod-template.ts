/**
 * What the `kubectl set` sub-commands share: where each kind keeps its pod spec
 * (polymorphichelpers.UpdatePodSpecForObjectFn), the `-c` container wildcard
 * (pkg/cmd/set/helper.go selectContainers/selectString), the resources named on the command line
 * (resource.Builder with ContinueOnError + Latest: any lookup error stops the command before
 * anything changes), and how their per-object errors are printed.
 */
import { resourceForKind } from '../../../sim/apiserver/resources.ts';
import type { KubeObject, Stored } from '../../../sim/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { formatError, KubectlError, RawError } from '../../errors.ts';
import { bool, str, strings, type FlagSpec } from '../../flags.ts';
import { readAllManifests } from '../../manifest/read.ts';
import { getTarget, listTargets, NO_RESOURCES_TEXT, parseTargets } from '../../targets.ts';

export interface ContainerLike {
  name: string;
  image?: string;
  env?: EnvVar[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string>; claims?: unknown[] };
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name?: string; key: string; optional?: boolean };
    secretKeyRef?: { name?: string; key: string; optional?: boolean };
    fieldRef?: { apiVersion?: string; fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
  };
}

export interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
}

/** Where the pod spec lives in each kind; undefined for kinds without one. */
export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  switch (obj.kind) {
    case 'Pod':
      return obj.spec;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
      return obj.spec?.template?.spec;
    default:
      return undefined;
  }
}

/**
 * The error UpdatePodSpecForObjectFn returns for other kinds, naming the Go type
 * (`the object is not a pod or does not have a pod template: *v1.ConfigMap`).
 */
export function noPodTemplateText(obj: KubeObject): string {
  const version = resourceForKind(obj.kind)?.version ?? 'v1';
  return `the object is not a pod or does not have a pod template: *${version}.${obj.kind}`;
}

/**
 * selectString: `*` matches everything, a spec without `*` matches exactly, otherwise the
 * parts between stars are looked for in turn. Written after helper.go, including its quirk of
 * comparing an index into the rest of the string with the position reached so far.
 */
export function isContainerNameMatch(name: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return name === spec;
  let pos = 0;
  let match = true;
  const parts = spec.split('*');
  parts.forEach((part, i) => {
    if (part.length === 0) return;
    const next = name.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && name.length !== part.length + next)) {
      match = false;
      return;
    }
    pos = next;
  });
  return match;
}

/** The selected containers: regular containers first, then init containers (as set env/resources order them). */
export function selectContainers(spec: PodSpecLike, selector: string): ContainerLike[] {
  const pick = (list: ContainerLike[] | undefined) => (list ?? []).filter((c) => isContainerNameMatch(c.name, selector));
  return [...pick(spec.containers), ...pick(spec.initContainers)];
}

/** The `--local` flag of set env and set resources. */
export function localFlag(verb: string): FlagSpec {
  return { name: 'local', type: 'bool', help: `If true, set ${verb} will NOT contact api-server but run locally.` };
}

/** `cannot specify --local and --dry-run=server`, checked by both commands' Validate. */
export function checkLocalDryRun(local: boolean, dryRun: string): void {
  if (local && dryRun === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
}

/** `deployments/web`: resource.Info.ObjectName, used in the per-object error lines. */
export function objectName(obj: KubeObject): string {
  const plural = resourceForKind(obj.kind)?.plural ?? obj.kind.toLowerCase();
  return `${plural}/${obj.metadata.name}`;
}

/**
 * The objects the command names: `-f FILE`, `TYPE NAME…`, `TYPE/NAME…`, `TYPE --all`, `TYPE -l sel`,
 * each read fresh from the server (with `--local`, only the files, as they are). Any failure is
 * thrown before anything is changed.
 */
export async function setTargets(inv: Invocation, resourceArgs: string[]): Promise<Stored<KubeObject>[]> {
  const p = inv.parsed;
  const files = strings(p, 'filename');
  if (bool(p, 'local')) {
    // --local: the objects as the files hold them; the server is never asked.
    if (files.length === 0) throw new KubectlError(NO_RESOURCES_TEXT);
    return (await readAllManifests(inv, files)).map((m) => m.object as Stored<KubeObject>);
  }
  const targets: Stored<KubeObject>[] = [];
  const errors: unknown[] = [];
  for (const m of files.length ? await readAllManifests(inv, files) : []) {
    try {
      targets.push(inv.cluster.api.get(m.type.kind, m.object.metadata.namespace ?? (m.type.namespaced ? inv.namespace : undefined), m.object.metadata.name ?? ''));
    } catch (e) {
      errors.push(e);
    }
  }
  if (resourceArgs.length) {
    // resource.Builder visitByName: names exclude files and selectors.
    if (files.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well');
    const t = parseTargets(resourceArgs);
    if (t.named.length && str(p, 'selector')) throw new KubectlError('name cannot be provided when a selector is specified');
    if (t.types.length) {
      if (!bool(p, 'all') && !str(p, 'selector')) throw new KubectlError('resource(s) were provided, but no name was specified');
      targets.push(...listTargets(inv, t.types, str(p, 'selector')));
    }
    for (const n of t.named) {
      try {
        targets.push(getTarget(inv, n));
      } catch (e) {
        errors.push(e);
      }
    }
  }
  if (errors.length) throw setErrors(errors);
  return targets;
}

/**
 * One error as it stands alone, several as cmdutil.MultipleErrors prints them (each message and a
 * newline; a message that ends in a newline itself, as the per-object `error: …\n` ones do,
 * leaves a blank line).
 */
export function setErrors(errors: unknown[]): Error {
  const text = (e: unknown) => (e instanceof RawError || e instanceof KubectlError ? e.message : formatError(e, '').replace(/\n$/, ''));
  if (errors.length === 1) {
    const only = errors[0];
    if (only instanceof RawError) return only;
    if (only instanceof KubectlError) {
      const text = only.message.startsWith('error: ') ? only.message : `error: ${only.message}`;
      return text.endsWith('\n') ? new RawError(text) : new KubectlError(text);
    }
    return only instanceof Error ? only : new KubectlError(String(only));
  }
  return new RawError(errors.map((e) => `${text(e)}\n`).join(''));
}
