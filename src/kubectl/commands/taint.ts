/**
 * kubectl taint NODE KEY[=VALUE]:EFFECT … and KEY[:EFFECT]- removal: `node/x tainted`,
 * `node/x untainted`, with the overwrite rule and error texts of
 * staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go and utils.go.
 */
import type { KubeObject, Stored } from '../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { getTarget, listTargets, parseTargets } from '../targets.ts';

interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function parseTaint(spec: string, removal: boolean): Taint {
  const colon = spec.lastIndexOf(':');
  let keyValue = spec;
  let effect: string | undefined;
  if (colon !== -1) {
    keyValue = spec.slice(0, colon);
    effect = spec.slice(colon + 1);
  }
  if (!removal && effect === undefined) throw new KubectlError(`invalid taint spec: ${spec}, unknown taint effect`);
  if (effect !== undefined && !EFFECTS.includes(effect)) {
    throw new KubectlError(`invalid taint effect: ${effect}, unsupported taint effect`);
  }
  const eq = keyValue.indexOf('=');
  const key = eq === -1 ? keyValue : keyValue.slice(0, eq);
  const value = eq === -1 ? undefined : keyValue.slice(eq + 1);
  if (!key || !/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key)) {
    throw new KubectlError(`invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
  if (removal && value !== undefined) throw new KubectlError(`invalid taint spec: ${spec}`);
  return { key, ...(value !== undefined && value !== '' ? { value } : {}), ...(effect ? { effect } : {}) };
}

function taintText(t: Taint): string {
  return t.effect ? `${t.key}:${t.effect}` : t.key;
}

export const taint: KubectlCommand = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  flags: [
    { name: 'overwrite', type: 'bool', help: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'all', type: 'bool', help: 'Select all nodes in the cluster' },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on.' },
    { name: 'validate', type: 'string', default: 'strict', help: 'Schema validation mode.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const taintArgs = p.args.filter((a) => a.includes(':') || a.includes('=') || a.endsWith('-'));
    const resourceArgs = p.args.filter((a) => !taintArgs.includes(a));
    if (taintArgs.length === 0) throw new KubectlError('at least one taint update is required');
    const add: Taint[] = [];
    const remove: Taint[] = [];
    for (const a of taintArgs) {
      if (a.endsWith('-')) remove.push(parseTaint(a.slice(0, -1), true));
      else add.push(parseTaint(a, false));
    }
    let nodes: Stored<KubeObject>[] = [];
    if (bool(p, 'all') || str(p, 'selector')) {
      nodes = listTargets(inv, [inv.cluster.api.type('Node')], str(p, 'selector'));
    } else {
      if (resourceArgs.length === 0) throw new KubectlError('at least one resource name must be specified since \'all\' parameter is not set');
      const t = parseTargets(resourceArgs);
      if (t.named.length === 0) throw new KubectlError('at least one resource name must be specified since \'all\' parameter is not set');
      for (const n of t.named) {
        if (n.type.kind !== 'Node') throw new KubectlError(`invalid resource type ${n.type.plural}, only node types are supported`);
        nodes.push(getTarget(inv, n));
      }
    }
    let count = 0;
    for (const node of nodes) {
      const current: Taint[] = (node.spec?.taints ?? []).map((t: Taint) => ({ ...t }));
      let next = [...current];
      for (const r of remove) {
        const before = next.length;
        next = next.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
        if (next.length === before) throw new KubectlError(`taint ${JSON.stringify(taintText(r))} not found`);
      }
      for (const a of add) {
        const i = next.findIndex((t) => t.key === a.key && t.effect === a.effect);
        if (i !== -1) {
          if (!bool(p, 'overwrite')) {
            throw new KubectlError(`node ${node.metadata.name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`);
          }
          next[i] = a;
        } else next.push(a);
      }
      const copy = structuredClone(node) as KubeObject;
      copy.spec = { ...copy.spec };
      if (next.length) copy.spec.taints = next;
      else delete copy.spec.taints;
      const result = dryRun === 'client' ? copy : (inv.cluster.api.update(copy, { dryRun: dryRun === 'server' }) as KubeObject);
      const op = remove.length && !add.length ? 'untainted' : 'tainted';
      reportChange(inv, result, op, dryRun, count++);
    }
    return 0;
  },
};
