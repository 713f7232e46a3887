/** kubectl annotate: add, change (`--overwrite`) or remove (`key-`) annotations. */
import { DRY_RUN_FLAG, OUTPUT_FLAG } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { fileFlags } from '../file-flags.ts';
import { runMetadataEdit } from '../metadata-edit.ts';

export const annotate: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [
    ...fileFlags('identifying the resource to update the annotation'),
    { name: 'overwrite', type: 'bool', help: 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.' },
    { name: 'all', type: 'bool', help: 'Select all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', help: 'If true, check the specified action in all namespaces.' },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  run: (inv) =>
    runMetadataEdit(inv, {
      field: 'annotations',
      done: 'annotated',
      overwriteError: (c) =>
        `--overwrite is false but found the following declared annotation(s): ${c.map(({ key, value }) => `'${key}' already has a value (${value})`).join('; ')}`,
    }),
};
