/** Every kind's describer; kinds without one get kubectl's generic describer. */
import { configMapDescriber } from './config-map.ts';
import { cronJobDescriber } from './cron-job.ts';
import { daemonSetDescriber } from './daemon-set.ts';
import { deploymentDescriber } from './deployment.ts';
import { endpointSliceDescriber } from './endpoint-slice.ts';
import { endpointsDescriber } from './endpoints.ts';
import { genericDescriber } from './generic.ts';
import { jobDescriber } from './job.ts';
import { namespaceDescriber } from './namespace.ts';
import { nodeDescriber } from './node.ts';
import { persistentVolumeClaimDescriber } from './persistent-volume-claim.ts';
import { persistentVolumeDescriber } from './persistent-volume.ts';
import { podDescriber } from './pod.ts';
import { priorityClassDescriber } from './priority-class.ts';
import { replicaSetDescriber } from './replica-set.ts';
import { secretDescriber } from './secret.ts';
import { serviceAccountDescriber } from './service-account.ts';
import { serviceDescriber } from './service.ts';
import { statefulSetDescriber } from './stateful-set.ts';
import { storageClassDescriber } from './storage-class.ts';
import type { Describer } from './types.ts';

const DESCRIBERS: Describer[] = [
  podDescriber,
  nodeDescriber,
  serviceDescriber,
  statefulSetDescriber,
  daemonSetDescriber,
  deploymentDescriber,
  replicaSetDescriber,
  jobDescriber,
  cronJobDescriber,
  persistentVolumeDescriber,
  persistentVolumeClaimDescriber,
  storageClassDescriber,
  configMapDescriber,
  secretDescriber,
  namespaceDescriber,
  endpointsDescriber,
  serviceAccountDescriber,
  priorityClassDescriber,
  endpointSliceDescriber,
];

const byKind = new Map(DESCRIBERS.map((d) => [d.kind, d]));

export function describerFor(kind: string): Describer {
  return byKind.get(kind) ?? genericDescriber(kind);
}
