/**
 * The API strategies of the workload kinds (pkg/registry/apps/* and pkg/registry/batch/*
 * strategy.go): defaults, validation, generation and the status subresource. `kinds.ts`
 * registers them.
 */
import type { KindStrategy } from './strategy.ts';
import { defaultDaemonSet, defaultDaemonSetOnUpdate } from './defaults/daemonset.ts';
import { defaultCronJob } from './defaults/cronjob.ts';
import { defaultDeployment } from './defaults/deployment.ts';
import { defaultJob } from './defaults/job.ts';
import { defaultReplicaSet } from './defaults/replicaset.ts';
import { validateDeployment, validateDeploymentUpdate } from './validation/deployment.ts';
import { validateReplicaSet, validateReplicaSetUpdate } from './validation/replicaset.ts';
import { validateCronJob } from './validation/cronjob.ts';
import { defaultStatefulSet } from './defaults/statefulset.ts';
import { validateJob, validateJobUpdate } from './validation/job.ts';
import { validateDaemonSet, validateDaemonSetUpdate } from './validation/daemonset.ts';
import { validateStatefulSet, validateStatefulSetUpdate } from './validation/statefulset.ts';

/**
 * Defaults apply on updates too (upstream runs SetDefaults_* on every decoded request), so a
 * template changed by a patch is defaulted exactly as one that was created; otherwise controllers
 * comparing templates (Deployment → ReplicaSet) would see a difference that is not there.
 */
export const WORKLOAD_STRATEGIES: Record<string, KindStrategy> = {
  StatefulSet: {
    generation: true,
    statusSubresource: true,
    defaults: defaultStatefulSet,
    defaultsOnUpdate: (obj) => defaultStatefulSet(obj),
    validate: validateStatefulSet,
    validateUpdate: validateStatefulSetUpdate,
  },
  DaemonSet: {
    generation: true,
    statusSubresource: true,
    defaults: defaultDaemonSet,
    defaultsOnUpdate: defaultDaemonSetOnUpdate,
    validate: validateDaemonSet,
    validateUpdate: validateDaemonSetUpdate,
  },
  Job: {
    generation: true,
    statusSubresource: true,
    uidBeforeDefaults: true,
    defaults: defaultJob,
    defaultsOnUpdate: (obj) => defaultJob(obj),
    validate: validateJob,
    validateUpdate: validateJobUpdate,
  },
  CronJob: {
    generation: true,
    statusSubresource: true,
    defaults: defaultCronJob,
    defaultsOnUpdate: (obj) => defaultCronJob(obj),
    validate: validateCronJob,
  },
  Deployment: {
    generation: true,
    statusSubresource: true,
    defaults: defaultDeployment,
    defaultsOnUpdate: (obj) => defaultDeployment(obj),
    validate: validateDeployment,
    validateUpdate: validateDeploymentUpdate,
  },
  ReplicaSet: {
    generation: true,
    statusSubresource: true,
    defaults: defaultReplicaSet,
    defaultsOnUpdate: (obj) => defaultReplicaSet(obj),
    validate: validateReplicaSet,
    validateUpdate: validateReplicaSetUpdate,
  },
  ControllerRevision: {},
};
