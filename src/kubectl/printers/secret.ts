/** `kubectl get secrets`: printers.go printSecret. */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const secretPrinter: KindPrinter = {
  kind: 'Secret',
  columns: [{ name: 'Name' }, { name: 'Type' }, { name: 'Data' }, { name: 'Age' }],
  row(obj, { now }) {
    const n = Object.keys(obj.data ?? {}).length;
    return [obj.metadata.name!, obj.type ?? '', String(n), age(obj.metadata.creationTimestamp, now)];
  },
};
