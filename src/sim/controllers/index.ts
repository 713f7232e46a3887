/**
 * Every controller of a simulated cluster, in the fixed order they run within a settle round.
 */
import type { Controller } from './controller.ts';
import { NamespaceController } from './namespace.ts';
import { ServiceAccountController } from './service-account.ts';
import { RootCAPublisher } from './root-ca-publisher.ts';
import { GarbageCollector } from './garbage-collector.ts';
import { PodGCController } from './pod-gc.ts';
import { EventTTLController } from './event-ttl.ts';
import { EndpointsController } from './endpoints.ts';
import { EndpointSliceController } from './endpointslice.ts';
import { NodeLeaseController } from './node-lease.ts';
import { NodeLifecycleController } from './node-lifecycle.ts';
import { TaintEvictionController } from './taint-eviction.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import { Kubelet } from '../kubelet/kubelet.ts';
import { DeploymentController } from './deployment/controller.ts';
import { ReplicaSetController } from './replicaset.ts';
import { DaemonSetController } from './daemonset/controller.ts';
import { JobController } from './job/controller.ts';
import { CronJobController } from './cronjob.ts';
import { TtlAfterFinishedController } from './ttl-after-finished.ts';
import { StatefulSetController } from './statefulset/controller.ts';
import { PersistentVolumeBinder } from './persistentvolume/binder.ts';
import { ExternalProvisioner } from './persistentvolume/provisioner.ts';
import { PvcProtectionController } from './pvc-protection.ts';
import { PvProtectionController } from './pv-protection.ts';
import { AttachDetachController } from './attach-detach.ts';
import { VolumeExpandController } from './volume-expand.ts';
import { EphemeralVolumeController } from './ephemeral-volume.ts';

export function defaultControllers(): Controller[] {
  return [
    new NamespaceController(),
    new ServiceAccountController(),
    new RootCAPublisher(),
    new GarbageCollector(),
    new PodGCController(),
    new EventTTLController(),
    new NodeLeaseController(),
    new NodeLifecycleController(),
    new TaintEvictionController(),
    new DeploymentController(),
    new ReplicaSetController(),
    new StatefulSetController(),
    new DaemonSetController(),
    new JobController(),
    new CronJobController(),
    new TtlAfterFinishedController(),
    new EphemeralVolumeController(),
    new PersistentVolumeBinder(),
    new ExternalProvisioner(),
    new PvcProtectionController(),
    new PvProtectionController(),
    new AttachDetachController(),
    new VolumeExpandController(),
    new Scheduler(),
    new Kubelet(),
    new EndpointsController(),
    new EndpointSliceController(),
  ];
}
