/** `kubectl describe secret`: describe.go describeSecret (sizes only, never values). */
import { base64Length } from './config-map.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

export const secretDescriber: Describer = {
  kind: 'Secret',
  describe(obj) {
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `\nType:\t${obj.type ?? ''}\n`);
    w.write(0, '\nData\n====\n');
    const data: Record<string, string> = obj.data ?? {};
    for (const k of Object.keys(data).sort()) {
      if (k === 'token' && obj.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${atob(data[k]!)}\n`);
      else w.write(0, `${k}:\t${base64Length(data[k]!)} bytes\n`);
    }
    return w.toString();
  },
};
