/** `kubectl get daemonsets`: printers.go printDaemonSet. */
import { formatLabels, formatLabelSelector } from '../../sim/apiserver/selectors.ts';
import { age } from '../format/duration.ts';
import { containerCells } from './pod-template.ts';
import type { KindPrinter } from './types.ts';

export const daemonSetPrinter: KindPrinter = {
  kind: 'DaemonSet',
  columns: [
    { name: 'Name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Node Selector' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { now }) {
    const s = obj.status ?? {};
    return [
      obj.metadata.name!,
      String(s.desiredNumberScheduled ?? 0),
      String(s.currentNumberScheduled ?? 0),
      String(s.numberReady ?? 0),
      String(s.updatedNumberScheduled ?? 0),
      String(s.numberAvailable ?? 0),
      formatLabels(obj.spec?.template?.spec?.nodeSelector),
      age(obj.metadata.creationTimestamp, now),
      ...containerCells(obj.spec?.template),
      formatLabelSelector(obj.spec?.selector),
    ];
  },
};
