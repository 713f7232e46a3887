/**
 * OnDelete: the controller waits for the learner to delete each pod; the learner moves db-2 first,
 * then the others one at a time.
 */
import { check, defineGrader, expectNotRecreated, expectPods, getObject, type GradeContext } from './lib/index.ts';

function stillOnDelete(ctx: GradeContext) {
  const t = getObject(ctx, 'statefulset/db')?.spec?.updateStrategy?.type;
  return check('updateStrategy is still OnDelete', t === 'OnDelete', `expected updateStrategy OnDelete, found ${t ?? 'none'}`, 'the strategy is still OnDelete');
}

function updatedAll(ctx: GradeContext) {
  const sts = getObject(ctx, 'statefulset/db');
  const st = sts?.status ?? {};
  return check(
    'every replica on the update revision',
    st.observedGeneration === sts?.metadata.generation && st.updatedReplicas === 3 && st.readyReplicas === 3,
    `expected 3 replicas updated and ready at revision ${st.updateRevision}, found ${st.updatedReplicas ?? 0} updated and ${st.readyReplicas ?? 0} ready`,
    `all 3 replicas run revision ${st.updateRevision}`,
  );
}

export default defineGrader({
  tasks: {
    first: (ctx) => [
      stillOnDelete(ctx),
      check('template uses redis:7.4', getObject(ctx, 'statefulset/db')?.spec?.template?.spec?.containers?.[0]?.image === 'redis:7.4', 'expected the pod template to use redis:7.4', 'the template uses redis:7.4'),
      ...expectPods(ctx, { selector: 'app=db' }).toHaveImage('redis:7.4', { ordinals: [2] }),
      ...expectPods(ctx, { selector: 'app=db' }).toHaveImage('redis:7.2', { ordinals: [0, 1] }),
      expectNotRecreated(ctx, 'pod/db-0'),
      expectNotRecreated(ctx, 'pod/db-1'),
      expectPods(ctx, { selector: 'app=db' }).toBeRunningAndReady(3),
    ],
    rest: (ctx) => {
      // db-1 must have been Ready on the new version before db-0 was deleted.
      const db1Ready = ctx.timeline.historyOf(ctx.namespace, 'db-1').find((e) => e.ready && e.images[0] === 'redis:7.4')?.time;
      const db0Gone = ctx.timeline.historyOf(ctx.namespace, 'db-0').find((e) => e.terminating || e.deleted)?.time;
      return [
        stillOnDelete(ctx),
        ...expectPods(ctx, { selector: 'app=db' }).toHaveImage('redis:7.4'),
        // Under OnDelete upstream never moves currentRevision to updateRevision
        // (completeRollingUpdate in stateful_set_control.go only runs for RollingUpdate), so the
        // finished state is: every replica updated and ready.
        updatedAll(ctx),
        check('one at a time', db1Ready !== undefined && db0Gone !== undefined && db1Ready <= db0Gone, 'expected db-1 Ready on redis:7.4 before db-0 was deleted', 'db-1 was Ready on redis:7.4 before db-0 was deleted'),
      ];
    },
  },
});
