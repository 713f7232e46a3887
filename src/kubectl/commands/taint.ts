/**
 * kubectl taint NODE NAME KEY[=VALUE]:EFFECT … and KEY[=VALUE][:EFFECT]- removal, as
 * staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go (Complete, Validate, RunTaint) and utils.go
 * (parseTaints, parseTaint, reorganizeTaints): the argument order rule, spec errors as usage
 * errors, the overwrite rule, `tainted` / `untainted` / `modified`, and "taint … not found"
 * collected per node while the other nodes are still changed.
 */
import { ApiError } from '../../sim/apiserver/errors.ts';
import type { KubeObject, Stored } from '../../sim/apiserver/types.ts';
import { labelValueMessages, qualifiedNameMessages } from '../../sim/apiserver/validation/meta.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { formatApiError, KubectlError, RawError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { getTarget, listTargets, resolveMappedTypeOrThrow } from '../targets.ts';

interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const USAGE_HINT = "\nSee 'kubectl taint -h' for help and examples";

/** An argument is a taint change when it has '=' or ':' or ends in '-' (Complete). */
function isTaintArg(s: string): boolean {
  return s.includes('=') || s.includes(':') || s.endsWith('-');
}

/** parseTaint: `key`, `key:effect` or `key=value:effect`; a value needs an effect. */
function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0]!;
  } else if (parts.length === 2) {
    effect = parts[1]!;
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${spec}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = labelValueMessages(value);
      if (errs.length) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else {
    throw new Error(`invalid taint spec: ${spec}`);
  }
  const errs = qualifiedNameMessages(key);
  if (errs.length) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  return { key, ...(value ? { value } : {}), ...(effect ? { effect } : {}) };
}

/** Go's `%v` of a corev1.Taint value: `{key value effect <nil>}` (TimeAdded is a nil pointer). */
function goTaintValue(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect ?? ''} <nil>}`;
}

/** parseTaints: taints to add (each with an effect, unique by key and effect) and to remove. */
function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      throw new Error(`duplicated taints with the same key and effect: ${goTaintValue(t)}`);
    }
    add.push(t);
  }
  return { add, remove };
}

/** corev1.Taint.ToString for a removal (it has no value). */
function taintText(t: Taint): string {
  return t.effect ? `${t.key}:${t.effect}` : t.key;
}

function sameKeyEffect(a: Taint, b: Taint): boolean {
  return a.key === b.key && (a.effect ?? '') === (b.effect ?? '');
}

/**
 * reorganizeTaints: the new taints come first, then the old ones they do not replace; removals
 * by key and effect (or by key alone). The operation word follows upstream, including its
 * `deleted` flag being that of the last removal only.
 */
function reorganize(old: Taint[], add: Taint[], remove: Taint[], overwrite: boolean) {
  let next: Taint[] = [...add, ...old.filter((o) => !add.some((a) => sameKeyEffect(a, o)))];
  const added = old.length !== next.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = next.length;
    next = next.filter((t) => !(r.effect ? sameKeyEffect(t, r) : t.key === r.key));
    deleted = next.length !== before;
    if (!deleted) errors.push(`taint ${JSON.stringify(taintText(r))} not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints: next, errors };
}

/**
 * The "taint … not found" errors of one node: a utilerrors aggregate, whose Error() is the one
 * message or `[a, b]`.
 */
class TaintsNotFound extends Error {
  constructor(readonly messages: string[]) {
    super(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
  }
}

/** One line of kubectl's MultipleErrors: an API error in its standard form, else the message. */
function messageOf(e: unknown): string {
  if (e instanceof ApiError) return formatApiError(e).trimEnd();
  return e instanceof Error ? e.message : String(e);
}

export const taint: KubectlCommand = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  // taint.go's Long after LongDesc (its list items come out as `  *  text`), with the two
  // lengths it is formatted with (DNS1123SubdomainMaxLength, LabelValueMaxLength).
  long: [
    'Update the taints on one or more nodes.',
    '',
    '  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.',
    '  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.',
    "  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.",
    '  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.',
    '  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.',
    '  *  Currently taint can only apply to node.',
  ].join('\n'),
  example: `# Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
# If a taint with that key and effect already exists, its value is replaced as specified
kubectl taint nodes foo dedicated=special-user:NoSchedule

# Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
kubectl taint nodes foo dedicated:NoSchedule-

# Remove from node 'foo' all the taints with key 'dedicated'
kubectl taint nodes foo dedicated-

# Add a taint with key 'dedicated' on nodes having label myLabel=X
kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule

# Add to node 'foo' a taint with key 'bar' and no value
kubectl taint nodes foo bar:NoSchedule`,
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  flags: [
    { name: 'overwrite', type: 'bool', help: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'all', type: 'bool', help: 'Select all nodes in the cluster' },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
    },
    { name: 'validate', type: 'string', default: 'strict', help: 'Schema validation mode.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-taint', help: 'Name of the manager used to track field ownership.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const resources: string[] = [];
    const taintArgs: string[] = [];
    for (const a of p.args) {
      if (isTaintArg(a)) taintArgs.push(a);
      else if (taintArgs.length) throw new KubectlError(`all resources must be specified before taint changes: ${a}`);
      else resources.push(a);
    }
    if (resources.length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name>');
    if (taintArgs.length === 0) throw new KubectlError('at least one taint update is required');
    let add: Taint[];
    let remove: Taint[];
    try {
      ({ add, remove } = parseTaints(taintArgs));
    } catch (e) {
      throw new KubectlError((e as Error).message + USAGE_HINT);
    }

    const resourceType = resources[0]!.toLowerCase();
    if (resolveMappedTypeOrThrow(resourceType).kind !== 'Node') {
      throw new KubectlError(`invalid resource type ${resourceType}, only node types are supported`);
    }
    const conflicts: string[] = [];
    for (const a of add) {
      for (const r of remove) {
        if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`{"${r.key}":"${r.effect ?? ''}"}`);
      }
    }
    if (conflicts.length) {
      throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
    }
    const all = bool(p, 'all');
    const selector = str(p, 'selector') ?? '';
    if (all && selector) throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2) {
      throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set");
    }

    const nodeType = inv.cluster.api.type('Node');
    const errors: unknown[] = [];
    let nodes: Stored<KubeObject>[] = [];
    if (all || selector) {
      nodes = listTargets(inv, [nodeType], selector || undefined);
    } else {
      for (const name of resources.slice(1)) {
        try {
          nodes.push(getTarget(inv, { type: nodeType, name }));
        } catch (e) {
          errors.push(e);
        }
      }
    }
    const overwrite = bool(p, 'overwrite');
    let count = 0;
    for (const node of nodes) {
      try {
        const old: Taint[] = node.spec?.taints ?? [];
        if (!overwrite) {
          const existing = add.filter((a) => old.some((o) => a.key === o.key && a.effect === o.effect)).map((a) => a.key);
          if (existing.length) {
            throw new KubectlError(`node ${node.metadata.name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`);
          }
        }
        const r = reorganize(old, add, remove, overwrite);
        if (r.errors.length) throw new TaintsNotFound(r.errors);
        const copy = structuredClone(node) as KubeObject;
        copy.spec = { ...copy.spec };
        if (r.taints.length) copy.spec.taints = r.taints;
        else delete copy.spec.taints;
        const result = dryRun === 'client' ? copy : (inv.cluster.api.update(copy, { dryRun: dryRun === 'server' }) as KubeObject);
        reportChange(inv, result, r.operation, dryRun, count++);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length === 1) {
      const e = errors[0];
      // checkErr unwraps an aggregate of one; a larger one prints one message a line, unprefixed.
      if (e instanceof TaintsNotFound) {
        throw e.messages.length === 1 ? new KubectlError(e.message) : new RawError(e.messages.join('\n'));
      }
      throw e;
    }
    if (errors.length > 1) throw new RawError(errors.map(messageOf).join('\n'));
    return 0;
  },
};
