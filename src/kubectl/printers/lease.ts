/** `kubectl get leases`: printers.go printLease. */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const leasePrinter: KindPrinter = {
  kind: 'Lease',
  columns: [{ name: 'Name' }, { name: 'Holder' }, { name: 'Age' }],
  row(obj, { now }) {
    return [obj.metadata.name!, obj.spec?.holderIdentity ?? '', age(obj.metadata.creationTimestamp, now)];
  },
};
