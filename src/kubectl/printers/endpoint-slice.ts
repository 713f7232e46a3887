/** `kubectl get endpointslices`: printers.go printEndpointSlice. */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const endpointSlicePrinter: KindPrinter = {
  kind: 'EndpointSlice',
  columns: [{ name: 'Name' }, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, { name: 'Age' }],
  row(obj, { now }) {
    const ports = ((obj.ports ?? []) as { port?: number; name?: string }[]).map((p) =>
      p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'),
    );
    const addresses = ((obj.endpoints ?? []) as { addresses?: string[] }[]).flatMap((e) => e.addresses ?? []);
    return [obj.metadata.name!, obj.addressType ?? '', listWithMore(ports), listWithMore(addresses), age(obj.metadata.creationTimestamp, now)];
  },
};

/** listWithMoreString: at most 3 items, then `+ N more...`; `<unset>` when empty. */
function listWithMore(items: string[]): string {
  const max = 3;
  const ret = items.slice(0, max).join(',');
  if (items.length > max) return `${ret} + ${items.length - max} more...`;
  return ret || '<unset>';
}
