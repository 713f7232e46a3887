#!/usr/bin/env node
// The kubelab command. The sources are TypeScript; tsx loads them directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
