/** `kubectl describe priorityclass`: describe.go describePriorityClass. */
import { formatLabels } from '../../sim/apiserver/selectors.ts';
import { describeEvents, eventsFor } from './events.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

export const priorityClassDescriber: Describer = {
  kind: 'PriorityClass',
  describe(obj, { cluster, now, showEvents }) {
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Value:\t${obj.value ?? 0}\n`);
    w.write(0, `GlobalDefault:\t${Boolean(obj.globalDefault)}\n`);
    w.write(0, `PreemptionPolicy:\t${obj.preemptionPolicy ?? ''}\n`);
    w.write(0, `Description:\t${obj.description ?? ''}\n`);
    w.write(0, `Annotations:\t${formatLabels(obj.metadata.annotations)}\n`);
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};
