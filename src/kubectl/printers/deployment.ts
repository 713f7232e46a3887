/** `kubectl get deployments`: printers.go printDeployment. */
import { formatLabelSelector } from '../../sim/apiserver/selectors.ts';
import { age } from '../format/duration.ts';
import { containerCells } from './pod-template.ts';
import type { KindPrinter } from './types.ts';

export const deploymentPrinter: KindPrinter = {
  kind: 'Deployment',
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { now }) {
    const s = obj.status ?? {};
    return [
      obj.metadata.name!,
      `${s.readyReplicas ?? 0}/${obj.spec?.replicas ?? 0}`,
      String(s.updatedReplicas ?? 0),
      String(s.availableReplicas ?? 0),
      age(obj.metadata.creationTimestamp, now),
      ...containerCells(obj.spec?.template),
      formatLabelSelector(obj.spec?.selector),
    ];
  },
};
