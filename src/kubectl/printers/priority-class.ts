/** `kubectl get priorityclasses`: printers.go printPriorityClass. */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const priorityClassPrinter: KindPrinter = {
  kind: 'PriorityClass',
  columns: [{ name: 'Name' }, { name: 'Value' }, { name: 'Global-Default' }, { name: 'Age' }, { name: 'PreemptionPolicy' }],
  row(obj, { now }) {
    return [
      obj.metadata.name!,
      String(obj.value ?? 0),
      String(Boolean(obj.globalDefault)),
      age(obj.metadata.creationTimestamp, now),
      obj.preemptionPolicy ?? '',
    ];
  },
};
