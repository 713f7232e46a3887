/** `kubectl describe service`: describe.go describeService, endpoints read from EndpointSlices. */
import type { Service } from 'kubernetes-types/core/v1';
import { formatLabels } from '../../sim/apiserver/selectors.ts';
import type { Stored } from '../../sim/apiserver/types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

export const serviceDescriber: Describer = {
  kind: 'Service',
  describe(obj, { cluster, now, showEvents }) {
    const svc = obj as Service;
    const spec = svc.spec ?? {};
    const w = new DescribeWriter();
    const slices = cluster.api.list('EndpointSlice', {
      namespace: obj.metadata.namespace,
      labelSelector: [{ key: 'kubernetes.io/service-name', op: '=', values: [obj.metadata.name!] }],
    });
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(0, `IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(', ')}\n`);
    for (const p of spec.ports ?? []) {
      const name = p.name || '<unset>';
      const proto = p.protocol ?? 'TCP';
      w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
      w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
      if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
      w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
    }
    w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};

/** formatEndpointSlices: ready addresses with the port named like the service port, 3 then `+ N more...`. */
function formatEndpointSlices(slices: readonly Stored[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  const max = 3;
  for (const s of slices) {
    const endpoints = ((s.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]).filter((e) => e.conditions?.ready !== false);
    const ports = (s.ports ?? []) as { name?: string; port?: number }[];
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length < max) list.push(e.addresses[0]!);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        const addr = e.addresses[0]!;
        if (list.length < max) list.push(addr.includes(':') ? `[${addr}]:${port.port}` : `${addr}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return count > max ? `${ret} + ${count - max} more...` : ret;
}
