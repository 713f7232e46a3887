/** `kubectl get services`: printers.go printService and getServiceExternalIP. */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { formatLabels } from '../../sim/apiserver/selectors.ts';
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const servicePrinter: KindPrinter = {
  kind: 'Service',
  columns: [
    { name: 'Name' },
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    { name: 'Age' },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { now }) {
    const svc = obj as Service;
    return [
      svc.metadata!.name!,
      svc.spec?.type ?? '',
      svc.spec?.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(svc, false),
      servicePorts(svc.spec?.ports ?? []) || '<none>',
      age(svc.metadata?.creationTimestamp, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** makePortString: `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(ports: readonly ServicePort[]): string {
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

export function serviceExternalIP(svc: Service, wide: boolean): string {
  const external = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      let lb = (svc.status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip || i.hostname || '')
        .filter((s) => s)
        .join(',');
      if (!wide && lb.length > 16) lb = lb.slice(0, 13) + '...';
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}
