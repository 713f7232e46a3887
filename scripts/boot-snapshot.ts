/**
 * Writes the default cluster's boot snapshot (src/worker/boot-snapshot.ts) to the file named on the
 * command line. Run by the site build (astro.config.mjs) after the pages are written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultBootSnapshot } from '../src/worker/boot-snapshot.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/boot-snapshot.ts OUTPUT.json');
  process.exit(2);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(defaultBootSnapshot()));
