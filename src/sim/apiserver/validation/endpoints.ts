/**
 * Endpoints and EndpointSlice validation (ValidateEndpoints; discovery's ValidateEndpointSlice):
 * addresses, ports and the address type.
 */
import { field, type Cause } from '../errors.ts';
import type { KubeObject } from '../types.ts';
import { ipToNumber } from '../defaults/service.ts';
import { isValidPort } from './pod.ts';

const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';

export function validateEndpoints(ep: KubeObject): Cause[] {
  const out: Cause[] = [];
  ((ep.subsets ?? []) as { addresses?: { ip?: string }[]; notReadyAddresses?: { ip?: string }[]; ports?: { port?: number; protocol?: string }[] }[]).forEach(
    (s, i) => {
      for (const key of ['addresses', 'notReadyAddresses'] as const) {
        (s[key] ?? []).forEach((a, j) => {
          const path = `subsets[${i}].${key}[${j}].ip`;
          if (!a.ip) out.push(field.required(path));
          else if (ipToNumber(a.ip) === undefined) out.push(field.invalid(path, a.ip, 'must be a valid IP address'));
        });
      }
      (s.ports ?? []).forEach((p, j) => {
        if (!isValidPort(p.port)) out.push(field.invalid(`subsets[${i}].ports[${j}].port`, p.port ?? 0, PORT_RANGE_MSG));
        const protocol = p.protocol ?? 'TCP';
        if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) {
          out.push(field.notSupported(`subsets[${i}].ports[${j}].protocol`, protocol, ['SCTP', 'TCP', 'UDP']));
        }
      });
    },
  );
  return out;
}

export function validateEndpointSlice(slice: KubeObject): Cause[] {
  const out: Cause[] = [];
  const types = ['IPv4', 'IPv6', 'FQDN'];
  if (!slice.addressType) out.push(field.required('addressType'));
  else if (!types.includes(slice.addressType)) out.push(field.notSupported('addressType', slice.addressType, types));
  ((slice.endpoints ?? []) as { addresses?: string[] }[]).forEach((e, i) => {
    if (!e.addresses?.length) out.push(field.required(`endpoints[${i}].addresses`));
  });
  ((slice.ports ?? []) as { port?: number }[]).forEach((p, i) => {
    if (p.port !== undefined && p.port !== null && (p.port < 0 || p.port > 65535)) {
      out.push(field.invalid(`ports[${i}].port`, p.port, 'must be between 0 and 65535, inclusive'));
    }
  });
  return out;
}
