/** kubectl label: add, change (`--overwrite`) or remove (`key-`) labels. */
import { DRY_RUN_FLAG, OUTPUT_FLAG } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { fileFlags } from '../file-flags.ts';
import { runMetadataEdit } from '../metadata-edit.ts';

export const label: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  long: "Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.",
  example: `# Update pod 'foo' with the label 'unhealthy' and the value 'true'
kubectl label pods foo unhealthy=true

# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
kubectl label --overwrite pods foo status=unhealthy

# Update all pods in the namespace
kubectl label pods --all status=unhealthy

# Update a pod identified by the type and name in "pod.json"
kubectl label -f pod.json status=unhealthy

# Update pod 'foo' only if the resource is unchanged from version 1
kubectl label pods foo status=unhealthy --resource-version=1

# Update pod 'foo' by removing a label named 'bar' if it exists
# Does not require the --overwrite flag
kubectl label pods foo bar-`,
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
