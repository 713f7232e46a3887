/** `kubectl describe endpointslice`: describe.go describeEndpointSliceV1. */
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

interface SliceEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean | null };
  hostname?: string;
  targetRef?: { kind?: string; name?: string };
  nodeName?: string;
  zone?: string;
}

export const endpointSliceDescriber: Describer = {
  kind: 'EndpointSlice',
  describe(obj, { cluster, now, showEvents }) {
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `AddressType:\t${obj.addressType ?? ''}\n`);
    const ports = (obj.ports ?? []) as { name?: string; port?: number | null; protocol?: string }[];
    if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
    else {
      w.write(0, 'Ports:\n');
      w.write(1, 'Name\tPort\tProtocol\n');
      w.write(1, '----\t----\t--------\n');
      for (const p of ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`);
    }
    const endpoints = (obj.endpoints ?? []) as SliceEndpoint[];
    if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
    else {
      w.write(0, 'Endpoints:\n');
      for (const e of endpoints) {
        w.write(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
        w.write(2, 'Conditions:\n');
        const ready = e.conditions?.ready;
        w.write(3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
        w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};
