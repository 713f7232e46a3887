/**
 * Every kubectl verb, in the order `kubectl --help` lists them.
 */
import type { KubectlCommand } from '../command.ts';
import { apply } from './apply.ts';
import { create } from './create.ts';
import { del } from './delete.ts';
import { run } from './run.ts';
import { replace } from './replace.ts';
import { set } from './set.ts';
import { cordon } from './cordon.ts';
import { uncordon } from './uncordon.ts';
import { drain } from './drain.ts';
import { taint } from './taint.ts';
import { config } from './config.ts';
import { logs } from './logs.ts';
import { exec } from './exec.ts';
import { wait } from './wait.ts';
import { explain } from './explain.ts';
import { edit } from './edit.ts';
import { expose } from './expose.ts';
import { label } from './label.ts';
import { annotate } from './annotate.ts';
import { scale } from './scale.ts';
import { rollout } from './rollout/index.ts';
import { patch } from './patch.ts';
import { get } from './get.ts';
import { apiResources } from './api-resources.ts';
import { describe } from './describe.ts';
import { events } from './events.ts';
import { version } from './version.ts';

export const COMMANDS: KubectlCommand[] = [create, expose, run, set, explain, get, edit, del, rollout, scale, cordon, uncordon, drain, taint, logs, exec, events, apply, patch, replace, wait, label, annotate, config, apiResources, describe, version];
