/**
 * Every kubectl verb, in the order `kubectl --help` lists them. A verb's module — its flags, its
 * code and what only it needs (describe's printers, the patch engines, drain's eviction loop…) —
 * is imported the first time the verb runs or is completed, so the terminal's worker starts
 * without them. The name and summary here are what `kubectl --help` prints without loading
 * anything; tests/unit/kubectl-verbs.test.ts checks they match each module's own.
 */
import type { KubectlCommand } from '../command.ts';

export interface Verb {
  name: string;
  /** The one-line summary shown by `kubectl --help`. */
  short: string;
  /** The verb's command (flags, sub-commands, run), imported on first use. */
  load(): Promise<KubectlCommand>;
}

function verb(name: string, short: string, load: () => Promise<KubectlCommand>): Verb {
  let loaded: Promise<KubectlCommand> | undefined;
  return {
    name,
    short,
    // A failed import (the network was down) is tried again the next time.
    load: () =>
      (loaded ??= load().catch((e: unknown) => {
        loaded = undefined;
        throw e;
      })),
  };
}

export const VERBS: Verb[] = [
  verb('create', 'Create a resource from a file or from stdin', async () => (await import('./create.ts')).create),
  verb('expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', async () => (await import('./expose.ts')).expose),
  verb('run', 'Run a particular image on the cluster', async () => (await import('./run.ts')).run),
  verb('set', 'Set specific features on objects', async () => (await import('./set.ts')).set),
  verb('explain', 'Get documentation for a resource', async () => (await import('./explain.ts')).explain),
  verb('get', 'Display one or many resources', async () => (await import('./get.ts')).get),
  verb('edit', 'Edit a resource on the server', async () => (await import('./edit.ts')).edit),
  verb('delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector', async () => (await import('./delete.ts')).del),
  verb('rollout', 'Manage the rollout of a resource', async () => (await import('./rollout/index.ts')).rollout),
  verb('scale', 'Set a new size for a deployment, replica set, or replication controller', async () => (await import('./scale.ts')).scale),
  verb('cordon', 'Mark node as unschedulable', async () => (await import('./cordon.ts')).cordon),
  verb('uncordon', 'Mark node as schedulable', async () => (await import('./uncordon.ts')).uncordon),
  verb('drain', 'Drain node in preparation for maintenance', async () => (await import('./drain.ts')).drain),
  verb('taint', 'Update the taints on one or more nodes', async () => (await import('./taint.ts')).taint),
  verb('logs', 'Print the logs for a container in a pod', async () => (await import('./logs.ts')).logs),
  verb('exec', 'Execute a command in a container', async () => (await import('./exec.ts')).exec),
  verb('events', 'List events', async () => (await import('./events.ts')).events),
  verb('apply', 'Apply a configuration to a resource by file name or stdin', async () => (await import('./apply.ts')).apply),
  verb('patch', 'Update fields of a resource', async () => (await import('./patch.ts')).patch),
  verb('replace', 'Replace a resource by file name or stdin', async () => (await import('./replace.ts')).replace),
  verb('wait', 'Experimental: Wait for a specific condition on one or many resources', async () => (await import('./wait.ts')).wait),
  verb('label', 'Update the labels on a resource', async () => (await import('./label.ts')).label),
  verb('annotate', 'Update the annotations on a resource', async () => (await import('./annotate.ts')).annotate),
  verb('config', 'Modify kubeconfig files', async () => (await import('./config.ts')).config),
  verb('api-resources', 'Print the supported API resources on the server', async () => (await import('./api-resources.ts')).apiResources),
  verb('describe', 'Show details of a specific resource or group of resources', async () => (await import('./describe.ts')).describe),
  verb('version', 'Print the client and server version information', async () => (await import('./version.ts')).version),
  verb('options', 'Print the list of flags inherited by all commands', async () => (await import('./options.ts')).options),
];

/** The verb named `word`, if there is one. */
export function findVerb(word: string): Verb | undefined {
  return VERBS.find((v) => v.name === word);
}

/** Imports every verb (the worker does this once the prompt is up, so none waits on first use). */
export function loadAllVerbs(): Promise<KubectlCommand[]> {
  return Promise.all(VERBS.map((v) => v.load()));
}
