/** Every kind's table printer, by kind. */
import { age as ageOf } from '../format/duration.ts';
import { configMapPrinter } from './config-map.ts';
import { controllerRevisionPrinter } from './controller-revision.ts';
import { cronJobPrinter } from './cron-job.ts';
import { daemonSetPrinter } from './daemon-set.ts';
import { deploymentPrinter } from './deployment.ts';
import { endpointSlicePrinter } from './endpoint-slice.ts';
import { endpointsPrinter } from './endpoints.ts';
import { eventPrinter } from './event.ts';
import { jobPrinter } from './job.ts';
import { leasePrinter } from './lease.ts';
import { namespacePrinter } from './namespace.ts';
import { nodePrinter } from './node.ts';
import { persistentVolumeClaimPrinter } from './persistent-volume-claim.ts';
import { persistentVolumePrinter } from './persistent-volume.ts';
import { podPrinter } from './pod.ts';
import { priorityClassPrinter } from './priority-class.ts';
import { replicaSetPrinter } from './replica-set.ts';
import { secretPrinter } from './secret.ts';
import { serviceAccountPrinter } from './service-account.ts';
import { servicePrinter } from './service.ts';
import { statefulSetPrinter } from './stateful-set.ts';
import { storageClassPrinter } from './storage-class.ts';
import type { KindPrinter } from './types.ts';
import { volumeAttachmentPrinter } from './volume-attachment.ts';

const PRINTERS: KindPrinter[] = [
  podPrinter,
  nodePrinter,
  namespacePrinter,
  servicePrinter,
  endpointsPrinter,
  endpointSlicePrinter,
  configMapPrinter,
  secretPrinter,
  serviceAccountPrinter,
  eventPrinter,
  leasePrinter,
  statefulSetPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  jobPrinter,
  cronJobPrinter,
  controllerRevisionPrinter,
  persistentVolumePrinter,
  persistentVolumeClaimPrinter,
  storageClassPrinter,
  volumeAttachmentPrinter,
  priorityClassPrinter,
];

const byKind = new Map(PRINTERS.map((p) => [p.kind, p]));

/** The printer for a kind; kinds without one print `NAME AGE` like kubectl's default table. */
export function printerFor(kind: string): KindPrinter {
  return byKind.get(kind) ?? defaultPrinter(kind);
}

function defaultPrinter(kind: string): KindPrinter {
  return {
    kind,
    columns: [{ name: 'Name' }, { name: 'Age' }],
    row: (obj, { now }) => [obj.metadata.name!, ageOf(obj.metadata.creationTimestamp, now)],
  };
}
