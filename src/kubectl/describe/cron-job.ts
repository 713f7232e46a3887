/** `kubectl describe cronjob`: describe.go describeCronJob and describeJobTemplate. */
import type { CronJob } from 'kubernetes-types/batch/v1';
import { describePodTemplate } from './containers.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import { selectorString } from './stateful-set.ts';
import type { Describer } from './types.ts';
import { DescribeWriter, rfc1123z } from './writer.ts';

export const cronJobDescriber: Describer = {
  kind: 'CronJob',
  describe(obj, { cluster, now, showEvents }) {
    const cj = obj as CronJob;
    const spec = cj.spec;
    const w = new DescribeWriter();
    const opt = (v: number | undefined | null, suffix = '') => (v === undefined || v === null ? '<unset>' : `${v}${suffix}`);
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(0, `Suspend:\t${spec?.suspend === undefined || spec.suspend === null ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
    w.write(0, `Successful Job History Limit:\t${opt(spec?.successfulJobsHistoryLimit)}\n`);
    w.write(0, `Failed Job History Limit:\t${opt(spec?.failedJobsHistoryLimit)}\n`);
    w.write(0, `Starting Deadline Seconds:\t${opt(spec?.startingDeadlineSeconds, 's')}\n`);
    const jt = spec?.jobTemplate?.spec;
    w.write(0, jt?.selector ? `Selector:\t${selectorString(jt.selector)}\n` : 'Selector:\t<unset>\n');
    w.write(0, `Parallelism:\t${opt(jt?.parallelism)}\n`);
    w.write(0, `Completions:\t${opt(jt?.completions)}\n`);
    if (jt?.activeDeadlineSeconds !== undefined && jt.activeDeadlineSeconds !== null) w.write(0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
    describePodTemplate(w, jt?.template);
    w.write(0, cj.status?.lastScheduleTime ? `Last Schedule Time:\t${rfc1123z(cj.status.lastScheduleTime)}\n` : 'Last Schedule Time:\t<unset>\n');
    w.write(0, 'Active Jobs:\t');
    const active = cj.status?.active ?? [];
    if (active.length === 0) w.line('<none>');
    else w.line(active.map((j) => j.name ?? '').join(', '));
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};
