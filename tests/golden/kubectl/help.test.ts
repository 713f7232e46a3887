import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

describe('kubectl <group> --help (templates.go MainHelpTemplate / MainUsageTemplate)', () => {
  test('rollout: Long as LongDesc renders it, Examples, Available Commands, Usage, both tips', async () => {
    const h = makeHarness();
    const r = await h.run('rollout --help');
    expect(r).toEqual({
      out: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
      err: '',
      code: 0,
    });
    // DefaultSubCommandRun: the help, then exit 1; an argument is RequireNoArguments' usage error.
    expect(await h.run('rollout')).toEqual({ out: r.out, err: '', code: 1 });
    expect(await h.run('rollout staus deploy/web')).toEqual({
      out: '',
      err: `error: unknown command "staus"\nSee 'kubectl rollout -h' for help and examples\n`,
      code: 1,
    });
  });

  test('create service and create secret: Aliases, LongDesc paragraphs; bare, the help goes to stderr with exit 1', async () => {
    const h = makeHarness();
    const svc = await h.run('create service');
    expect(svc.out).toBe('');
    expect(svc.code).toBe(1);
    expect(svc.err).toBe(`Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`);
    const secret = await h.run('create secret --help');
    expect(secret.code).toBe(0);
    expect(secret.out.startsWith('Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret')).toBe(true);
    expect((await h.run('create cm --help')).out).toContain('\n\nAliases:\nconfigmap, cm\n\nExamples:\n  # Create a new config map named my-config based on folder bar\n');
    expect((await h.run('set --help')).out.startsWith(
      'Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n  env           Update environment variables on a pod template\n',
    )).toBe(true);
  });

  test('create: sections in order, subcommands padded to the longest name, [options] appended once', async () => {
    const h = makeHarness();
    const out = (await h.run('create --help')).out;
    expect(out.startsWith('Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.\n\nExamples:\n  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n  \n')).toBe(true);
    const sections = out.split('\n').filter((l) => /^[A-Z][A-Za-z ]+:$/.test(l));
    expect(sections).toEqual(['Examples:', 'Available Commands:', 'Options:', 'Usage:']);
    expect(out).toContain('\nAvailable Commands:\n  configmap        Create a config map from a local file, directory or literal value\n');
    expect(out).toContain('\n  serviceaccount   Create a service account with the specified name\n\nOptions:\n');
    expect(out.endsWith(
      '\n\nUsage:\n  kubectl create -f FILENAME [options]\n\nUse "kubectl create <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
    )).toBe(true);
  });

  test('create without -f: the line create.go writes, then the help (or the usage error for arguments), exit 1', async () => {
    const h = makeHarness();
    const help = (await h.run('create --help')).out;
    expect(await h.run('create')).toEqual({ out: '', err: 'Error: must specify one of -f and -k\n\n' + help, code: 1 });
    expect(await h.run('create web')).toEqual({
      out: '',
      err: `Error: must specify one of -f and -k\n\nerror: unknown command "web"\nSee 'kubectl create -h' for help and examples\n`,
      code: 1,
    });
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    expect((await h.run('create -f cm.yaml extra')).err).toBe("error: Unexpected args: [extra]\nSee 'kubectl create -h' for help and examples\n");
  });

  test('a leaf command: its Long, Examples, Options, Usage with [options] after [flags], no <command> tip', async () => {
    const h = makeHarness();
    const out = (await h.run('rollout status --help')).out;
    expect(out.startsWith(
      "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait",
    )).toBe(true);
    expect(out).toContain('for.\n\nExamples:\n  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx\n\nOptions:\n');
    // rollout_restart.go's indented second line comes out as a code block.
    expect((await h.run('rollout restart --help')).out.startsWith('Restart a resource.\n\n        Resource rollout will be restarted.\n\nExamples:\n')).toBe(true);
    expect(out).toContain('\nUsage:\n  kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]\n\nUse "kubectl options"');
    expect(out).not.toContain('<command> --help');
    // flagsUsages: sorted by name, every default shown, strings quoted, durations not.
    expect(out).toContain(
      "\nOptions:\n    -f, --filename=[]:\n\tFilename, directory, or URL to files identifying the resource to get from a server.\n\n    -k, --kustomize='':\n",
    );
    expect(out).toContain("\n    --revision=0:\n\tPin to a specific revision");
    expect(out).toContain("\n    --timeout=0s:\n\tThe length of time to wait before ending watch");
    expect(out).toContain("\n    -w, --watch=true:\n\tWatch the status of the rollout until it's done.\n\nUsage:\n");
    const names = [...out.matchAll(/^ {4}(?:-\w, )?--([\w-]+)=/gm)].map((m) => m[1]);
    expect(names).toEqual([...names].sort());
  });

  test('kubectl --help: the root groups in cmd.go order, names padded to the longest, Other Commands sorted', async () => {
    const h = makeHarness();
    const r = await h.run('--help');
    expect(r.code).toBe(0);
    expect(r.out.startsWith(
      'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n',
    )).toBe(true);
    const titles = r.out.split('\n').filter((l) => /^[A-Z].*:$/.test(l));
    expect(titles).toEqual([
      'Basic Commands (Beginner):',
      'Basic Commands (Intermediate):',
      'Deploy Commands:',
      'Cluster Management Commands:',
      'Troubleshooting and Debugging Commands:',
      'Advanced Commands:',
      'Settings Commands:',
      'Other Commands:',
      'Usage:',
    ]);
    expect(r.out).toContain('\nOther Commands:\n  api-resources   Print the supported API resources on the server\n  config          Modify kubeconfig files\n');
    expect(r.out.endsWith(
      '\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
    )).toBe(true);
  });
});
