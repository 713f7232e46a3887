/**
 * StatefulSet defaults (pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet), plus the pod
 * template and claim template defaults.
 */
import type { KubeObject } from '../types.ts';
import { defaultPodSpec } from './pod.ts';

export function defaultStatefulSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  defaultTemplate(spec.template);
  for (const claim of spec.volumeClaimTemplates ?? []) {
    claim.apiVersion ??= 'v1';
    claim.kind ??= 'PersistentVolumeClaim';
    claim.spec ??= {};
    claim.spec.volumeMode ??= 'Filesystem';
    claim.status ??= { phase: 'Pending' };
  }
}

/** A workload's pod template: an empty `metadata` at least, and the pod spec defaults. */
export function defaultTemplate(template: KubeObject['spec'] | undefined): void {
  if (!template) return;
  template.metadata ??= {};
  if (template.spec) defaultPodSpec(template.spec);
}
