#!/usr/bin/env node
// `npm run bench`: runs every tests/bench/*.bench.ts with tsx, one after the other, and prints the
// figures each one reports. Benchmarks measure; they do not assert. `npm run bench -- NAME` runs
// only the files whose name contains NAME.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'tests/bench';
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmarks in ${dir}${filter ? ` matching "${filter}"` : ''}`);
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n▶ ${f}\n`);
  const started = Date.now();
  const r = spawnSync('npx', ['tsx', join(dir, f)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim() },
  });
  if (r.status !== 0) failed++;
  process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)}s${r.status !== 0 ? `, exit ${r.status}` : ''})\n`);
}
process.exit(failed ? 1 : 0);
