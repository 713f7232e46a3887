/** `kubectl get controllerrevisions`: printers.go printControllerRevision. */
import { controllerOf } from '../../sim/apiserver/types.ts';
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const controllerRevisionPrinter: KindPrinter = {
  kind: 'ControllerRevision',
  columns: [{ name: 'Name' }, { name: 'Controller' }, { name: 'Revision' }, { name: 'Age' }],
  row(obj, { now }) {
    const ref = controllerOf(obj);
    let controller = '<none>';
    if (ref) {
      const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0]! : '';
      controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
    }
    return [obj.metadata.name!, controller, String(obj.revision ?? 0), age(obj.metadata.creationTimestamp, now)];
  },
};
