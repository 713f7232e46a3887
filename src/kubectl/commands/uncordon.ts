/** kubectl uncordon NODE: marks a node schedulable again. */
import { dryRunOf, DRY_RUN_FLAG } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { str } from '../flags.ts';
import { nodesFromArgs, setUnschedulable } from '../node-schedulable.ts';

export const uncordon: KubectlCommand = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  long: "Mark node as schedulable.",
  example: `# Mark node "foo" as schedulable
kubectl uncordon foo`,
  usage: 'kubectl uncordon NODE [options]',
  flags: [{ name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on' }, DRY_RUN_FLAG],
  async run(inv) {
    if (inv.parsed.args.length === 0 && !str(inv.parsed, 'selector')) {
      throw new KubectlError('USAGE: uncordon NODE [flags]\nSee \'kubectl uncordon -h\' for help and examples');
    }
    const dryRun = dryRunOf(inv);
    for (const node of nodesFromArgs(inv, inv.parsed.args, str(inv.parsed, 'selector'))) setUnschedulable(inv, node, false, dryRun);
    return 0;
  },
};
