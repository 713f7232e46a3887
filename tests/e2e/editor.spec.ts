/**
 * The editor pane: vim and nano open beside the terminal and save back into the shell's files;
 * `kubectl edit` round-trips a live StatefulSet.
 */
import { expect, test } from '@playwright/test';
import { freshStorage, openTerminal, run, waitForPrompt } from './terminal-helpers.ts';

const ID = 'sandbox';

test.beforeEach(async ({ page }) => {
  await freshStorage(page);
  await openTerminal(page, '/sandbox/', ID);
});

async function startEditor(page: import('@playwright/test').Page, line: string) {
  await page.evaluate(([tid, l]) => window.kubelab!.terminals.get(tid!)!.type(l + '\r'), [ID, line]);
  await page.waitForFunction((tid) => window.kubelab!.terminals.get(tid)!.editorOpen(), ID);
  await expect(page.locator('.kl-editor .cm-content')).toBeFocused();
}

test('vim: insert, :wq saves the file; :q! discards', async ({ page }) => {
  await startEditor(page, 'vim notes.txt');
  await expect(page.locator('.kl-editor-hint')).toContainText(':wq');
  await page.keyboard.type('ihello from vim');
  await page.keyboard.press('Escape');
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  await waitForPrompt(page, ID);
  expect(await run(page, ID, 'cat notes.txt')).toContain('hello from vim');

  await startEditor(page, 'vi notes.txt');
  await page.keyboard.type('ddithrown away');
  await page.keyboard.press('Escape');
  await page.keyboard.type(':q!');
  await page.keyboard.press('Enter');
  await waitForPrompt(page, ID);
  expect(await run(page, ID, 'cat notes.txt')).toContain('hello from vim');
});

test('nano: plain typing, Ctrl-S saves; YAML errors are underlined', async ({ page }) => {
  await startEditor(page, 'nano pod.yaml');
  await page.keyboard.type('kind: Pod\nmetadata:\n  name: web\n   bad: indent');
  await expect(page.locator('.kl-editor .cm-lintRange-error')).toHaveCount(1);
  await page.keyboard.press('Control+s');
  await waitForPrompt(page, ID);
  expect(await run(page, ID, 'cat pod.yaml')).toContain('kind: Pod');
});

test('kubectl edit a StatefulSet: change replicas, save, see the new pods', async ({ page }) => {
  const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;
  await page.evaluate(([tid, text]) => window.kubelab!.terminals.get(tid!)!.terminal.paste(text!), [ID, `cat <<EOF > sts.yaml\n${sts}EOF\n`]);
  await waitForPrompt(page, ID);
  expect(await run(page, ID, 'kubectl apply -f sts.yaml')).toContain('statefulset.apps/web created');

  await startEditor(page, 'kubectl edit statefulset web');
  await page.keyboard.type('/replicas: 1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('$r3');
  await expect.poll(() => page.evaluate((tid) => window.kubelab!.terminals.get(tid)!.editorText(), ID)).toMatch(/^ {2}replicas: 3$/m);
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  await waitForPrompt(page, ID);
  await page.getByRole('button', { name: 'Skip ahead until the cluster is quiet' }).click();
  const pods = await run(page, ID, 'kubectl get pods');
  for (const n of ['web-0', 'web-1', 'web-2']) expect(pods).toMatch(new RegExp(`^${n}\\s+1/1\\s+Running`, 'm'));
});
