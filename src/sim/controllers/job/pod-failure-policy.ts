/**
 * podFailurePolicy matching (pkg/controller/job/pod_failure_policy.go): the first rule that
 * matches a failed pod's container exit codes or conditions decides: FailJob, Ignore or Count.
 */
import type { PodFailurePolicy } from 'kubernetes-types/batch/v1';
import type { StoredPod } from '../pod-status.ts';

export interface PolicyMatch {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
  message: string;
}

export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: StoredPod): PolicyMatch | undefined {
  if (!policy) return undefined;
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  for (let index = 0; index < policy.rules.length; index++) {
    const rule = policy.rules[index]!;
    const action = rule.action as PolicyMatch['action'];
    if (rule.onExitCodes) {
      const req = rule.onExitCodes;
      for (const cs of statuses) {
        const code = cs.state?.terminated?.exitCode;
        if (code === undefined || code === 0) continue;
        if (req.containerName && req.containerName !== cs.name) continue;
        const inValues = req.values.includes(code);
        if (req.operator === 'In' ? inValues : !inValues) {
          return {
            action,
            message: `Container ${cs.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${code} matching ${action} rule at index ${index}`,
          };
        }
      }
    }
    for (const pattern of rule.onPodConditions ?? []) {
      const cond = pod.status?.conditions?.find((c) => c.type === pattern.type && c.status === (pattern.status ?? 'True'));
      if (cond) {
        return {
          action,
          message: `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${cond.type} matching ${action} rule at index ${index}`,
        };
      }
    }
  }
  return undefined;
}
