/** `kubectl get configmaps`: printers.go printConfigMap (DATA counts data and binaryData keys). */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const configMapPrinter: KindPrinter = {
  kind: 'ConfigMap',
  columns: [{ name: 'Name' }, { name: 'Data' }, { name: 'Age' }],
  row(obj, { now }) {
    const n = Object.keys(obj.data ?? {}).length + Object.keys(obj.binaryData ?? {}).length;
    return [obj.metadata.name!, String(n), age(obj.metadata.creationTimestamp, now)];
  },
};
