/**
 * kubectl rollout undo: puts a previous revision's pod template back (the previous one, or
 * `--to-revision`); the controller then rolls it out as a new revision
 * (rollout_undo.go, polymorphichelpers/rollback.go).
 */
import { sameContent } from '../../../sim/apiserver/store.ts';
import type { KubeObject, Stored } from '../../../sim/apiserver/types.ts';
import type { KubectlCommand } from '../../command.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../../change-output.ts';
import { KubectlError } from '../../errors.ts';
import { fileFlags } from '../../file-flags.ts';
import { int } from '../../flags.ts';
import { aggregate } from '../../submit.ts';
import { rolloutObjects, SELECTOR_FLAGS } from './resources.ts';
import { hasHistory, revisionsOf, type Revision } from './revisions.ts';

/** Deployment annotations a rollback never copies from the ReplicaSet (annotationsToSkip). */
const SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function pick(revisions: Revision[], toRevision: number, currentIsLatest: boolean): Revision | undefined {
  if (toRevision > 0) return revisions.find((r) => r.revision === toRevision);
  if (revisions.length <= 1) return undefined;
  return currentIsLatest ? revisions[revisions.length - 2] : revisions[revisions.length - 1];
}

export const undo: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  example: `# Roll back to the previous deployment
kubectl rollout undo deployment/abc

# Roll back to daemonset revision 3
kubectl rollout undo daemonset/abc --to-revision=3

# Roll back to the previous deployment with dry-run
kubectl rollout undo --dry-run=server deployment/abc`,
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    ...fileFlags('identifying the resource to get from a server.'),
    ...SELECTOR_FLAGS,
    { name: 'to-revision', type: 'int', default: 0, help: 'The revision to rollback to. Default to 0 (last revision).' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  async run(inv) {
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const toRevision = int(inv.parsed, 'to-revision') ?? 0;
    const errors: unknown[] = [];
    for (const obj of await rolloutObjects(inv, errors)) {
      try {
        undoOne(inv, obj, toRevision, dryRun);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};

function undoOne(inv: Parameters<NonNullable<KubectlCommand['run']>>[0], obj: Stored<KubeObject>, toRevision: number, dryRun: ReturnType<typeof dryRunOf>): void {
  if (!hasHistory(obj.kind)) {
    const t = inv.cluster.api.type(obj.kind);
    throw new KubectlError(`no rollbacker has been implemented for "${t.group ? `${t.kind}.${t.group}` : t.kind}"`);
  }
  if (toRevision < 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  if (obj.kind === 'Deployment' && obj.spec?.paused) {
    throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  }
  const revisions = revisionsOf(inv, obj);
  const matchesCurrent = (r: Revision) => sameContent(r.template, stripHash(obj.spec?.template));
  // A Deployment's current revision is the newest set; a DaemonSet/StatefulSet's is its newest revision too.
  const target = pick(revisions, toRevision, true);
  if (!target) {
    if (obj.kind === 'Deployment' && toRevision === 0) throw new KubectlError(`no rollout history found for deployment ${JSON.stringify(obj.metadata.name)}`);
    throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  }
  if (matchesCurrent(target)) {
    reportChange(inv, obj as KubeObject, `skipped rollback (current template already matches revision ${toRevision})`, 'none');
    return;
  }
  const copy = structuredClone(obj) as KubeObject;
  copy.spec.template = structuredClone(target.template);
  if (obj.kind === 'Deployment') {
    // The deployment's annotations are replaced: the skipped keys stay, the rest come from the set.
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(copy.metadata.annotations ?? {})) if (SKIP.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(target.annotations)) if (!SKIP.has(k)) annotations[k] = v;
    copy.metadata.annotations = annotations;
  }
  const result = dryRun === 'client' ? copy : (inv.cluster.api.update(copy, { dryRun: dryRun === 'server' }) as KubeObject);
  reportChange(inv, result, 'rolled back', dryRun);
}

function stripHash(t: unknown): unknown {
  const c = structuredClone(t ?? {}) as { metadata?: { labels?: Record<string, string> } };
  if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
  return c;
}
