/** `kubectl get nodes`: printers.go printNode. */
import type { Node } from 'kubernetes-types/core/v1';
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const nodePrinter: KindPrinter = {
  kind: 'Node',
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', priority: 1 },
    { name: 'External-IP', priority: 1 },
    { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 },
    { name: 'Container-Runtime', priority: 1 },
  ],
  row(obj, { now }) {
    const node = obj as Node;
    const info = node.status?.nodeInfo;
    const roles = nodeRoles(node).join(',');
    return [
      node.metadata!.name!,
      nodeStatus(node),
      roles || '<none>',
      age(node.metadata?.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

/** `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}
