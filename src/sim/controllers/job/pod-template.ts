/**
 * Builds a Job's pods (job_controller.go manageJob / podGenerateNameWithIndex): the template with
 * the tracking finalizer and the controller reference; Indexed pods also get their completion
 * index as annotation, label, hostname and the JOB_COMPLETION_INDEX variable.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Container } from 'kubernetes-types/core/v1';
import { clone, type K8s, type KubeObject, type Stored } from '../../apiserver/types.ts';
import { controllerRef } from '../ownership.ts';
import { INDEX_ANNOTATION } from './indexed.ts';

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export type StoredJob = Stored<K8s<Job>>;

export function newJobPod(job: StoredJob, index: number | undefined): KubeObject {
  const t = clone(job.spec!.template);
  const labels: Record<string, string> = { ...(t.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(t.metadata?.annotations ?? {}) };
  const spec = (t.spec ?? { containers: [] }) as KubeObject['spec'];
  let generateName = `${job.metadata.name}-`;
  if (index !== undefined) {
    annotations[INDEX_ANNOTATION] = String(index);
    labels[INDEX_ANNOTATION] = String(index);
    spec.hostname = `${job.metadata.name}-${index}`;
    generateName = `${job.metadata.name}-${index}-`;
    const addEnv = (c: Container) => {
      const env = [...(c.env ?? [])];
      if (!env.some((e) => e.name === 'JOB_COMPLETION_INDEX')) {
        env.push({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${INDEX_ANNOTATION}']` } } });
      }
      (c as { env?: unknown }).env = env;
    };
    for (const c of spec.initContainers ?? []) addEnv(c);
    for (const c of spec.containers ?? []) addEnv(c);
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName,
      namespace: job.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      finalizers: [...(t.metadata?.finalizers ?? []), TRACKING_FINALIZER],
      ownerReferences: [controllerRef(job)],
    },
    spec,
  };
}
