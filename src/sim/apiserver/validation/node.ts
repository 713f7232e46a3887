/**
 * Node validation (ValidateNode, ValidateNodeUpdate): taints and the podCIDR that may not change.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import { field, type Cause } from '../errors.ts';
import type { KubeObject, Stored } from '../types.ts';
import { qualifiedNameErrors } from './meta.ts';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateNode(node: KubeObject): Cause[] {
  const out: Cause[] = [];
  const seen = new Set<string>();
  ((node.spec?.taints ?? []) as Taint[]).forEach((t, i) => {
    const path = `spec.taints[${i}]`;
    if (!t.key) out.push(field.required(`${path}.key`));
    else out.push(...qualifiedNameErrors(`${path}.key`, t.key));
    if (!t.effect) out.push(field.required(`${path}.effect`));
    else if (!EFFECTS.includes(t.effect)) out.push(field.notSupported(`${path}.effect`, t.effect, EFFECTS));
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id)) {
      out.push({ field: path, message: `Duplicate value: ${JSON.stringify({ key: t.key, effect: t.effect })}: taints must be unique by key and effect pair` });
    }
    seen.add(id);
  });
  return out;
}

export function validateNodeUpdate(node: KubeObject, old: Stored): Cause[] {
  const out: Cause[] = [];
  const before = (old.spec?.podCIDRs ?? []) as string[];
  const after = (node.spec?.podCIDRs ?? []) as string[];
  if (before.length > 0 && (before.length !== after.length || before.some((c, i) => c !== after[i]))) {
    out.push(field.forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  return out;
}
