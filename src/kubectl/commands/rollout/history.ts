/**
 * kubectl rollout history: `REVISION  CHANGE-CAUSE` for Deployments (from their ReplicaSets),
 * DaemonSets and StatefulSets (from their ControllerRevisions), or one revision's pod template
 * with `--revision` (rollout_history.go, polymorphichelpers/history.go).
 */
import type { KubectlCommand } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { describePodTemplate } from '../../describe/containers.ts';
import { DescribeWriter } from '../../describe/writer.ts';
import { fileFlags } from '../../file-flags.ts';
import { int } from '../../flags.ts';
import { TabWriter } from '../../format/tabwriter.ts';
import { nameRef } from '../../change-output.ts';
import { aggregate } from '../../submit.ts';
import { rolloutObjects, SELECTOR_FLAGS } from './resources.ts';
import { CHANGE_CAUSE, hasHistory, revisionsOf } from './revisions.ts';

/** tabbedString: minwidth 0, tabwidth 8, padding 2. */
function tabbed(lines: string[]): string {
  let out = '';
  const w = new TabWriter((s) => (out += s), { minWidth: 0, padding: 2, rememberWidths: false });
  for (const l of lines) w.print(l);
  w.flush();
  return out;
}

export const history: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  example: `# View the rollout history of a deployment
kubectl rollout history deployment/abc

# View the details of daemonset revision 3
kubectl rollout history daemonset/abc --revision=3`,
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    ...fileFlags('identifying the resource to get from a server.'),
    ...SELECTOR_FLAGS,
    { name: 'revision', type: 'int', default: 0, help: 'See the details, including podTemplate of the revision specified' },
  ],
  async run(inv) {
    const revision = int(inv.parsed, 'revision') ?? 0;
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const errors: unknown[] = [];
    for (const obj of await rolloutObjects(inv, errors)) {
      if (!hasHistory(obj.kind)) {
        const t = inv.cluster.api.type(obj.kind);
        throw new KubectlError(`no history viewer has been implemented for "${t.group ? `${t.kind}.${t.group}` : t.kind}"`);
      }
      const revisions = revisionsOf(inv, obj, { keepHash: true });
      let body: string;
      if (revisions.length === 0) body = 'No rollout history found.';
      else if (revision > 0) {
        const r = revisions.find((x) => x.revision === revision);
        if (!r) throw new KubectlError('unable to find the specified revision');
        const w = new DescribeWriter();
        const template = structuredClone(r.template);
        if (obj.kind === 'Deployment' && r.annotations[CHANGE_CAUSE]) {
          template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE]: r.annotations[CHANGE_CAUSE] } };
        }
        describePodTemplate(w, template);
        body = w.toString();
      } else {
        body = tabbed(['REVISION\tCHANGE-CAUSE\n', ...revisions.map((r) => `${r.revision}\t${r.annotations[CHANGE_CAUSE] || '<none>'}\n`)]);
      }
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      inv.io.out(`${nameRef(obj)} ${withRevision}\n${body}\n`);
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};
