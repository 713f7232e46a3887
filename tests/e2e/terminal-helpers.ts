/**
 * Helpers for driving a terminal through the page's `window.kubelab` hooks: wait for its prompt,
 * run a command and read its output from xterm's buffer (not the DOM, which has no plain spaces).
 */
import { expect, type Page } from '@playwright/test';

/** Clears the site's saved terminals and history, so each test starts on a fresh cluster. */
export async function freshStorage(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase('kubelab');
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    });
  });
}

/** Opens `path` and waits until the terminal `id` shows its prompt. */
export async function openTerminal(page: Page, path: string, id: string): Promise<void> {
  await page.goto(path);
  await page.locator(`.kl-terminal[data-id="${id}"]`).scrollIntoViewIfNeeded();
  await page.waitForFunction((tid) => window.kubelab?.terminals.has(tid), id);
  await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.ready, id);
  await waitForPrompt(page, id);
}

/** The terminal's buffer as text. */
export function screenText(page: Page, id: string): Promise<string> {
  return page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.text(), id);
}

/** Waits until no command runs and the last line is a fresh prompt. */
export async function waitForPrompt(page: Page, id: string): Promise<void> {
  await page.waitForFunction((tid) => {
    const t = window.kubelab?.terminals.get(tid);
    if (!t || t.busy()) return false;
    const lines = t.text().split('\n');
    return /\$$/.test(lines[lines.length - 1] ?? '');
  }, id);
}

/** Types `line` + Enter through the handle, waits for the next prompt, returns the new text. */
export async function run(page: Page, id: string, line: string): Promise<string> {
  const before = await screenText(page, id);
  await page.evaluate(([tid, l]) => window.kubelab!.terminals.get(tid!)!.type(l + '\r'), [id, line]);
  await page.waitForFunction(
    ([tid, n]) => {
      const t = window.kubelab?.terminals.get(tid as string);
      if (!t || t.busy()) return false;
      const text = t.text();
      const lines = text.split('\n');
      return text.length > (n as number) && /\$$/.test(lines[lines.length - 1] ?? '');
    },
    [id, before.length],
  );
  const after = await screenText(page, id);
  return after.slice(before.length);
}

export async function expectScreen(page: Page, id: string, pattern: RegExp): Promise<void> {
  await expect.poll(() => screenText(page, id)).toMatch(pattern);
}
