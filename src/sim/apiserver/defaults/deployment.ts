/**
 * Deployment defaults (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment): one replica,
 * RollingUpdate with 25% surge and unavailability, 10 revisions, a 600 s progress deadline.
 */
import type { KubeObject } from '../types.ts';
import { defaultTemplate } from './statefulset.ts';

export function defaultDeployment(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
}
