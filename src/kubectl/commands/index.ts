/**
 * Every kubectl verb, in the order `kubectl --help` lists them.
 */
import type { KubectlCommand } from '../command.ts';
import { version } from './version.ts';

export const COMMANDS: KubectlCommand[] = [version];
