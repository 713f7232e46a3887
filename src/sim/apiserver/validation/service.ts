/**
 * Service validation (pkg/apis/core/validation/validation.go ValidateService and
 * ValidateServiceUpdate), worded as upstream.
 */
import type { Service } from 'kubernetes-types/core/v1';
import { field, GoLiteral, type Cause } from '../errors.ts';
import { ipToNumber, needsNodePorts } from '../defaults/service.ts';
import type { KubeObject, Stored } from '../types.ts';
import { dns1123LabelErrors, dns1123SubdomainErrors } from './meta.ts';
import { isValidPort, portNameErrors, validateLabelMap } from './pod.ts';

const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

function servicePortLiteral(p: NonNullable<NonNullable<Service['spec']>['ports']>[number]): GoLiteral {
  const target =
    typeof p.targetPort === 'string'
      ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(p.targetPort)}}`
      : `intstr.IntOrString{Type:0, IntVal:${p.targetPort ?? 0}, StrVal:""}`;
  const app = p.appProtocol === undefined ? '(*string)(nil)' : `&${JSON.stringify(p.appProtocol)}`;
  return new GoLiteral(
    `core.ServicePort{Name:${JSON.stringify(p.name ?? '')}, Protocol:${JSON.stringify(p.protocol ?? 'TCP')}, AppProtocol:${app}, Port:${p.port}, TargetPort:${target}, NodePort:${p.nodePort ?? 0}}`,
  );
}

export function validateService(svc: KubeObject): Cause[] {
  const out: Cause[] = [];
  const spec = (svc.spec ?? {}) as NonNullable<Service['spec']>;
  const type = spec.type ?? 'ClusterIP';
  const headless = spec.clusterIP === 'None';
  if (!TYPES.includes(type)) out.push(field.notSupported('spec.type', type, TYPES));
  if (type === 'ExternalName') {
    if (!spec.externalName) out.push(field.required('spec.externalName'));
    else {
      // A trailing dot (a fully qualified name) is allowed.
      const name = spec.externalName.replace(/\.$/, '');
      for (const m of dns1123SubdomainErrors(name)) out.push(field.invalid('spec.externalName', spec.externalName, m));
    }
  }
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') out.push(field.required('spec.ports'));
  const names = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) out.push(field.required(`${path}.name`));
    if (p.name) {
      for (const m of dns1123LabelErrors(p.name)) out.push(field.invalid(`${path}.name`, p.name, m));
      if (names.has(p.name)) out.push(field.duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (!isValidPort(p.port)) out.push(field.invalid(`${path}.port`, p.port ?? 0, PORT_RANGE_MSG));
    const protocol = p.protocol ?? 'TCP';
    if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) out.push(field.notSupported(`${path}.protocol`, protocol, ['SCTP', 'TCP', 'UDP']));
    if (typeof p.targetPort === 'number') {
      if (!isValidPort(p.targetPort)) out.push(field.invalid(`${path}.targetPort`, p.targetPort, PORT_RANGE_MSG));
    } else if (typeof p.targetPort === 'string') {
      for (const m of portNameErrors(p.targetPort)) out.push(field.invalid(`${path}.targetPort`, p.targetPort, m));
    }
    if (p.nodePort && type === 'ClusterIP') {
      out.push(field.forbidden(`${path}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    }
    const key = `${p.port}/${protocol}`;
    if (keys.has(key)) out.push({ field: path, message: `Duplicate value: ${servicePortLiteral(p).text}` });
    keys.add(key);
  });
  out.push(...validateLabelMap(spec.selector, 'spec.selector'));
  if (spec.sessionAffinity && !['ClientIP', 'None'].includes(spec.sessionAffinity)) {
    out.push(field.notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  }
  if (headless && needsNodePorts(spec)) {
    out.push(field.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  if (spec.clusterIP && spec.clusterIP !== 'None' && ipToNumber(spec.clusterIP) === undefined) {
    out.push(field.invalid('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  }
  for (const [k, v] of [['internalTrafficPolicy', spec.internalTrafficPolicy], ['externalTrafficPolicy', spec.externalTrafficPolicy]] as const) {
    if (v !== undefined && !['Cluster', 'Local'].includes(v)) out.push(field.notSupported(`spec.${k}`, v, ['Cluster', 'Local']));
  }
  return out;
}

/** ValidateServiceUpdate: the primary ClusterIP may not change once set. */
export function validateServiceUpdate(svc: KubeObject, old: Stored): Cause[] {
  const prev = old.spec?.clusterIPs as string[] | undefined;
  const next = svc.spec?.clusterIPs as string[] | undefined;
  if (prev?.length && next?.length && prev[0] !== next[0] && old.spec?.type !== 'ExternalName' && svc.spec?.type !== 'ExternalName') {
    return [field.invalid('spec.clusterIPs[0]', new GoLiteral(`[]string{${next.map((s) => JSON.stringify(s)).join(', ')}}`), 'may not change once set')];
  }
  return [];
}
