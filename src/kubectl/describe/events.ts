/**
 * The Events table at the end of most describe outputs (describe.go DescribeEvents): events about
 * the object, oldest first by last timestamp, with `12s`, `2m (x3 over 5m)` ages.
 */
import type { Stored } from '../../sim/apiserver/types.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { parseTime } from '../../sim/clock.ts';
import { age } from '../format/duration.ts';
import type { DescribeWriter } from './writer.ts';

/** searchEvents: events whose involvedObject is this object (field selector on name, namespace, kind and uid). */
export function eventsFor(cluster: Cluster, obj: Stored): Stored[] {
  const ns = obj.metadata.namespace;
  const list = cluster.api.list('Event', ns ? { namespace: ns } : {});
  return list.filter((e) => {
    const io = e.involvedObject ?? {};
    return io.name === obj.metadata.name && io.kind === obj.kind && (!obj.metadata.uid || io.uid === obj.metadata.uid) && (io.namespace ?? undefined) === ns;
  });
}

export function describeEvents(w: DescribeWriter, events: readonly Stored[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = events
    .map((e, i) => ({ e, i, t: parseTime(e.lastTimestamp) ?? 0 }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${age(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}
