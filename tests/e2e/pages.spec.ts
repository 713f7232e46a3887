/**
 * The course pages: no terminal code before it is needed, accessibility (axe-core) with the
 * terminal running, the narrow-screen layout, and a screenshot of a chapter with its terminal.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshStorage, openTerminal, run } from './terminal-helpers.ts';

test('a chapter loads no terminal code until the terminal is near the viewport', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().includes('worker')) scripts.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 300 });
  await page.goto('/chapters/00-your-cluster/');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /terminal-(widget|worker)/.test(u))).toEqual([]);
  await page.locator('.kl-terminal').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.kubelab?.terminals.size === 1);
  expect(scripts.some((u) => /terminal-widget/.test(u))).toBe(true);
});

test('the landing page leads to the sandbox in one click', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Open a terminal' }).click();
  await expect(page).toHaveURL(/\/sandbox\/$/);
  await page.waitForFunction(() => window.kubelab?.terminals.has('sandbox'));
});

/**
 * axe's serious and critical violations, and any landmark-unique one (every terminal, scrolling code
 * block, table and diagram is a landmark with a name of its own), as `rule: targets`.
 */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('.xterm-accessibility').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'landmark-unique')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious violations on a chapter with its terminal (${theme})`, async ({ page }) => {
    await freshStorage(page);
    await page.emulateMedia({ colorScheme: theme });
    await openTerminal(page, '/chapters/00-your-cluster/', 'ch00');
    await run(page, 'ch00', 'kubectl get nodes');
    await page.getByRole('button', { name: 'Cluster view' }).click();
    await page.locator('.kl-node').first().waitFor();
    expect(await axeProblems(page)).toEqual([]);
  });

  test(`axe finds no serious violations while a terminal is starting (${theme})`, async ({ page }) => {
    await freshStorage(page);
    await page.emulateMedia({ colorScheme: theme });
    // The worker's script never arrives, so every terminal stays at "Starting the cluster…".
    await page.route(/terminal-worker/, () => undefined);
    await page.goto('/chapters/03-statefulsets/');
    await page.locator('.kl-start').first().waitFor();
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.kl-start').forEach((b) => b.click()));
    // xterm.js draws only terminals in the viewport.
    const first = page.locator('.kl-terminal').first();
    await first.scrollIntoViewIfNeeded();
    await expect(first.locator('.xterm-rows')).toContainText('Starting the cluster');
    await expect(page.locator('.kl-terminal:not(.kl-live)')).toHaveCount(0);
    const dark = await page.evaluate(() => document.documentElement.dataset.theme === 'dark');
    expect(dark).toBe(theme === 'dark');
    expect(await axeProblems(page)).toEqual([]);
  });
}

test('on a narrow screen the terminal sits under the text with a touch input box', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await freshStorage(page);
  await openTerminal(page, '/chapters/00-your-cluster/', 'ch00');
  const box = await page.locator('.kl-terminal').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  const input = page.getByRole('textbox', { name: 'Command (for touch keyboards)' });
  await expect(input).toBeVisible();
  await input.fill('echo from-touch');
  await input.press('Enter');
  await expect.poll(() => page.evaluate(() => window.kubelab!.terminals.get('ch00')!.text())).toMatch(/^from-touch$/m);
  await context.close();
});

test('on a phone, tables and diagrams scroll in named regions and no word breaks that fits a line', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/chapters/02-volumes/');
  const table = page.getByRole('region', { name: 'Table: Mode, Short, Meaning' });
  await expect(table).toHaveAttribute('tabindex', '0');
  expect(await table.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  const diagram = page.getByRole('region', { name: 'Diagram: The phases of a PersistentVolume' });
  await expect(diagram).toHaveAttribute('tabindex', '0');
  expect((await diagram.locator('svg').boundingBox())!.width).toBeGreaterThanOrEqual(600);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
  // Words of headings, and tokens of inline code no wider than the column, each on one line.
  const broken = await page.evaluate(() => {
    const column = document.querySelector('.sl-markdown-content')!.getBoundingClientRect().width;
    const out: string[] = [];
    for (const el of document.querySelectorAll('h1, .sl-markdown-content :is(h2, h3, :not(pre) > code)')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (const m of n.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.top))).size;
          const width = rects.reduce((w, r) => w + r.width, 0);
          if (lines > 1 && width < column) out.push(m[0]);
        }
      }
    }
    return out;
  });
  expect(broken).toEqual([]);
  expect(await axeProblems(page)).toEqual([]);
  await context.close();
});

test('on a wide screen a chapter terminal grows left of the prose, never under the contents, and fits after every resize', async ({ page }) => {
  await freshStorage(page);
  await page.setViewportSize({ width: 1920, height: 1000 });
  await openTerminal(page, '/chapters/02-volumes/', 'ch02');
  /** The terminal's columns, its box, the prose's and the table of contents' boxes, and the fit. */
  const layout = () =>
    page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.kl-terminal[data-id="ch02"]')!;
      const term = window.kubelab!.terminals.get('ch02')!.terminal;
      const screen = root.querySelector<HTMLElement>('.kl-screen')!;
      const drawn = root.querySelector('.xterm-screen')!.getBoundingClientRect().width;
      const box = root.getBoundingClientRect();
      const prose = document.querySelector('.sl-markdown-content')!.getBoundingClientRect();
      const toc = document.querySelector('.right-sidebar')!.getBoundingClientRect();
      // FitAddon fills the screen's width but for the scrollbar and less than one more column.
      const spare = screen.clientWidth - drawn;
      return { cols: term.cols, left: box.left, right: box.right, proseLeft: prose.left, proseRight: prose.right, tocLeft: toc.left, fits: spare >= 0 && spare < drawn / term.cols + 20 };
    });
  const wide = await layout();
  expect(wide.cols).toBeGreaterThanOrEqual(110);
  expect(wide.left).toBeLessThan(wide.proseLeft - 200);
  expect(wide.right).toBeLessThanOrEqual(wide.tocLeft);
  expect(Math.round(wide.right)).toBe(Math.round(wide.proseRight));
  expect(wide.fits).toBe(true);

  await page.setViewportSize({ width: 1400, height: 1000 });
  await expect.poll(async () => (await layout()).cols).toBeLessThan(wide.cols);
  const narrow = await layout();
  expect(narrow.right).toBeLessThanOrEqual(narrow.tocLeft);
  expect(narrow.fits).toBe(true);

  // Full width: the whole window under the header, until pressed again.
  const full = page.getByRole('button', { name: 'Full width' });
  await full.click();
  await expect(full).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await layout()).cols).toBeGreaterThanOrEqual(150);
  expect((await layout()).fits).toBe(true);
  await full.click();
  await expect.poll(async () => (await layout()).cols).toBe(narrow.cols);
});

test('screenshot of a chapter with its terminal', async ({ page }, info) => {
  await freshStorage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openTerminal(page, '/chapters/00-your-cluster/', 'ch00');
  await run(page, 'ch00', 'kubectl get nodes');
  const shot = await page.locator('.kl-terminal').screenshot({ path: info.outputPath('chapter-terminal.png') });
  expect(shot.byteLength).toBeGreaterThan(10_000);
  await page.screenshot({ path: info.outputPath('chapter.png') });
});
