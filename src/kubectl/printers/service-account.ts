/** `kubectl get serviceaccounts`: printers.go printServiceAccount. */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const serviceAccountPrinter: KindPrinter = {
  kind: 'ServiceAccount',
  columns: [{ name: 'Name' }, { name: 'Secrets' }, { name: 'Age' }],
  row(obj, { now }) {
    return [obj.metadata.name!, String((obj.secrets ?? []).length), age(obj.metadata.creationTimestamp, now)];
  },
};
