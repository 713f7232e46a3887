/**
 * `kubectl <verb> --help` for the most used verbs: Long as templates.LongDesc renders it (heredoc,
 * then the ASCII markdown renderer: a space before every later paragraph, `  *  ` list items,
 * code blocks indented by eight spaces with a blank indented line after them), Examples as
 * templates.Examples indents them, and the usage line (DisableFlagsInUseLine, then ` [options]`),
 * as kubectl v1.34 prints them.
 */
import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

/** The help up to `Options:` (what this file checks), and the Usage section. */
async function help(line: string): Promise<{ head: string; usage: string }> {
  const r = await makeHarness().run(line);
  expect(r.code).toBe(0);
  expect(r.err).toBe('');
  const head = r.out.slice(0, r.out.indexOf('\nOptions:\n') + 1);
  const usage = r.out.slice(r.out.indexOf('\nUsage:\n') + 1, r.out.indexOf('\n\nUse "kubectl options"'));
  return { head, usage };
}

describe('kubectl <verb> --help: Long and Examples', () => {
  test('describe: paragraphs, the indented example as a code block, then SuggestAPIResources', async () => {
    const { head, usage } = await help('describe --help');
    expect(head).toBe(`Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal
  
  # Describe a pod
  kubectl describe pods/nginx
  
  # Describe a pod identified by type and name in "pod.json"
  kubectl describe -f pod.json
  
  # Describe all pods
  kubectl describe pods
  
  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel
  
  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend

`);
    expect(usage).toBe('Usage:\n  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]');
  });

  test('label: the list items of LongDesc with the label value length filled in', async () => {
    const { head } = await help('label --help');
    expect(head.startsWith(`Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.

Examples:
  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true
  
`)).toBe(true);
    expect(head.endsWith(`  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-

`)).toBe(true);
  });

  test('get, logs, exec, scale, wait: Long (or exec\'s plain one), then the examples', async () => {
    const get = await help('get --help');
    expect(get.head.startsWith(
      "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n\n By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.\n\nExamples:\n  # List all pods in ps output format\n  kubectl get pods\n  \n",
    )).toBe(true);
    expect(get.head.endsWith('  # List all pods existing in all namespaces\n  kubectl get pods --all-namespaces\n\n')).toBe(true);

    // logs.go's examples mix tabs and spaces and leave trailing blanks: Examples trims every line.
    const logs = await help('logs --help');
    expect(logs.head).toContain(
      'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.\n\nExamples:\n  # Return snapshot logs from pod nginx with only one container\n  kubectl logs nginx\n  \n  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\n  kubectl logs nginx --prefix\n  \n',
    );
    expect(logs.usage).toBe('Usage:\n  kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]');

    const exec = await help('exec --help');
    expect(exec.head.startsWith('Execute a command in a container.\n\nExamples:\n  # Get output from running the \'date\' command from pod mypod, using the first container by default\n  kubectl exec mypod -- date\n')).toBe(true);
    expect(exec.head.endsWith('  kubectl exec svc/myservice -- date\n\n')).toBe(true);

    const scale = await help('scale --help');
    expect(scale.head).toContain(
      'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.\n\nExamples:\n',
    );

    // wait.go's last paragraph has a line indented with spaces: a paragraph continuation, not code.
    const wait = await help('wait --help');
    expect(wait.head).toContain(
      '\n\n A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.\n\nExamples:\n',
    );
  });

  test('create sub-commands: their one-paragraph Long and examples', async () => {
    const dep = await help('create deployment --help');
    expect(dep.head).toBe(`Create a deployment with the specified name.

Aliases:
deployment, deploy

Examples:
  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox
  
  # Create a deployment with a command
  kubectl create deployment my-dep --image=busybox -- date
  
  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kubectl create deployment my-dep --image=nginx --replicas=3
  
  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kubectl create deployment my-dep --image=busybox --port=5701
  
  # Create a deployment named my-dep that runs multiple containers
  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx

`);
    const cron = await help('create cronjob --help');
    expect(cron.head).toContain('Create a cron job with the specified name.\n\nAliases:\ncronjob, cj\n\nExamples:\n  # Create a cron job\n  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"\n');
    expect(cron.usage).toBe("Usage:\n  kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [options]");
    expect((await help('create secret generic --help')).head.startsWith(
      'Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.\n\n When creating a secret based on a file,',
    )).toBe(true);
    const np = await help('create service nodeport --help');
    expect(np.head).toBe('Create a NodePort service with the specified name.\n\nExamples:\n  # Create a new NodePort service named my-ns\n  kubectl create service nodeport my-ns --tcp=5678:8080\n\n');
    expect(np.usage).toBe('Usage:\n  kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]');
    expect((await help('create ns --help')).head).toBe(
      'Create a namespace with the specified name.\n\nAliases:\nnamespace, ns\n\nExamples:\n  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace\n\n',
    );
  });

  test('config: the ordered list of LongDesc as `  1.  `; patch keeps the examples\' backslashes', async () => {
    const r = await makeHarness().run('config --help');
    expect(r.out.startsWith(`Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths`)).toBe(true);
    expect(r.out).toContain('\n  3.  Otherwise, ${HOME}/.kube/config is used and no merging takes place.\n\nAvailable Commands:\n');
    const patch = await help('patch --help');
    expect(patch.head).toContain("\n  # Partially update a node using a strategic merge patch, specifying the patch as YAML\n  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'\n");
    expect((await help('replace --help')).head.startsWith(
      'Replace a resource by file name or stdin.\n\n JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n        $ kubectl get TYPE NAME -o yaml\n\nExamples:\n',
    )).toBe(true);
  });

  test('set image and set env: the resource list after a tab-indented line comes out as a code block; expose\'s as a paragraph', async () => {
    const image = await help('set image --help');
    expect(image.head.startsWith(
      'Update existing container image(s) of resources.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)\n\nExamples:\n',
    )).toBe(true);
    expect((await help('set env --help')).head).toContain(
      '\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)\n\nExamples:\n',
    );
    expect((await help('expose --help')).head).toContain(
      '\n\n Possible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)\n\nExamples:\n',
    );
    // set_resources.go fills SuggestAPIResources into a sentence that already ends with a period.
    expect((await help('set resources --help')).head).toContain(
      'Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..\n\nExamples:\n',
    );
  });

  test('drain: a markdown link and image as the ASCII renderer writes them; explain: its code block', async () => {
    const drain = await help('drain --help');
    expect(drain.head).toContain(
      " 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods.",
    );
    expect(drain.head).toContain(
      'which will make the node schedulable again.\n\nhttps://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg\n\nExamples:\n',
    );
    expect((await help('explain --help')).head.startsWith(
      'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse "kubectl api-resources" for a complete list of supported resources.\n\nExamples:\n',
    )).toBe(true);
  });

  test('usage lines: [flags] only where the command does not set DisableFlagsInUseLine or its Use has it', async () => {
    expect((await help('events --help')).usage.endsWith(' [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]')).toBe(true);
    expect((await help('explain --help')).usage).toBe(
      'Usage:\n  kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
    );
    expect((await help('config current-context --help')).usage).toBe('Usage:\n  kubectl config current-context [flags] [options]');
    expect((await help('create cronjob --help')).usage.endsWith("-- [COMMAND] [args...] [options]")).toBe(true);
  });
});

