/**
 * `kubectl get events`: printers.go printEvent. Its wide columns sit between the default ones, so
 * the row lists every cell in definition order and the table drops the wide ones.
 */
import { age } from '../format/duration.ts';
import type { KindPrinter } from './types.ts';

export const eventPrinter: KindPrinter = {
  kind: 'Event',
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message' },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1 },
  ],
  row(obj, { now }) {
    const t = eventTimes(obj, now);
    const io = obj.involvedObject ?? {};
    const target = io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase();
    return [
      t.lastSeen,
      obj.type ?? '',
      obj.reason ?? '',
      target,
      io.fieldPath ?? '',
      eventSource(obj),
      String(obj.message ?? '').trim(),
      t.firstSeen,
      String(t.count),
      obj.metadata.name!,
    ];
  },
};

export function eventTimes(obj: { [k: string]: any }, now: number): { lastSeen: string; firstSeen: string; count: number } {
  const firstSeen = obj.firstTimestamp ? age(obj.firstTimestamp, now) : age(obj.eventTime, now);
  let lastSeen = obj.lastTimestamp ? age(obj.lastTimestamp, now) : firstSeen;
  let count: number = obj.count ?? 0;
  if (obj.series) {
    lastSeen = age(obj.series.lastObservedTime, now);
    count = obj.series.count ?? 0;
  } else if (count === 0) count = 1;
  return { lastSeen, firstSeen, count };
}

/**
 * formatEventSource: `component, host`, each falling back to the reporting controller and instance
 * (core/v1 Event serialises ReportingController as `reportingComponent`).
 */
export function eventSource(obj: { [k: string]: any }): string {
  const component = obj.source?.component || obj.reportingComponent || '';
  const host = obj.source?.host || obj.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}
