/** `kubectl get cronjobs`: printers.go printCronJob. */
import type { CronJob } from 'kubernetes-types/batch/v1';
import { formatLabelSelector } from '../../sim/apiserver/selectors.ts';
import { age } from '../format/duration.ts';
import { containerCells } from './pod-template.ts';
import type { KindPrinter } from './types.ts';

export const cronJobPrinter: KindPrinter = {
  kind: 'CronJob',
  columns: [
    { name: 'Name' },
    { name: 'Schedule' },
    { name: 'Timezone' },
    { name: 'Suspend' },
    { name: 'Active' },
    { name: 'Last Schedule' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { now }) {
    const cj = obj as CronJob;
    const suspend = cj.spec?.suspend;
    return [
      cj.metadata!.name!,
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      suspend === undefined || suspend === null ? '<unset>' : suspend ? 'True' : 'False',
      String((cj.status?.active ?? []).length),
      cj.status?.lastScheduleTime ? age(cj.status.lastScheduleTime, now) : '<none>',
      age(cj.metadata?.creationTimestamp, now),
      ...containerCells(cj.spec?.jobTemplate?.spec?.template),
      formatLabelSelector(cj.spec?.jobTemplate?.spec?.selector),
    ];
  },
};
