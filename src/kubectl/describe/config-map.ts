/** `kubectl describe configmap`: describe.go describeConfigMap (Data, then BinaryData sizes). */
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

export const configMapDescriber: Describer = {
  kind: 'ConfigMap',
  describe(obj, { cluster, now, showEvents }) {
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, '\nData\n====\n');
    const data: Record<string, string> = obj.data ?? {};
    for (const k of Object.keys(data).sort()) {
      w.write(0, `${k}:\n----\n`);
      w.write(0, `${data[k]}\n`);
      w.write(0, '\n');
    }
    w.write(0, '\nBinaryData\n====\n');
    const bin: Record<string, string> = obj.binaryData ?? {};
    for (const k of Object.keys(bin).sort()) w.write(0, `${k}: ${base64Length(bin[k]!)} bytes\n`);
    w.write(0, '\n');
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};

/** Decoded length of base64 text. */
export function base64Length(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}
