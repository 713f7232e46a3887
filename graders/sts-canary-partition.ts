/**
 * Canary a StatefulSet with a partition: quiz-2 first, then everyone, nothing recreated needlessly.
 */
import {
  check,
  defineGrader,
  expectClaimsKept,
  expectNotRecreated,
  expectPods,
  expectStatefulSet,
  getObject,
} from './lib/index.ts';

const CLAIMS = ['data-quiz-0', 'data-quiz-1', 'data-quiz-2'];

export default defineGrader({
  tasks: {
    canary: (ctx) => {
      const sts = getObject(ctx, 'statefulset/quiz');
      const st = sts?.status ?? {};
      return [
        expectStatefulSet(ctx, 'quiz').toHavePartition(2),
        expectPods(ctx, { selector: 'app=quiz' }).toHaveImage('quiz:0.2', { ordinals: [2] }),
        expectPods(ctx, { selector: 'app=quiz' }).toHaveImage('quiz:0.1', { ordinals: [0, 1] }),
        expectNotRecreated(ctx, 'pod/quiz-0'),
        expectNotRecreated(ctx, 'pod/quiz-1'),
        check(
          'two revisions in use',
          Boolean(st.currentRevision && st.updateRevision && st.currentRevision !== st.updateRevision),
          `expected quiz-0 and quiz-1 on the current revision and quiz-2 on a new update revision, found currentRevision ${st.currentRevision ?? 'none'} and updateRevision ${st.updateRevision ?? 'none'}`,
          `current revision ${st.currentRevision}, update revision ${st.updateRevision}`,
        ),
        expectPods(ctx, { selector: 'app=quiz' }).toBeRunningAndReady(3),
        expectClaimsKept(ctx, CLAIMS),
      ];
    },
    finish: (ctx) => [
      expectStatefulSet(ctx, 'quiz').toHavePartition(0),
      expectPods(ctx, { selector: 'app=quiz' }).toHaveImage('quiz:0.2', { ordinals: [0, 1, 2] }),
      expectStatefulSet(ctx, 'quiz').toBeRolledOut(),
      expectPods(ctx, { selector: 'app=quiz' }).toBeRunningAndReady(3),
      expectClaimsKept(ctx, CLAIMS),
    ],
  },
});
