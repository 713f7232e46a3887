/**
 * The lab panel beside a lab's terminal: tasks, Check through the worker (the same grading as
 * `lab check`), per-check results, hints with their cost, the score, and progress after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshStorage, openTerminal, run } from './terminal-helpers.ts';

const ID = 'sandbox:lab:sts-canary-partition';
const PATH = '/sandbox/?lab=sts-canary-partition';

function score(page: Page): Promise<number> {
  return page
    .locator('.kl-lab-score strong')
    .innerText()
    .then((t) => Number(/^(\d+)\/100$/.exec(t)![1]));
}

test('the lab panel grades through the worker, agrees with the terminal, and keeps its results', async ({ page }) => {
  await freshStorage(page);
  await openTerminal(page, PATH, ID);
  const panel = page.getByRole('region', { name: 'Canary a StatefulSet with a partition' });
  await expect(panel).toBeVisible();
  const canary = panel.locator('.kl-lab-task[data-task="canary"]');
  const finish = panel.locator('.kl-lab-task[data-task="finish"]');
  await expect(canary.getByRole('heading', { name: /Release quiz:0\.2 to quiz-2 only/ })).toBeVisible();
  await expect(finish.getByRole('heading', { name: /Finish the rollout/ })).toBeVisible();
  // The task text is rendered markdown: code spans are <code>.
  await expect(canary.locator('.kl-lab-text code', { hasText: 'quiz:0.2' }).first()).toBeVisible();
  await expect(panel.locator('.kl-lab-score')).toHaveText('Score 0/100');
  // No solution before the tasks pass or the learner gives up.
  await expect(panel.locator('.kl-lab-solution pre')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Give up and show the solution' })).toBeVisible();

  // Check the first task on the starting cluster: it fails, and says why.
  await canary.getByRole('button', { name: /^Check task 1/ }).click();
  const partition = canary.locator('.kl-lab-checkline', { hasText: 'partition is 2' });
  await expect(partition).toHaveAttribute('data-passed', 'false');
  await expect(partition.locator('.kl-lab-check-message')).toHaveText(/^expected .*partition 2, found 0$/);
  await expect(canary).toHaveAttribute('data-state', 'failed');
  await expect(canary.locator('.kl-lab-result')).toHaveAttribute('aria-live', 'polite');
  const afterFail = await score(page);
  // The terminal's `lab` sees the panel's check.
  const status = await run(page, ID, 'lab');
  expect(status).toMatch(/✗ Release quiz:0\.2 to quiz-2 only/);
  expect(status).toContain(`Score: ${afterFail}/100`);

  // Solve the task in the terminal, then check it in the panel: every check passes, the score rises.
  await run(page, ID, `kubectl patch sts quiz -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'`);
  await run(page, ID, 'kubectl set image sts/quiz quiz-api=quiz:0.2');
  expect(await run(page, ID, 'kubectl rollout status sts/quiz')).toContain('partitioned roll out complete');
  await canary.getByRole('button', { name: /^Check task 1/ }).click();
  await expect(canary).toHaveAttribute('data-state', 'passed');
  const lines = canary.locator('.kl-lab-checkline');
  expect(await lines.count()).toBeGreaterThan(3);
  await expect(canary.locator('.kl-lab-checkline[data-passed="false"]')).toHaveCount(0);
  await expect(canary.locator('.kl-lab-verdict')).toHaveText(/^Passed: all \d+ checks pass\.$/);
  await expect(panel.locator('.kl-lab-score')).toHaveText('Score 60/100');
  expect(afterFail).toBeLessThan(60);

  // A check typed in the terminal shows in the panel too.
  const typed = await run(page, ID, 'lab check finish');
  expect(typed).toMatch(/✗ partition is 0/);
  await expect(finish.locator('.kl-lab-checkline', { hasText: 'partition is 0' })).toHaveAttribute('data-passed', 'false');
  const withFinish = await score(page);

  // A hint shows its cost before it is revealed, and revealing it takes the points off.
  const hint = finish.getByRole('button', { name: 'Show hint (−5 points)' });
  await expect(hint).toBeVisible();
  await hint.click();
  await expect(finish.locator('.kl-lab-hintbox')).toHaveCount(1);
  await expect(finish.locator('.kl-lab-hintbox')).toContainText('Lowering the partition');
  await expect(finish.locator('.kl-lab-hintbox')).toBeFocused();
  await expect(panel.locator('.kl-lab-score')).toHaveText(`Score ${withFinish - 5}/100`);
  await expect(finish.getByRole('button', { name: 'Show next hint (−15 points)' })).toBeVisible();

  // After a reload the results, the hint and the score are still there.
  await page.waitForTimeout(300);
  await page.reload();
  await openTerminal(page, PATH, ID);
  await expect(canary).toHaveAttribute('data-state', 'passed');
  await expect(canary.locator('.kl-lab-checkline[data-passed="true"]')).toHaveCount(await lines.count());
  await expect(finish.locator('.kl-lab-checkline', { hasText: 'partition is 0' })).toHaveAttribute('data-passed', 'false');
  await expect(finish.locator('.kl-lab-hintbox')).toHaveCount(1);
  await expect(panel.locator('.kl-lab-score')).toHaveText(`Score ${withFinish - 5}/100`);
  expect(await run(page, ID, 'lab')).toContain(`Score: ${withFinish - 5}/100`);
});

test('giving up asks first, then shows the reference solution', async ({ page }) => {
  await freshStorage(page);
  await openTerminal(page, PATH, ID);
  const panel = page.locator('.kl-lab');
  const giveUp = panel.getByRole('button', { name: 'Give up and show the solution' });
  page.once('dialog', (d) => void d.dismiss());
  await giveUp.click();
  await expect(panel.locator('.kl-lab-solution pre')).toHaveCount(0);
  page.once('dialog', (d) => void d.accept());
  await giveUp.click();
  await expect(panel.locator('.kl-lab-solution pre')).toContainText('kubectl set image statefulset/quiz quiz-api=quiz:0.2');
  await expect(panel.locator('.kl-lab-solution h3')).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the lab panel with results, a hint and the solution passes axe in the ${theme} theme`, async ({ page }) => {
    await freshStorage(page);
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await openTerminal(page, PATH, ID);
    const panel = page.locator('.kl-lab');
    await panel.locator('.kl-lab-check').first().click();
    await expect(panel.locator('.kl-lab-checkline[data-passed="false"]').first()).toBeVisible();
    await panel.locator('.kl-lab-hint').first().click();
    await expect(panel.locator('.kl-lab-hintbox')).toHaveCount(1);
    page.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: 'Give up and show the solution' }).click();
    await expect(panel.locator('.kl-lab-solution pre')).toBeVisible();
    // Keyboard: Tab from the first Check button reaches the hint button, with a visible outline.
    await panel.locator('.kl-lab-check').first().focus();
    await page.keyboard.press('Tab');
    await expect(panel.locator('.kl-lab-hint').first()).toBeFocused();
    const outline = await panel.locator('.kl-lab-hint').first().evaluate((b) => getComputedStyle(b).outlineStyle);
    expect(outline).toBe('solid');
    const results = await new AxeBuilder({ page }).include('.kl-lab').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
