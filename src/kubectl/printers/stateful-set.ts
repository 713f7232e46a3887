/** `kubectl get statefulsets`: printers.go printStatefulSet. */
import { age } from '../format/duration.ts';
import { containerCells } from './pod-template.ts';
import type { KindPrinter } from './types.ts';

export const statefulSetPrinter: KindPrinter = {
  kind: 'StatefulSet',
  columns: [{ name: 'Name' }, { name: 'Ready' }, { name: 'Age' }, { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }],
  row(obj, { now }) {
    return [
      obj.metadata.name!,
      `${obj.status?.readyReplicas ?? 0}/${obj.spec?.replicas ?? 0}`,
      age(obj.metadata.creationTimestamp, now),
      ...containerCells(obj.spec?.template),
    ];
  },
};
