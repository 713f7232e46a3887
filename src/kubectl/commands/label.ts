/** kubectl label: add, change (`--overwrite`) or remove (`key-`) labels. */
import { DRY_RUN_FLAG, OUTPUT_FLAG } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { fileFlags } from '../file-flags.ts';
import { runMetadataEdit } from '../metadata-edit.ts';

export const label: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [
    ...fileFlags('identifying the resource to update the labels'),
    { name: 'overwrite', type: 'bool', help: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
    { name: 'all', type: 'bool', help: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', help: 'If true, check the specified action in all namespaces.' },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  run: (inv) =>
    runMetadataEdit(inv, {
      field: 'labels',
      done: 'labeled',
      unchanged: 'not labeled',
      removed: 'unlabeled',
      overwriteError: (c) => c.map(({ key, value }) => `'${key}' already has a value (${value}), and --overwrite is false`).join('\n'),
      missingRemoval: (key) => `label ${JSON.stringify(key)} not found.\n`,
    }),
};
