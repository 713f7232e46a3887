/**
 * What outlives a command: the session saved to IndexedDB (a reload resumes it, a crashed worker is
 * restarted from it, Reset throws it away), and the cluster view following the cluster live.
 */
import { expect, test } from '@playwright/test';
import { expectScreen, freshStorage, openTerminal, run, screenText, waitForPrompt } from './terminal-helpers.ts';

const ID = 'sandbox';

test.beforeEach(async ({ page }) => {
  await freshStorage(page);
  await openTerminal(page, '/sandbox/', ID);
});

function podNames(table: string): string[] {
  return table
    .split('\n')
    .filter((l) => /^web/.test(l))
    .map((l) => l.split(/\s+/)[0]!);
}

test('a reload resumes the same pods, files and a clock that kept going', async ({ page }) => {
  expect(await run(page, ID, 'kubectl run web --image=nginx')).toContain('pod/web created');
  await run(page, ID, 'echo kept > notes.txt');
  await page.getByRole('button', { name: 'Skip ahead until the cluster is quiet' }).click();
  const before = await run(page, ID, 'kubectl get pods');
  expect(podNames(before)).toEqual(['web']);
  const timeBefore = await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.state()!.cluster.time, ID);

  await page.reload();
  await openTerminal(page, '/sandbox/', ID);
  await expectScreen(page, ID, /resumed your session/);
  const after = await run(page, ID, 'kubectl get pods');
  expect(podNames(after)).toEqual(['web']);
  expect(after).toMatch(/^web\s+1\/1\s+Running\s+0\s+\S+$/m);
  expect(await run(page, ID, 'cat notes.txt')).toContain('kept');
  const timeAfter = await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.state()!.cluster.time, ID);
  expect(timeAfter).toBeGreaterThanOrEqual(timeBefore);
});

test('a crashed worker is restarted from the last saved state', async ({ page }) => {
  await run(page, ID, 'echo survived > crash.txt');
  await run(page, ID, 'kubectl run web --image=nginx');
  await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.crash(), ID);
  await page.waitForFunction((tid) => window.kubelab!.terminals.get(tid)!.generation() === 2, ID);
  await expectScreen(page, ID, /restarting it from your last saved state/);
  await waitForPrompt(page, ID);
  expect(await run(page, ID, 'cat crash.txt')).toContain('survived');
  expect(podNames(await run(page, ID, 'kubectl get pods'))).toEqual(['web']);
});

test('Reset starts over on a fresh cluster', async ({ page }) => {
  await run(page, ID, 'echo gone > reset.txt');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.waitForFunction((tid) => window.kubelab!.terminals.get(tid)!.generation() === 2, ID);
  await waitForPrompt(page, ID);
  expect(await run(page, ID, 'cat reset.txt')).toContain('No such file or directory');
  // The history went with it.
  await page.locator('.kl-screen .xterm').click();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  expect((await screenText(page, ID)).split('\n').pop()).toBe('controlplane:~$ cat reset.txt');
});

test('the cluster view shows nodes and a new pod on its node', async ({ page }) => {
  await page.getByRole('button', { name: 'Cluster view' }).click();
  const view = page.locator('.kl-cluster-slot');
  await expect(view.locator('.kl-node')).toHaveCount(4);
  await expect(view.locator('.kl-node[data-key="node/controlplane"]')).toContainText('control-plane');
  await run(page, ID, 'kubectl run web --image=nginx');
  const pod = view.locator('.kl-pod[data-key="pod/default/web"]');
  await expect(pod).toBeVisible();
  await page.getByRole('button', { name: 'Skip ahead until the cluster is quiet' }).click();
  await expect(pod).toHaveAttribute('data-phase', 'Running');
  await expect(view.locator('.kl-node').filter({ has: page.locator('[data-key="pod/default/web"]') })).toHaveCount(1);
  // Keyboard reachable, with a text alternative.
  await pod.focus();
  await expect(pod).toBeFocused();
  await view.getByText('Text summary').click();
  await expect(view.locator('.kl-text-alt')).toContainText(/Node node0\d \(Ready[^)]*\): web Running/);
});
