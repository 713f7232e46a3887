/** `kubectl get volumeattachments`: printers.go printVolumeAttachment. */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const volumeAttachmentPrinter: KindPrinter = {
  kind: 'VolumeAttachment',
  columns: [{ name: 'Name' }, { name: 'Attacher' }, { name: 'PV' }, { name: 'Node' }, { name: 'Attached' }, { name: 'Age' }],
  row(obj, { now }) {
    return [
      obj.metadata.name!,
      obj.spec?.attacher ?? '',
      obj.spec?.source?.persistentVolumeName ?? '',
      obj.spec?.nodeName ?? '',
      String(Boolean(obj.status?.attached)),
      age(obj.metadata.creationTimestamp, now),
    ];
  },
};
