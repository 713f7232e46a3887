/**
 * kubectl config: get-contexts, current-context, use-context, set-context (--current, --namespace)
 * and view, over the session's kubeconfig (staging/src/k8s.io/kubectl/pkg/cmd/config/).
 */
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { renderTable } from '../format/tabwriter.ts';
import { toYaml } from '../format/yaml.ts';
import type { KubeContext } from '../host.ts';

const getContexts: KubectlCommand = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  long: "Display one or many contexts from the kubeconfig file.",
  example: `# List all the contexts in your kubeconfig file
kubectl config get-contexts

# Describe one context in your kubeconfig file
kubectl config get-contexts my-context`,
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', help: 'Output format. One of: (name).' },
    { name: 'no-headers', type: 'bool', help: "When using the default or custom-column output format, don't print headers (default print headers)." },
  ],
  async run(inv) {
    const kc = inv.host.kubeconfig;
    const names = inv.parsed.args.length ? inv.parsed.args : [...kc.contexts.keys()].sort();
    const missing = names.filter((n) => !kc.contexts.has(n));
    const output = str(inv.parsed, 'output');
    if (output !== undefined && output !== 'name') throw new KubectlError(`output must be one of '' or 'name': ${output}`);
    const found = names.filter((n) => kc.contexts.has(n));
    if (output === 'name') {
      for (const n of found) inv.io.out(`${n}\n`);
    } else {
      const rows: string[][] = bool(inv.parsed, 'no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
      for (const n of found) {
        const c = kc.contexts.get(n)!;
        rows.push([n === kc.current ? '*' : '', c.name, c.clusterName, c.user, c.namespace]);
      }
      inv.io.out(renderTable(rows));
    }
    if (missing.length) throw new KubectlError(`context ${missing.map((m) => JSON.stringify(m)).join(', ')} not found`);
    return 0;
  },
};

const currentContext: KubectlCommand = {
  name: 'current-context',
  short: 'Display the current-context',
  long: "Display the current-context.",
  example: `# Display the current-context
kubectl config current-context`,
  usage: 'kubectl config current-context [flags] [options]',
  flags: [],
  async run(inv) {
    const cur = inv.host.kubeconfig.current;
    if (!cur) throw new KubectlError('current-context is not set');
    inv.io.out(`${cur}\n`);
    return 0;
  },
};

const useContext: KubectlCommand = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: "Set the current-context in a kubeconfig file.",
  example: `# Use the context for the minikube cluster
kubectl config use-context minikube`,
  usage: 'kubectl config use-context CONTEXT_NAME [options]',
  flags: [],
  async run(inv) {
    const name = inv.parsed.args[0];
    if (!name || inv.parsed.args.length !== 1) throw new KubectlError('Unexpected args: ' + `[${inv.parsed.args.join(' ')}]`);
    if (!inv.host.kubeconfig.contexts.has(name)) throw new KubectlError(`no context exists with the name: ${JSON.stringify(name)}`);
    inv.host.kubeconfig.current = name;
    inv.io.out(`Switched to context ${JSON.stringify(name)}.\n`);
    return 0;
  },
};

const setContext: KubectlCommand = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  long: "Set a context entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.",
  example: `# Set the user field on the gce context entry without touching other values
kubectl config set-context gce --user=cluster-admin`,
  usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [
    { name: 'current', type: 'bool', help: 'Modify the current context' },
    { name: 'cluster', type: 'string', help: 'cluster for the context entry in kubeconfig' },
    { name: 'user', type: 'string', help: 'user for the context entry in kubeconfig' },
  ],
  async run(inv) {
    const kc = inv.host.kubeconfig;
    const current = bool(inv.parsed, 'current');
    const args = inv.parsed.args;
    if (current && args.length) throw new KubectlError('you cannot specify both a context name and --current');
    const name = current ? kc.current : args[0];
    if (!name) throw new KubectlError('you must specify a non-empty context name or --current');
    const existing = kc.contexts.get(name);
    const base: KubeContext | undefined = existing ?? kc.contexts.get(kc.current);
    if (!base) throw new KubectlError(`no context exists with the name: ${JSON.stringify(name)}`);
    const next: KubeContext = existing ?? { ...base, name, namespace: '' };
    if (inv.parsed.set.has('namespace')) next.namespace = str(inv.parsed, 'namespace') ?? '';
    const cluster = str(inv.parsed, 'cluster');
    if (cluster !== undefined) next.clusterName = cluster;
    const user = str(inv.parsed, 'user');
    if (user !== undefined) next.user = user;
    kc.contexts.set(name, next);
    inv.io.out(`Context ${JSON.stringify(name)} ${existing ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

const view: KubectlCommand = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: "Display merged kubeconfig settings or a specified kubeconfig file.\n\n You can use --output jsonpath={...} to extract specific values using a jsonpath expression.",
  example: `# Show merged kubeconfig settings
kubectl config view

# Show merged kubeconfig settings, raw certificate data, and exposed secrets
kubectl config view --raw

# Get the password for the e2e user
kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  usage: 'kubectl config view [flags] [options]',
  flags: [
    { name: 'minify', type: 'bool', help: 'Remove all information not used by current-context from the output' },
    { name: 'raw', type: 'bool', help: 'Display raw byte data and sensitive data' },
    { name: 'flatten', type: 'bool', help: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  async run(inv) {
    const kc = inv.host.kubeconfig;
    const minify = bool(inv.parsed, 'minify');
    const raw = bool(inv.parsed, 'raw');
    const contexts = [...kc.contexts.values()].filter((c) => !minify || c.name === kc.current).sort((a, b) => (a.name < b.name ? -1 : 1));
    const data = (what: string) => (raw ? Array.from({ length: 8 }, (_, i) => btoa(`${what}-${i}`)).join('') : 'DATA+OMITTED');
    const clusters = new Map<string, string>();
    for (const c of contexts) {
      const cp = c.cluster.api.tryGet('Node', undefined, 'controlplane');
      const ip = cp?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '127.0.0.1';
      clusters.set(c.clusterName, `https://${ip}:6443`);
    }
    const doc = {
      apiVersion: 'v1',
      clusters: [...clusters].map(([name, server]) => ({ cluster: { 'certificate-authority-data': data('ca'), server }, name })),
      contexts: contexts.map((c) => ({
        context: { cluster: c.clusterName, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user },
        name: c.name,
      })),
      'current-context': kc.current,
      kind: 'Config',
      preferences: {},
      users: [...new Set(contexts.map((c) => c.user))].map((u) => ({
        name: u,
        user: { 'client-certificate-data': data('cert'), 'client-key-data': data('key') },
      })),
    };
    const output = str(inv.parsed, 'output') ?? 'yaml';
    if (output === 'json') inv.io.out(JSON.stringify(doc, null, 4) + '\n');
    else inv.io.out(toYaml(doc));
    return 0;
  },
};

export const config: KubectlCommand = {
  name: 'config',
  short: 'Modify kubeconfig files',
  long: "Modify kubeconfig files using subcommands like \"kubectl config set current-context my-context\".\n\n The loading order follows these rules:\n\n  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.\n  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.\n  3.  Otherwise, ${HOME}/.kube/config is used and no merging takes place.",
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  subcommands: [currentContext, getContexts, setContext, useContext, view],
};
