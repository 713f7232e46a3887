/**
 * A lab's terminal: the lab's starting cluster, the `lab` command grading it, and progress that
 * survives a reload.
 */
import { expect, test } from '@playwright/test';
import { freshStorage, openTerminal, run } from './terminal-helpers.ts';

const ID = 'sandbox:lab:sts-canary-partition';

test('a lab opened in the sandbox lists its tasks, grades them, and keeps its progress', async ({ page }) => {
  await freshStorage(page);
  await openTerminal(page, '/sandbox/?lab=sts-canary-partition', ID);
  const overview = await run(page, ID, 'lab');
  expect(overview).toContain('Canary a StatefulSet with a partition');
  expect(overview).toContain('Score: 0/100');
  // The lab's starting cluster: its StatefulSet is there, and the first task is not done yet.
  expect(await run(page, ID, 'kubectl get pods -l app=quiz')).toMatch(/^quiz-2\s+1\/1\s+Running/m);
  const check = await run(page, ID, 'lab check');
  expect(check).toMatch(/^Task "Release quiz:0.2 to quiz-2 only": not yet$/m);
  expect(check).toMatch(/✗ partition is 2/);
  const score = /Score: (\d+)\/100/.exec(check)![1]!;
  expect(Number(score)).toBeGreaterThan(0);
  await run(page, ID, 'echo lab-file > mine.txt');
  await page.reload();
  await openTerminal(page, '/sandbox/?lab=sts-canary-partition', ID);
  expect(await run(page, ID, 'cat mine.txt')).toContain('lab-file');
  // The checks run before the reload are remembered in the score.
  expect(await run(page, ID, 'lab')).toContain(`Score: ${score}/100`);
});
