/**
 * Job defaults (pkg/apis/batch/v1/defaults.go SetDefaults_Job) and the generated selector and
 * template labels of pkg/registry/batch/job/strategy.go (generateSelector), keyed by the Job's uid.
 */
import type { KubeObject } from '../types.ts';
import { defaultTemplate } from './statefulset.ts';

export const JOB_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

export function defaultJob(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  if (spec.backoffLimitPerIndex == null) spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  defaultTemplate(spec.template);
  if (!spec.manualSelector) generateSelector(obj);
}

/** Selector and template labels from the uid (legacy `controller-uid`/`job-name` too). */
export function generateSelector(obj: KubeObject): void {
  const uid = obj.metadata.uid;
  const name = obj.metadata.name;
  if (!uid || !obj.spec?.template) return;
  const template = obj.spec.template;
  template.metadata ??= {};
  template.metadata.labels = {
    ...(template.metadata.labels ?? {}),
    [JOB_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
    'controller-uid': uid,
    'job-name': name,
  };
  obj.spec.selector ??= { matchLabels: { [JOB_UID_LABEL]: uid } };
}
