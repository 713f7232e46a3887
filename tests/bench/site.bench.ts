/**
 * The site's budgets, measured in Debian's Chromium against the built site (`astro build` first;
 * built here when dist/ is missing): gzip sizes of the terminal, worker and editor chunks; how long
 * from navigation to an interactive prompt (cold and warm); and Enter → output for
 * `kubectl get pods` with 100 pods (first output row, and the whole table with the next prompt).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { ms, percentile, report } from './measure.ts';

const PORT = 4391;
/** A site already being served (`astro preview` runs once per project) or the one started here. */
const BASE = process.env.KUBELAB_SITE_URL ?? `http://127.0.0.1:${PORT}`;
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A built chunk and every chunk it imports statically (what loads before it can run). */
function staticClosure(dir: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(join(dir, entry), 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) staticClosure(dir, m[1]!, seen);
  return seen;
}

/** Files whose code loads only when asked for: `import("./x.js")` anywhere in `files`. */
function lazyImports(dir: string, files: Iterable<string>): Set<string> {
  const lazy = new Set<string>();
  for (const f of files) for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)) lazy.add(m[1]!);
  return lazy;
}

function chunkSizes(): void {
  const dir = 'dist/_astro';
  const files = readdirSync(dir);
  const gzip = (set: Iterable<string>) => [...set].reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const groups: [string, RegExp][] = [
    ['terminal loader (inline on chapter pages)', /^Terminal\.astro.*\.js$/],
    ['terminal (xterm.js, line editor, cluster view)', /^terminal-widget.*\.js$/],
    ['worker (shell, kubectl, simulated cluster)', /^terminal-worker.*\.js$/],
    ['editor (CodeMirror, vim, YAML)', /^editor-pane.*\.js$/],
  ];
  const firstPrompt = new Set<string>();
  let worker = new Set<string>();
  for (const [name, re] of groups) {
    const closure = new Set<string>();
    for (const f of files.filter((f) => re.test(f))) staticClosure(dir, f, closure);
    if (/terminal-(widget|worker)/.test(re.source)) for (const f of closure) firstPrompt.add(f);
    if (re.source.includes('worker')) worker = closure;
    report(`gzip: ${name}, with its static imports`, `${kb(gzip(closure))} (${closure.size} files)`);
  }
  report('gzip: terminal + worker, all that loads before the prompt (budget 450 KB)', kb(gzip(firstPrompt)));
  // just-bash's HTTP client (undici) is left out: the terminal's curl is the cluster's own.
  const onFirstUse = [...lazyImports(dir, worker)].filter((f) => !worker.has(f) && !f.startsWith('undici'));
  report('gzip: what the worker loads on first use (bash commands, kubectl verbs)', `${kb(gzip(onFirstUse))} in ${onFirstUse.length} chunks, largest ${kb(Math.max(...onFirstUse.map((f) => gzip([f]))))}`);
  const boot = 'dist/boot/default-cluster.json';
  if (existsSync(boot)) report('gzip: booted default cluster (data the worker fetches)', kb(gzipSync(readFileSync(boot)).length));
}

async function waitForPrompt(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (tid) => {
      const t = window.kubelab?.terminals.get(tid);
      if (!t || t.busy()) return false;
      const lines = t.text().split('\n');
      return /\$$/.test(lines[lines.length - 1] ?? '');
    },
    id,
    { polling: 5, timeout: 120_000 },
  );
}

async function navigationToPrompt(): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t = performance.now();
    await page.goto(`${BASE}/sandbox/`);
    await waitForPrompt(page, 'sandbox');
    cold.push(performance.now() - t);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/sandbox/`);
  await waitForPrompt(page, 'sandbox');
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await page.reload();
    await waitForPrompt(page, 'sandbox');
    warm.push(performance.now() - t);
  }
  await browser.close();
  report('navigation → prompt, cold cache (p50 / max, budget 1 s)', `${ms(percentile(cold, 50))} / ${ms(Math.max(...cold))}`);
  report('navigation → prompt, warm cache (p50 / max)', `${ms(percentile(warm, 50))} / ${ms(Math.max(...warm))}`);
}

/**
 * Runs `kubectl get pods` 25 times and times, from the Enter, the table's header row parsed by
 * xterm and the whole table with the next prompt. `pauseMs` is the time between a prompt and the
 * next Enter: a learner needs at least a few hundred ms to read and type, and the terminal uses
 * that time to save the session; 0 sends each command the moment the prompt is back, as a paste of
 * several lines does, and so meets the save of the command before.
 */
async function enterToOutput(page: Page, pauseMs: number): Promise<{ first: number[]; whole: number[] }> {
  const first: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < 25; i++) {
    if (pauseMs) await page.waitForTimeout(pauseMs);
    const [a, b] = await page.evaluate(
      () =>
        new Promise<[number, number]>((resolve) => {
          const t = window.kubelab!.terminals.get('sandbox')!;
          const term = t.terminal;
          term.clear();
          const from = term.buffer.active.baseY + term.buffer.active.cursorY;
          let firstAt = 0;
          const start = performance.now();
          const sub = term.onWriteParsed(() => {
            const b = term.buffer.active;
            const end = b.baseY + b.cursorY;
            for (let y = from + 1; y <= end && !firstAt; y++) {
              if (b.getLine(y)?.translateToString(true).startsWith('NAME')) firstAt = performance.now() - start;
            }
            const last = b.getLine(end)?.translateToString(true).trimEnd() ?? '';
            if (firstAt && end > from + 100 && last.endsWith('$')) {
              sub.dispose();
              resolve([firstAt, performance.now() - start]);
            }
          });
          t.type('kubectl get pods\r');
        }),
    );
    first.push(a);
    whole.push(b);
  }
  return { first, whole };
}

async function enterToOutputReport(): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${BASE}/sandbox/`);
  await waitForPrompt(page, 'sandbox');
  await page.evaluate(() =>
    window.kubelab!.terminals.get('sandbox')!.type('for i in $(seq 0 99); do kubectl run web-$i --image=nginx >/dev/null; done\r'),
  );
  await waitForPrompt(page, 'sandbox');
  await page.getByRole('button', { name: 'Skip ahead until the cluster is quiet' }).click();
  await page.waitForTimeout(500);
  for (const [label, pause] of [['typed, 300 ms after the prompt', 300], ['back to back', 0]] as const) {
    const { first, whole } = await enterToOutput(page, pause);
    report(`Enter → first row, get pods, 100 pods, ${label} (p50 / p95)`, `${ms(percentile(first, 50))} / ${ms(percentile(first, 95))}`);
    report(`Enter → table + prompt, 100 pods, ${label} (p50 / p95)`, `${ms(percentile(whole, 50))} / ${ms(percentile(whole, 95))}`);
  }
  await browser.close();
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) {
    const r = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (r.status !== 0) process.exit(1);
  }
  chunkSizes();
  if (process.env.KUBELAB_SITE_URL) {
    await navigationToPrompt();
    await enterToOutputReport();
    return;
  }
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${BASE}/`).then(() => true, () => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await navigationToPrompt();
    await enterToOutputReport();
  } finally {
    try {
      process.kill(-server.pid!);
    } catch {
      // The server already exited.
    }
  }
}

await main();
