/** kubectl annotate: add, change (`--overwrite`) or remove (`key-`) annotations. */
import { DRY_RUN_FLAG, OUTPUT_FLAG } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { fileFlags } from '../file-flags.ts';
import { runMetadataEdit } from '../metadata-edit.ts';

export const annotate: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  long: "Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.\n\n Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  example: `# Update pod 'foo' with the annotation 'description' and the value 'my frontend'
# If the same annotation is set multiple times, only the last value will be applied
kubectl annotate pods foo description='my frontend'

# Update a pod identified by type and name in "pod.json"
kubectl annotate -f pod.json description='my frontend'

# Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
kubectl annotate --overwrite pods foo description='my frontend running nginx'

# Update all pods in the namespace
kubectl annotate pods --all description='my frontend running nginx'

# Update pod 'foo' only if the resource is unchanged from version 1
kubectl annotate pods foo description='my frontend running nginx' --resource-version=1

# Update pod 'foo' by removing an annotation named 'description' if it exists
# Does not require the --overwrite flag
kubectl annotate pods foo description-`,
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
