/** `kubectl describe job`: describe.go describeJob. */
import type { Job } from 'kubernetes-types/batch/v1';
import { parseTime } from '../../sim/clock.ts';
import { humanDuration } from '../format/duration.ts';
import { describePodTemplate } from './containers.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, controlledBy, labelsMultiline } from './meta.ts';
import { selectorString } from './stateful-set.ts';
import type { Describer } from './types.ts';
import { DescribeWriter, rfc1123z } from './writer.ts';

export const jobDescriber: Describer = {
  kind: 'Job',
  describe(obj, { cluster, now, showEvents }) {
    const job = obj as Job;
    const spec = job.spec;
    const st = job.status ?? {};
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    w.write(0, `Selector:\t${selectorString(spec?.selector)}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const owner = controlledBy(obj);
    if (owner) w.write(0, `Controlled By:\t${owner}\n`);
    if (spec?.parallelism !== undefined && spec.parallelism !== null) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(0, spec?.completions !== undefined && spec.completions !== null ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
    if (spec?.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec?.suspend !== undefined && spec.suspend !== null) w.write(0, `Suspend:\t${spec.suspend}\n`);
    if (spec?.backoffLimit !== undefined && spec.backoffLimit !== null) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec?.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null) {
      w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    }
    if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (st.startTime && st.completionTime) {
      w.write(0, `Duration:\t${humanDuration(parseTime(st.completionTime)! - parseTime(st.startTime)!)}\n`);
    }
    if (spec?.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
      w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    }
    if (st.ready === undefined || st.ready === null) {
      w.write(0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    } else {
      w.write(0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    }
    if (spec?.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(st.completedIndexes ?? '', 50)}\n`);
    describePodTemplate(w, spec?.template);
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};

/** capIndexesListOrNone: the list cut after the first comma past `softLimit`, then `...`. */
function capIndexes(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...';
}
