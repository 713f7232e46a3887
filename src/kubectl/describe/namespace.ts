/** `kubectl describe namespace`: describe.go describeNamespace (no quotas or limit ranges here). */
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

export const namespaceDescriber: Describer = {
  kind: 'Namespace',
  describe(obj) {
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `Status:\t${obj.status?.phase ?? ''}\n`);
    const conditions: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[] = obj.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n');
      w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${c.lastTransitionTime ?? ''}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    w.write(0, '\n');
    w.write(0, 'No resource quota.\n');
    w.write(0, '\n');
    w.write(0, 'No LimitRange resource.\n');
    return w.toString();
  },
};
