/** `kubectl get namespaces`: printers.go printNamespace. */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const namespacePrinter: KindPrinter = {
  kind: 'Namespace',
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  row(obj, { now }) {
    return [obj.metadata.name!, obj.status?.phase ?? '', age(obj.metadata.creationTimestamp, now)];
  },
};
