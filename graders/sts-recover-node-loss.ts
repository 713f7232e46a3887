/**
 * Recover a StatefulSet replica from a lost node: force deletion, the at-most-one guarantee kept,
 * claims and healthy replicas untouched.
 */
import {
  check,
  defineGrader,
  expectClaimsKept,
  expectNotRecreated,
  expectPods,
  getObject,
} from './lib/index.ts';

export default defineGrader({
  tasks: {
    recover: (ctx) => {
      const lost = ctx.cluster.faults.downNodes();
      const quiz1 = getObject(ctx, 'pod/quiz-1');
      // Two quiz-1 pods at once would mean a new uid appearing while the old one still existed.
      let overlaps = false;
      ctx.timeline.forEachMoment(
        (e) => e.namespace === ctx.namespace && e.name === 'quiz-1',
        (pods) => {
          if (pods.filter((p) => !p.deleted).length > 1) overlaps = true;
        },
      );
      return [
        expectPods(ctx, { selector: 'app=quiz' }).toBeRunningAndReady(3),
        expectPods(ctx, { selector: 'app=quiz' }).toAvoidNodes(lost),
        check(
          'quiz-1 replaced',
          Boolean(quiz1 && ctx.timeline.uidsOf(ctx.namespace, 'quiz-1').length >= 2),
          `expected a new quiz-1 pod replacing the one on ${lost.join(', ') || 'the lost node'}, found ${quiz1 ? 'the original pod still there' : 'no quiz-1 pod'}`,
          `quiz-1 runs again on ${quiz1?.spec?.nodeName}`,
        ),
        check('never two quiz-1 pods', !overlaps, 'two quiz-1 pods existed at the same time', 'at most one quiz-1 existed at any time'),
        expectNotRecreated(ctx, 'pod/quiz-0'),
        expectNotRecreated(ctx, 'pod/quiz-2'),
        expectClaimsKept(ctx, ['data-quiz-0', 'data-quiz-1', 'data-quiz-2']),
      ];
    },
  },
});
