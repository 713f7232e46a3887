/**
 * What the lab panel is sent: the view of a lab's progress (no hint text before it is revealed, no
 * solution before every task passed or the learner gave up), and that the panel's actions are the
 * `lab` command's own, so the terminal sees what the panel did and the other way round.
 */
import { describe, expect, it } from 'vitest';
import { labController } from '../../src/cli/lab-session.ts';
import { labView } from '../../src/labs/lab-view.ts';
import { newProgress, recordResults } from '../../src/labs/progress.ts';
import { loadLabBundle } from '../../src/cli/lab-session.ts';

const { lab } = loadLabBundle('sts-canary-partition');

async function typed(c: Awaited<ReturnType<typeof labController>>, line: string): Promise<string> {
  let out = '';
  await c.run.session.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return out;
}

describe('labView', () => {
  it('sends no hint text before it is revealed and no solution before the lab is done', () => {
    const p = newProgress(lab, 0);
    const v = labView(lab, p, 'SOLUTION');
    expect(v.solution).toBeUndefined();
    expect(v.tasks.map((t) => t.hints)).toEqual([[], []]);
    expect(v.tasks[0]!.nextHintCost).toBe(lab.tasks[0]!.hints[0]!.cost);
    expect(v.tasks[0]!.hintCount).toBe(lab.tasks[0]!.hints.length);
    expect(JSON.stringify(v)).not.toContain(lab.tasks[0]!.hints[0]!.text);
    expect(v.score).toEqual({ earned: 0, total: 100 });
  });

  it('shows revealed hints with their cost and the next one’s cost, and nothing past the last', () => {
    const p = newProgress(lab, 0);
    p.hints.finish = 2;
    const t = labView(lab, p, '').tasks[1]!;
    expect(t.hints).toEqual(lab.tasks[1]!.hints.map((h) => ({ text: h.text, cost: h.cost })));
    expect(t.nextHintCost).toBeUndefined();
  });

  it('shows the solution once every task passed, or after giving up', () => {
    const p = newProgress(lab, 0);
    recordResults(p, [{ task: 'canary', passed: true, checks: [{ name: 'a', passed: true, message: 'ok' }] }]);
    expect(labView(lab, p, 'S').solution).toBeUndefined();
    recordResults(p, [{ task: 'finish', passed: true, checks: [{ name: 'b', passed: true, message: 'ok' }] }]);
    const done = labView(lab, p, 'S');
    expect(done).toMatchObject({ done: true, gaveUp: false, solution: 'S', score: { earned: 100, total: 100 } });
    const q = newProgress(lab, 0);
    q.solutionShown = true;
    expect(labView(lab, q, 'S')).toMatchObject({ done: false, gaveUp: true, solution: 'S' });
  });
});

describe('the panel and the lab command share one state', () => {
  it('a panel check shows in `lab`, a typed check and hint show in the view', async () => {
    const c = await labController('sts-canary-partition');
    c.check('canary');
    const view = c.view();
    const canary = view.tasks[0]!;
    expect(canary.result?.passed).toBe(false);
    expect(canary.result?.checks.find((k) => k.name === 'partition is 2')).toMatchObject({ passed: false, message: expect.stringMatching(/partition 2, found 0$/) });
    expect(await typed(c, 'lab')).toContain(`✗ Release quiz:0.2 to quiz-2 only`);
    expect(await typed(c, 'lab')).toContain(`Score: ${view.score.earned}/100`);

    expect(await typed(c, 'lab hint finish')).toContain('Hint 1 of 2');
    expect(c.view().tasks[1]!.hints).toHaveLength(1);
    expect(await typed(c, 'lab check finish')).toContain('✗ quiz-0 runs quiz:0.2');
    expect(c.view().tasks[1]!.result?.checks.find((k) => k.name === 'quiz-0 runs quiz:0.2')?.passed).toBe(false);

    expect(c.view().solution).toBeUndefined();
    expect(await typed(c, 'lab solution')).toContain('kubectl set image statefulset/quiz quiz-api=quiz:0.2');
    expect(c.view()).toMatchObject({ gaveUp: true, solution: c.solution() });
  });
});
