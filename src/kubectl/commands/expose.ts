/**
 * kubectl expose (pod | deployment | replicaset | service) NAME: creates a Service selecting the
 * same pods, with ports from --port or from the containers (staging/src/k8s.io/kubectl/pkg/cmd/
 * expose/expose.go and polymorphichelpers' map-based selector and port introspection).
 */
import type { KubeObject } from '../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { str, strings } from '../flags.ts';
import { readAllManifests } from '../manifest/read.ts';
import { submitCreate, validationOf, VALIDATE_FLAG } from '../submit.ts';
import { getTarget, NO_RESOURCES_TEXT, parseTargets } from '../targets.ts';

interface PortSpec {
  containerPort: number;
  protocol?: string;
  name?: string;
}

/** The selector a Service for this object needs, or an error text (MapBasedSelectorForObject). */
function selectorOf(obj: KubeObject): Record<string, string> {
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) {
        throw new KubectlError(`the pod has no labels and cannot be exposed`);
      }
      return { ...obj.metadata.labels };
    case 'Service':
      if (!obj.spec?.selector) throw new KubectlError(`the service has no pod selector set`);
      return { ...obj.spec.selector };
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = obj.spec?.selector;
      if (sel?.matchExpressions?.length) {
        throw new KubectlError(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      }
      return { ...(sel?.matchLabels ?? {}) };
    }
    default:
      throw new KubectlError(`cannot expose a ${obj.kind}${obj.apiVersion.includes('/') ? `.${obj.apiVersion.split('/')[0]}` : ''}`);
  }
}

function podSpecOf(obj: KubeObject): { containers?: { ports?: PortSpec[] }[] } | undefined {
  return obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
}

/** Ports to expose when --port is not given (PortsForObject / ProtocolsForObject). */
function introspectedPorts(obj: KubeObject): PortSpec[] {
  if (obj.kind === 'Service') {
    return (obj.spec?.ports ?? []).map((p: { port: number; protocol?: string; name?: string }) => ({ containerPort: p.port, protocol: p.protocol, name: p.name }));
  }
  return (podSpecOf(obj)?.containers ?? []).flatMap((c) => c.ports ?? []);
}

export const expose: KubectlCommand = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: "Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.\n\n Possible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)",
  example: `# Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
kubectl expose rc nginx --port=80 --target-port=8000

# Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000

# Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
kubectl expose pod valid-pod --port=444 --name=frontend

# Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https

# Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream

# Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
kubectl expose rs nginx --port=80 --target-port=8000

# Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
kubectl expose deployment nginx --port=80 --target-port=8000`,
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    ...fileFlags('identifying the resource to expose a service'),
    { name: 'port', type: 'string', help: "The port that the service should serve on. Copied from the resource being exposed, if unspecified" },
    { name: 'target-port', type: 'string', help: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'protocol', type: 'string', help: 'The network protocol for the service to be created. Default is \'TCP\'.' },
    { name: 'type', type: 'string', help: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'name', type: 'string', help: 'The name for the newly created object.' },
    { name: 'selector', type: 'string', help: 'A label selector to use for this service. Only equality-based selector requirements are supported.' },
    { name: 'labels', short: 'l', type: 'string', help: 'Labels to apply to the service created by this call.' },
    { name: 'cluster-ip', type: 'string', help: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    { name: 'external-ip', type: 'string', help: 'Additional external IP address (not managed by Kubernetes) to accept for the service.' },
    { name: 'session-affinity', type: 'string', help: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    let source: KubeObject;
    const files = strings(p, 'filename');
    if (files.length) {
      const [m] = await readAllManifests(inv, files);
      if (!m) throw new KubectlError('no objects passed to expose');
      source = inv.cluster.api.get(m.type.kind, m.object.metadata.namespace, m.object.metadata.name ?? '') as KubeObject;
    } else {
      if (p.args.length === 0) throw new KubectlError(NO_RESOURCES_TEXT);
      const t = parseTargets(p.args);
      if (t.named.length !== 1) throw new KubectlError('resource(s) were provided, but no name was specified');
      source = getTarget(inv, t.named[0]!) as KubeObject;
    }
    const selectorText = str(p, 'selector');
    const selector = selectorText
      ? Object.fromEntries(selectorText.split(',').map((kv) => [kv.split('=')[0]!, kv.split('=').slice(1).join('=')]))
      : selectorOf(source);
    const protocol = str(p, 'protocol');
    const portFlag = str(p, 'port');
    let ports: { name?: string; port: number; protocol: string; targetPort?: number | string }[];
    if (portFlag) {
      ports = portFlag.split(',').map((pt, i, all) => ({
        ...(all.length > 1 ? { name: `port-${i + 1}` } : {}),
        port: Number(pt),
        protocol: protocol ?? 'TCP',
      }));
    } else {
      const found = introspectedPorts(source);
      if (found.length === 0) throw new KubectlError("couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
      ports = found.map((pt, i) => ({
        ...(found.length > 1 ? { name: pt.name || `port-${i + 1}` } : {}),
        port: pt.containerPort,
        protocol: protocol ?? pt.protocol ?? 'TCP',
      }));
    }
    const targetPort = str(p, 'target-port');
    for (const pt of ports) {
      if (targetPort) pt.targetPort = /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort;
      else pt.targetPort = pt.port;
    }
    const name = str(p, 'name') || source.metadata.name!;
    const labels = str(p, 'labels')
      ? Object.fromEntries(str(p, 'labels')!.split(',').map((kv) => [kv.split('=')[0]!, kv.split('=').slice(1).join('=')]))
      : source.metadata.labels;
    const spec: Record<string, unknown> = { ports, selector };
    const type = str(p, 'type');
    if (type) spec.type = type;
    const clusterIP = str(p, 'cluster-ip');
    if (clusterIP) spec.clusterIP = clusterIP;
    const externalIP = str(p, 'external-ip');
    if (externalIP) spec.externalIPs = [externalIP];
    const affinity = str(p, 'session-affinity');
    if (affinity) spec.sessionAffinity = affinity;
    const meta: Record<string, unknown> = { name };
    if (labels && Object.keys(labels).length) meta.labels = labels;
    if (inv.namespaceExplicit) meta.namespace = inv.namespace;
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: meta, spec, status: { loadBalancer: {} } } as unknown as KubeObject;
    const toSend = structuredClone(svc);
    if (dryRun !== 'client') toSend.metadata.namespace = source.metadata.namespace ?? inv.namespace;
    const created = submitCreate(inv, toSend, dryRun, validationOf(inv));
    reportChange(inv, created as KubeObject, 'exposed', dryRun);
    return 0;
  },
};
