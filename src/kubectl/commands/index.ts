/**
 * Every kubectl verb, in the order `kubectl --help` lists them.
 */
import type { KubectlCommand } from '../command.ts';
import { apply } from './apply.ts';
import { create } from './create.ts';
import { del } from './delete.ts';
import { label } from './label.ts';
import { annotate } from './annotate.ts';
import { scale } from './scale.ts';
import { patch } from './patch.ts';
import { get } from './get.ts';
import { apiResources } from './api-resources.ts';
import { describe } from './describe.ts';
import { events } from './events.ts';
import { version } from './version.ts';

export const COMMANDS: KubectlCommand[] = [create, events, apply, get, del, label, annotate, scale, patch, apiResources, describe, version];
