/**
 * batch/v1 structs: Job and CronJob. Field names and types follow
 * api/openapi-spec/v3/apis__batch__v1_openapi.json.
 */
import { arr, bool, f, i32, i64, openStruct, ref, str, struct } from './types.ts';
import { objectHeader } from './core.ts';

struct('Job', 'Runs pods until a number of them complete successfully.', {
  ...objectHeader(),
  spec: f(ref('JobSpec'), 'The pods to run and the completion rules.'),
  status: f(ref('JobStatus'), 'Progress as last observed. Read-only.'),
});
struct('JobSpec', 'The desired behaviour of a Job.', {
  activeDeadlineSeconds: f(i64, 'Seconds the job may run before it is failed with DeadlineExceeded.'),
  backoffLimit: f(i32, 'Retries before the job is failed. Defaults to 6.'),
  backoffLimitPerIndex: f(i32, 'Retries per index for Indexed jobs.'),
  completionMode: f(str('Indexed', 'NonIndexed'), 'NonIndexed or Indexed (each pod gets an index 0..completions-1). Defaults to NonIndexed.'),
  completions: f(i32, 'Successful pods needed to finish. Defaults to 1 (or to parallelism when unset… see docs).'),
  managedBy: f(str(), 'Controller that manages the job.'),
  manualSelector: f(bool, 'Use your own selector instead of the generated one.'),
  maxFailedIndexes: f(i32, 'Failed indexes allowed before the job fails.'),
  parallelism: f(i32, 'Pods running at the same time. Defaults to 1.'),
  podFailurePolicy: f(ref('PodFailurePolicy'), 'Rules deciding how pod failures count.'),
  podReplacementPolicy: f(str('Failed', 'TerminatingOrFailed'), 'When a replacement pod is created.'),
  selector: f(ref('LabelSelector'), 'Labels of the pods; generated unless manualSelector is set.'),
  successPolicy: f(ref('SuccessPolicy'), 'Rules to declare an Indexed job succeeded early.'),
  suspend: f(bool, 'While true, no pods are created and running ones are stopped.'),
  template: f(ref('PodTemplateSpec'), 'The pods to run; restartPolicy must be Never or OnFailure.', true),
  ttlSecondsAfterFinished: f(i32, 'Seconds after finishing before the job (and its pods) is deleted.'),
});
openStruct('PodFailurePolicy', 'Rules matching pod failures to actions.');
openStruct('SuccessPolicy', 'Rules declaring success.');
openStruct('JobStatus', 'Observed progress of a Job.');

struct('CronJob', 'Creates Jobs on a schedule.', {
  ...objectHeader(),
  spec: f(ref('CronJobSpec'), 'The schedule and the job to create.'),
  status: f(ref('CronJobStatus'), 'Active jobs and last schedule times. Read-only.'),
});
struct('CronJobSpec', 'The desired behaviour of a CronJob.', {
  concurrencyPolicy: f(str('Allow', 'Forbid', 'Replace'), 'Allow, Forbid or Replace overlapping runs. Defaults to Allow.'),
  failedJobsHistoryLimit: f(i32, 'Finished failed jobs to keep. Defaults to 1.'),
  jobTemplate: f(ref('JobTemplateSpec'), 'The Job created at each run.', true),
  schedule: f(str(), 'Cron expression, e.g. "*/5 * * * *".', true),
  startingDeadlineSeconds: f(i64, 'Seconds after a missed time a run may still start.'),
  successfulJobsHistoryLimit: f(i32, 'Finished successful jobs to keep. Defaults to 3.'),
  suspend: f(bool, 'While true, no new runs start.'),
  timeZone: f(str(), 'Time zone of the schedule, e.g. Etc/UTC.'),
});
struct('JobTemplateSpec', 'The Job a CronJob creates.', {
  metadata: f(ref('ObjectMeta'), 'Metadata of the created jobs.'),
  spec: f(ref('JobSpec'), 'Spec of the created jobs.'),
});
openStruct('CronJobStatus', 'Observed state of a CronJob.');

