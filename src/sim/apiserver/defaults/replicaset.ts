/**
 * ReplicaSet defaults (pkg/apis/apps/v1/defaults.go SetDefaults_ReplicaSet): one replica, and
 * the template's pod spec defaults.
 */
import type { KubeObject } from '../types.ts';
import { defaultTemplate } from './statefulset.ts';

export function defaultReplicaSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  defaultTemplate(spec.template);
}
