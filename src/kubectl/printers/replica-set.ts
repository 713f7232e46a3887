/** `kubectl get replicasets`: printers.go printReplicaSet. */
import { formatLabelSelector } from '../../sim/apiserver/selectors.ts';
import { age } from '../format/duration.ts';
import { containerCells } from './pod-template.ts';
import type { KindPrinter } from './types.ts';

export const replicaSetPrinter: KindPrinter = {
  kind: 'ReplicaSet',
  columns: [
    { name: 'Name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { now }) {
    const s = obj.status ?? {};
    return [
      obj.metadata.name!,
      String(obj.spec?.replicas ?? 0),
      String(s.replicas ?? 0),
      String(s.readyReplicas ?? 0),
      age(obj.metadata.creationTimestamp, now),
      ...containerCells(obj.spec?.template),
      formatLabelSelector(obj.spec?.selector),
    ];
  },
};
