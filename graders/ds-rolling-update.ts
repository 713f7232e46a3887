/**
 * A careful DaemonSet rolling update (maxUnavailable 1, minReadySeconds 10) and a rollback.
 */
import { check, defineGrader, expectField, expectNotRecreated, expectPods, getObject, type GradeContext } from './lib/index.ts';

/** The most log-shipper pods missing or not ready on worker nodes at one moment. */
function maxUnready(ctx: GradeContext): number {
  let worst = 0;
  const workers = ctx.cluster.api.list('Node').filter((n) => !('node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}))).length;
  ctx.timeline.forEachMoment(
    (e) => e.namespace === ctx.namespace && e.name.startsWith('log-shipper-'),
    (pods) => {
      const ready = pods.filter((p) => p.ready && !p.deleted && !p.terminating).length;
      worst = Math.max(worst, workers - ready);
    },
  );
  return worst;
}

function revisionsOf(ctx: GradeContext): { name: string; revision: number; image?: string }[] {
  return ctx.cluster.api
    .list('ControllerRevision', { namespace: ctx.namespace })
    .filter((r) => r.metadata.ownerReferences?.some((o: { kind: string; name: string }) => o.kind === 'DaemonSet' && o.name === 'log-shipper'))
    .map((r) => ({ name: r.metadata.name!, revision: r.revision, image: r.data?.spec?.template?.spec?.containers?.[0]?.image }));
}

function rolledOut(ctx: GradeContext, image: string) {
  const ds = getObject(ctx, 'daemonset/log-shipper');
  const st = ds?.status ?? {};
  return check(
    `every node runs ${image}`,
    ds?.spec?.template?.spec?.containers?.[0]?.image === image && st.observedGeneration === ds?.metadata.generation && st.updatedNumberScheduled === st.desiredNumberScheduled && st.numberAvailable === st.desiredNumberScheduled,
    `expected all ${st.desiredNumberScheduled ?? '?'} nodes updated and available with ${image}, found ${st.updatedNumberScheduled ?? 0} updated and ${st.numberAvailable ?? 0} available, template image ${ds?.spec?.template?.spec?.containers?.[0]?.image}`,
    `all ${st.desiredNumberScheduled} nodes run ${image}`,
  );
}

export default defineGrader({
  tasks: {
    update: (ctx) => {
      const worst = maxUnready(ctx);
      return [
        expectField(ctx, 'daemonset/log-shipper', 'spec.minReadySeconds', 10, 'minReadySeconds is 10'),
        expectField(ctx, 'daemonset/log-shipper', 'spec.updateStrategy.rollingUpdate.maxUnavailable', 1, 'maxUnavailable is 1'),
        rolledOut(ctx, 'fluent/fluent-bit:3.1'),
        ...expectPods(ctx, { selector: 'app=log-shipper' }).toHaveImage('fluent/fluent-bit:3.1'),
        check('at most one node without a ready shipper', worst <= 1, `expected at most 1 node without a ready shipper during the update, found ${worst} at once`, `at most ${worst} node was without a ready shipper`),
      ];
    },
    rollback: (ctx) => [
      rolledOut(ctx, 'fluent/fluent-bit:3.0'),
      ...expectPods(ctx, { selector: 'app=log-shipper' }).toHaveImage('fluent/fluent-bit:3.0'),
      expectNotRecreated(ctx, 'daemonset/log-shipper'),
      check(
        'history kept',
        revisionsOf(ctx).length >= 2,
        `expected the DaemonSet's revisions (3.0 and 3.1) kept as ControllerRevisions, found ${revisionsOf(ctx).length}`,
        `${revisionsOf(ctx).length} revisions kept`,
      ),
    ],
  },
});
