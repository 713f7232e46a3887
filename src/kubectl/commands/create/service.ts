/**
 * kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=port:targetPort
 * (`--clusterip=None` makes a headless service).
 */
import type { KubectlCommand } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { int, str, strings } from '../../flags.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

function servicePorts(specs: string[], nodePort: number | undefined) {
  return specs.map((spec) => {
    const [p, t] = spec.split(':');
    const port = Number(p);
    const target = t === undefined ? port : /^\d+$/.test(t) ? Number(t) : t;
    if (!/^\d+$/.test(p ?? '')) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
    const out: Record<string, unknown> = { name: spec.replace(':', '-'), port, protocol: 'TCP', targetPort: target };
    if (nodePort) out.nodePort = nodePort;
    return out;
  });
}

/**
 * Each generator's Long, Examples and usage as create_service.go writes them (only clusterip's
 * usage spells the pair `<port>:<targetPort>`).
 */
const GENERATOR_HELP: Record<ServiceType, { long: string; example: string; tcp: string }> = {
  ClusterIP: {
    long: 'Create a ClusterIP service with the specified name.',
    example: `# Create a new ClusterIP service named my-cs
kubectl create service clusterip my-cs --tcp=5678:8080

# Create a new ClusterIP service named my-cs (in headless mode)
kubectl create service clusterip my-cs --clusterip="None"`,
    tcp: '<port>:<targetPort>',
  },
  NodePort: {
    long: 'Create a NodePort service with the specified name.',
    example: `# Create a new NodePort service named my-ns
kubectl create service nodeport my-ns --tcp=5678:8080`,
    tcp: 'port:targetPort',
  },
  LoadBalancer: {
    long: 'Create a LoadBalancer service with the specified name.',
    example: `# Create a new LoadBalancer service named my-lbs
kubectl create service loadbalancer my-lbs --tcp=5678:8080`,
    tcp: 'port:targetPort',
  },
};

function generator(type: ServiceType, word: string): KubectlCommand {
  const help = GENERATOR_HELP[type];
  return {
    name: word,
    short: `Create a ${type} service`,
    long: help.long,
    example: help.example,
    usage: `kubectl create service ${word} NAME [--tcp=${help.tcp}] [--dry-run=server|client|none]`,
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'tcp', type: 'stringArray', help: 'Port pairs can be specified as \'<port>:<targetPort>\'.' },
      ...(type === 'ClusterIP'
        ? [{ name: 'clusterip', type: 'string' as const, help: 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (no loadbalancing).' }]
        : []),
      ...(type === 'NodePort' ? [{ name: 'node-port', type: 'int' as const, default: 0, help: 'Port used to expose the service on each node in a cluster.' }] : []),
    ],
    async run(inv) {
      const name = nameArg(inv);
      const tcp = strings(inv.parsed, 'tcp');
      const clusterIP = type === 'ClusterIP' ? str(inv.parsed, 'clusterip') : undefined;
      if (tcp.length === 0 && clusterIP !== 'None') throw new KubectlError('at least one tcp port specifier must be provided');
      const labels = { app: name };
      const spec: Record<string, unknown> = {
        ports: servicePorts(tcp, type === 'NodePort' ? int(inv.parsed, 'node-port') || undefined : undefined),
        selector: labels,
        type,
      };
      if (tcp.length === 0) delete spec.ports;
      if (clusterIP) spec.clusterIP = clusterIP;
      const obj = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: generatedMeta(inv, name, true, { labels }),
        spec,
        status: { loadBalancer: {} },
      };
      return finishGenerated(inv, obj as never, true);
    },
  };
}

export const createService: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  long: 'Create a service using a specified subcommand.',
  usage: 'kubectl create service [flags] [options]',
  flags: [],
  subcommands: [generator('ClusterIP', 'clusterip'), generator('NodePort', 'nodeport'), generator('LoadBalancer', 'loadbalancer')],
};
