/** `kubectl get endpoints`: printers.go printEndpoints and formatEndpoints (3 addresses, then `+ N more...`). */
import type { Endpoints } from 'kubernetes-types/core/v1';
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const endpointsPrinter: KindPrinter = {
  kind: 'Endpoints',
  columns: [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }],
  row(obj, { now }) {
    return [obj.metadata.name!, formatEndpoints(obj as Endpoints), age(obj.metadata.creationTimestamp, now)];
  },
};

export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string) => {
    if (list.length === max) more = true;
    if (!more) list.push(text);
    count++;
  };
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) for (const a of addresses) add(a.ip);
    else for (const p of ss.ports) for (const a of addresses) add(a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}
