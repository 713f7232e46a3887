#!/usr/bin/env node
// `npm test`: every test, in order of cost. Unit and golden tests, the lab self-checks, then the
// site build and the end-to-end tests in Chromium (installed from Debian when missing and possible).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [];
let failed = 0;

function run(title, cmd, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${title}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  const ok = r.status === 0;
  steps.push({ title, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  if (!ok) failed++;
  return ok;
}

function chromium() {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return undefined;
}

function ensureChromium() {
  if (chromium()) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    console.error(
      '\nThe end-to-end tests need Chromium at /usr/bin/chromium.\n' +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n',
    );
    return false;
  }
  process.stdout.write('\nChromium is missing: installing Debian\'s chromium package…\n');
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0 && Boolean(chromium());
}

const only = process.argv[2];

if (!only || only === 'unit') {
  run('Type check (src/sim has no DOM)', 'npx', ['tsc', '-p', 'src/sim/tsconfig.json', '--noEmit']);
  run('Type check (everything)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('Unit, golden and property tests', 'npx', ['vitest', 'run']);
}
if ((!only || only === 'labs') && existsSync('labs')) {
  run('Lab self-checks (kubelab labs check)', 'node', ['bin/kubelab.mjs', 'labs', 'check']);
}
if ((!only || only === 'e2e') && existsSync('playwright.config.ts')) {
  if (ensureChromium()) {
    run('Site build', 'npx', ['astro', 'build']);
    run('End-to-end tests in Chromium', 'npx', ['playwright', 'test']);
  } else {
    steps.push({ title: 'End-to-end tests in Chromium', ok: false, seconds: '0.0' });
    failed++;
  }
}

console.log('\nSummary');
for (const s of steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.title} (${s.seconds}s)`);
console.log(`\nsteps: ${steps.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
