/**
 * WaitForFirstConsumer provisioning of node-local volumes, and the Delete reclaim policy.
 */
import { check, defineGrader, expectAbsent, getObject, isRunningAndReady } from './lib/index.ts';

export default defineGrader({
  tasks: {
    provision: (ctx) => {
      const pvc = getObject(ctx, 'pvc/cache');
      const pod = getObject(ctx, 'pod/cache');
      const pv = pvc?.spec?.volumeName ? getObject(ctx, `pv/${pvc.spec.volumeName}`) : undefined;
      const nodes: string[] = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms?.flatMap((t: { matchExpressions?: { key: string; values?: string[] }[] }) => (t.matchExpressions ?? []).filter((e) => e.key === 'kubernetes.io/hostname').flatMap((e) => e.values ?? [])) ?? [];
      return [
        check('claim from local-path', pvc?.spec?.storageClassName === 'local-path', pvc ? `expected claim cache to use class local-path, found ${pvc.spec?.storageClassName ?? 'none'}` : 'expected a claim named cache, found none', 'cache uses local-path'),
        check('claim Bound', pvc?.status?.phase === 'Bound', `expected claim cache Bound, found ${pvc?.status?.phase ?? 'no claim'}`, 'cache is Bound'),
        check('pod cache Running on node02', Boolean(pod && isRunningAndReady(pod) && pod.spec?.nodeName === 'node02'), `expected pod cache Running and Ready on node02, found ${pod ? `${pod.status?.phase} on ${pod.spec?.nodeName ?? 'no node'}` : 'no pod'}`, 'cache runs on node02'),
        check('volume lives on node02', JSON.stringify(nodes) === '["node02"]', pv ? `expected the volume to be pinned to node02, found ${nodes.length ? nodes.join(', ') : 'no node affinity'}` : 'expected a volume bound to cache, found none', `${pv?.metadata.name} lives on node02`),
      ];
    },
    cleanup: (ctx) => [
      check('cache ran before', ctx.timeline.historyOf(ctx.namespace, 'cache').some((e) => e.phase === 'Running'), 'expected pod cache to have run before being cleaned up, found it never ran', 'pod cache ran, then was cleaned up'),
      expectAbsent(ctx, 'pod/cache'),
      expectAbsent(ctx, 'pvc/cache'),
      check('no volume left', ctx.cluster.api.list('PersistentVolume').length === 0, `expected the volume to be deleted with its claim, found ${ctx.cluster.api.list('PersistentVolume').map((p) => `${p.metadata.name} (${p.status?.phase})`).join(', ')}`, 'the volume went with its claim'),
    ],
  },
});
