/**
 * The live terminal on the sandbox page: keyboard input, pasting a heredoc, history and completion,
 * streaming output, Ctrl-C, typed-ahead input, leaving with Esc.
 */
import { expect, test } from '@playwright/test';
import { expectScreen, freshStorage, openTerminal, run, screenText, waitForPrompt } from './terminal-helpers.ts';

const ID = 'sandbox';

test.beforeEach(async ({ page }) => {
  await freshStorage(page);
  await openTerminal(page, '/sandbox/', ID);
});

test('kubectl get nodes typed on the keyboard prints the node table', async ({ page }) => {
  await page.locator('.kl-screen .xterm').click();
  await page.keyboard.type('kubectl get nodes');
  await page.keyboard.press('Enter');
  await waitForPrompt(page, ID);
  const text = await screenText(page, ID);
  expect(text).toMatch(/^controlplane:~\$ kubectl get nodes\nNAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/m);
  for (const n of ['controlplane', 'node01', 'node02', 'node03']) expect(text).toMatch(new RegExp(`^${n}\\s+(Ready|NotReady|Unknown)\\s`, 'm'));
});

test('a pasted heredoc continues with > prompts and writes the file', async ({ page }) => {
  const manifest = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: nginx', '    image: nginx'];
  await page.evaluate(
    ([tid, text]) => window.kubelab!.terminals.get(tid!)!.terminal.paste(text!),
    [ID, ['cat <<EOF > pod.yaml', ...manifest, 'EOF', ''].join('\n')],
  );
  await waitForPrompt(page, ID);
  const text = await screenText(page, ID);
  expect(text).toContain(['controlplane:~$ cat <<EOF > pod.yaml', ...manifest.map((l) => `> ${l}`), '> EOF'].join('\n'));
  const out = await run(page, ID, 'cat pod.yaml');
  expect(out).toContain(manifest.join('\n'));
});

test('bash tools load on first use and work in pipes', async ({ page }) => {
  // grep, sort, awk, wc, sed, jq and base64 each arrive as their own chunk the first time they run.
  const nodes = await run(page, ID, "kubectl get nodes --no-headers | awk '{print $1}' | grep node | sort -r | head -n 2");
  expect(nodes.split('\n').slice(1, 3)).toEqual(['node03', 'node02']);
  const count = await run(page, ID, 'kubectl get ns -o name | wc -l');
  expect(count).toMatch(/\n\s*4\n/);
  const json = await run(page, ID, "kubectl get node node01 -o json | jq -r '.metadata.name' | sed 's/node/worker-/'");
  expect(json).toContain('\nworker-01\n');
  const b64 = await run(page, ID, 'echo -n kubelab | base64');
  expect(b64).toContain('\na3ViZWxhYg==\n');
});

test('once the worker has fetched its commands, the terminal works offline', async ({ page, context }) => {
  let lastScript = Date.now();
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) lastScript = Date.now();
  });
  // The worker loads every kubectl verb and bash command in the background after the prompt.
  await expect.poll(() => Date.now() - lastScript, { timeout: 30_000 }).toBeGreaterThan(1500);
  await context.setOffline(true);
  try {
    expect(await run(page, ID, 'kubectl get nodes -o name | rev | tac | head -n 1')).toContain('\n30edon/edon\n');
    expect(await run(page, ID, 'kubectl get ns kube-system -o json | jq -r .metadata.name | tr a-z A-Z | cut -c1-4')).toContain('\nKUBE\n');
    expect(await run(page, ID, 'kubectl describe node node01 | grep -c Conditions')).toContain('\n1\n');
  } finally {
    await context.setOffline(false);
  }
});

test('history with the arrow keys and Ctrl-R, and Tab completion', async ({ page }) => {
  await run(page, ID, 'echo first');
  await run(page, ID, 'echo second');
  await page.locator('.kl-screen .xterm').click();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await waitForPrompt(page, ID);
  expect(await screenText(page, ID)).toMatch(/\$ echo first\nfirst\n[^\n]*\$ echo second\nsecond\n[^\n]*\$ echo first\nfirst\n[^\n]*\$$/);

  await page.keyboard.press('Control+r');
  await page.keyboard.type('sec');
  await expectScreen(page, ID, /\(reverse-i-search\)`sec': echo second$/);
  await page.keyboard.press('Enter');
  await waitForPrompt(page, ID);
  expect(await screenText(page, ID)).toMatch(/\$ echo second\nsecond\n[^\n]*\$$/);

  await page.keyboard.type('kubect');
  await page.keyboard.press('Tab');
  await expectScreen(page, ID, /\$ kubectl$/);
  await page.keyboard.type('version --client');
  await page.keyboard.press('Enter');
  await waitForPrompt(page, ID);
  expect(await screenText(page, ID)).toMatch(/Client Version: v1\.34/);
});

test('history survives a reload', async ({ page }) => {
  await run(page, ID, 'echo remembered');
  await page.reload();
  await openTerminal(page, '/sandbox/', ID);
  await page.locator('.kl-screen .xterm').click();
  await page.keyboard.press('ArrowUp');
  await expectScreen(page, ID, /\$ echo remembered$/);
});

test('output streams while a command runs, and Ctrl-C stops it', async ({ page }) => {
  await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.type('for i in 1 2 3 4 5 6 7 8 9; do echo tick-$i; sleep 1; done\r'), ID);
  await expectScreen(page, ID, /^tick-2$/m);
  expect(await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.busy(), ID)).toBe(true);
  await page.locator('.kl-screen .xterm').click();
  await page.keyboard.press('Control+c');
  await waitForPrompt(page, ID);
  const text = await screenText(page, ID);
  expect(text).not.toMatch(/^tick-9$/m);
  // ^C is echoed once, as a tty does, and the prompt follows on the next line.
  expect(text).toMatch(/\^C\ncontrolplane:~\$ ?$/);
  expect(text).not.toContain('^C^C');
});

test('kubectl get -w streams rows as the pod starts, until Ctrl-C', async ({ page }) => {
  await page.getByRole('button', { name: 'Pause the cluster clock' }).click();
  await run(page, ID, 'kubectl run web --image=nginx');
  await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.type('kubectl get pods -w\r'), ID);
  await expectScreen(page, ID, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+(Pending|ContainerCreating)\s/m);
  expect(await screenText(page, ID)).not.toMatch(/Running/);
  // The clock runs again and the pod starts while the watch is open: rows arrive by themselves.
  await page.getByRole('button', { name: 'Run the clock in real time' }).click();
  await expectScreen(page, ID, /^web\s+1\/1\s+Running\s+0\s+\S+$/m);
  expect(await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.busy(), ID)).toBe(true);
  await page.locator('.kl-screen .xterm').click();
  await page.keyboard.press('Control+c');
  await waitForPrompt(page, ID);
});

test('Ctrl-C on kubectl get -w piped into grep shows the lines grep matched', async ({ page }) => {
  await run(page, ID, 'kubectl run web --image=nginx');
  await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.type('kubectl get pods -w | grep web\r'), ID);
  await page.waitForTimeout(1500);
  expect(await page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.busy(), ID)).toBe(true);
  await page.locator('.kl-screen .xterm').click();
  await page.keyboard.press('Control+c');
  await waitForPrompt(page, ID);
  expect(await screenText(page, ID)).toMatch(/kubectl get pods -w \| grep web\n(web\s+\d\/1\s+\S+\s+0\s+\S+\n)+\^C\ncontrolplane:~\$ ?$/);
});

test('input typed while a command runs is queued, not dropped', async ({ page }) => {
  await page.evaluate((tid) => {
    const t = window.kubelab!.terminals.get(tid)!;
    t.type('sleep 2\r');
    t.type('echo queued-1\r');
    t.type('echo queued-2\r');
  }, ID);
  await expectScreen(page, ID, /^queued-2$/m);
  await waitForPrompt(page, ID);
  const text = await screenText(page, ID);
  expect(text.indexOf('queued-1')).toBeLessThan(text.lastIndexOf('queued-2'));
});

test('sleep in the cluster follows the clock controls', async ({ page }) => {
  await page.getByRole('button', { name: 'Run the clock ten times faster' }).click();
  const started = Date.now();
  await run(page, ID, 'sleep 10');
  expect(Date.now() - started).toBeLessThan(6000);
  await expect(page.locator('.kl-clock')).toContainText('10×');
});

test('Esc leaves the terminal so the keyboard can move on', async ({ page }) => {
  await page.locator('.kl-screen .xterm').click();
  await page.keyboard.press('Escape');
  const inTerminal = await page.evaluate(() => document.activeElement?.closest('.xterm') !== null);
  expect(inTerminal).toBe(false);
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.closest('.kl-terminal') !== null);
  expect(next).toBe(true);
});

test('screen reader mode can be switched on, and sticks', async ({ page }) => {
  const toggle = page.getByRole('button', { name: 'Screen reader' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.kl-screen .xterm-accessibility-tree')).toHaveCount(1);
  await run(page, ID, 'echo spoken');
  await expect(page.locator('.kl-screen .xterm-accessibility-tree')).toContainText('spoken');
  await page.reload();
  await openTerminal(page, '/sandbox/', ID);
  await expect(page.getByRole('button', { name: 'Screen reader' })).toHaveAttribute('aria-pressed', 'true');
});

test('the terminal follows the site theme', async ({ page }) => {
  const background = () => page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.terminal.options.theme?.background, ID);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await expect.poll(background).toBe('#f6f7f9');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await expect.poll(background).toBe('#17181c');
});

test('ANSI colours from commands render as colours', async ({ page }) => {
  await run(page, ID, "printf '\\033[31mred\\033[0m plain\\n'");
  const cell = await page.evaluate((tid) => {
    const buf = window.kubelab!.terminals.get(tid)!.terminal.buffer.active;
    for (let y = buf.length - 1; y >= 0; y--) {
      const line = buf.getLine(y);
      if (line?.translateToString(true).startsWith('red plain')) {
        const red = line.getCell(0)!;
        const plain = line.getCell(4)!;
        return { redFg: red.getFgColor(), redMode: red.isFgPalette(), plainDefault: plain.isFgDefault() };
      }
    }
    return undefined;
  }, ID);
  expect(cell).toEqual({ redFg: 1, redMode: true, plainDefault: true });
});
