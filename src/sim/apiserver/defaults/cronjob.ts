/**
 * CronJob defaults (pkg/apis/batch/v1/defaults.go SetDefaults_CronJob) and the job template's
 * pod spec defaults.
 */
import type { KubeObject } from '../types.ts';
import { defaultTemplate } from './statefulset.ts';

export function defaultCronJob(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  spec.jobTemplate ??= {};
  spec.jobTemplate.metadata ??= {};
  defaultTemplate(spec.jobTemplate.spec?.template);
}
