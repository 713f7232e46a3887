/** kubectl cordon NODE: marks a node unschedulable. */
import { dryRunOf, DRY_RUN_FLAG } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { str } from '../flags.ts';
import { nodesFromArgs, setUnschedulable } from '../node-schedulable.ts';

export const cordon: KubectlCommand = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  long: "Mark node as unschedulable.",
  example: `# Mark node "foo" as unschedulable
kubectl cordon foo`,
  usage: 'kubectl cordon NODE [options]',
  flags: [{ name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on' }, DRY_RUN_FLAG],
  async run(inv) {
    if (inv.parsed.args.length === 0 && !str(inv.parsed, 'selector')) {
      throw new KubectlError('USAGE: cordon NODE [flags]\nSee \'kubectl cordon -h\' for help and examples');
    }
    const dryRun = dryRunOf(inv);
    for (const node of nodesFromArgs(inv, inv.parsed.args, str(inv.parsed, 'selector'))) setUnschedulable(inv, node, true, dryRun);
    return 0;
  },
};
