/** kubectl create priorityclass NAME --value=N [--global-default] [--description] [--preemption-policy]. */
import type { KubectlCommand } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { bool, int, str } from '../../flags.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';

export const createPriorityClass: KubectlCommand = {
  name: 'priorityclass',
  aliases: ['pc'],
  short: 'Create a priority class with the specified name',
  long: "Create a priority class with the specified name, value, globalDefault and description.",
  example: `# Create a priority class named high-priority
kubectl create priorityclass high-priority --value=1000 --description="high priority"

# Create a priority class named default-priority that is considered as the global default priority
kubectl create priorityclass default-priority --value=1000 --global-default=true --description="default priority"

# Create a priority class named high-priority that cannot preempt pods with lower priority
kubectl create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"`,
  usage: 'kubectl create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'value', type: 'int', default: 0, help: 'the value of this priority class.' },
    { name: 'global-default', type: 'bool', help: 'global-default specifies whether this PriorityClass should be considered as the default priority.' },
    { name: 'description', type: 'string', help: 'description is an arbitrary string that usually provides guidelines on when this priority class should be used.' },
    { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority', help: 'preemption-policy is the policy for preempting pods with lower priority.' },
  ],
  async run(inv) {
    const name = nameArg(inv);
    const policy = str(inv.parsed, 'preemption-policy') ?? 'PreemptLowerPriority';
    if (policy !== 'PreemptLowerPriority' && policy !== 'Never') {
      throw new KubectlError(`unsupported preemption policy: ${policy}`);
    }
    const obj: Record<string, unknown> = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: generatedMeta(inv, name, false),
      preemptionPolicy: policy,
      value: int(inv.parsed, 'value') ?? 0,
    };
    const description = str(inv.parsed, 'description');
    if (description) obj.description = description;
    if (bool(inv.parsed, 'global-default')) obj.globalDefault = true;
    return finishGenerated(inv, obj as never, false);
  },
};
