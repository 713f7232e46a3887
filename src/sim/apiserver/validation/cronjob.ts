/**
 * CronJob validation (pkg/apis/batch/validation/validation.go ValidateCronJobCreate/Update):
 * the schedule, CRON_TZ/TZ prefixes, the time zone, history limits, name length and the job template.
 */
import { field, type Cause } from '../errors.ts';
import type { KubeObject } from '../types.ts';
import { hasTimeZonePrefix, isKnownTimeZone, parseSchedule } from './cron-schedule.ts';
import { validateJobSpec } from './job.ts';
import { nonNegative } from './workload.ts';

export function validateCronJob(obj: KubeObject): Cause[] {
  const out: Cause[] = [];
  const name = obj.metadata.name ?? '';
  if (name.length > 52) out.push(field.invalid('metadata.name', name, 'must be no more than 52 characters'));
  const spec = obj.spec ?? {};
  const schedule: string | undefined = spec.schedule;
  if (!schedule) out.push(field.required('spec.schedule'));
  else {
    // validateScheduleFormat: robfig's error, then any mention of TZ. A TZ= prefix with nothing
    // after it makes robfig panic, which leaves only the TZ error here.
    const parsed = hasTimeZonePrefix(schedule) && !schedule.includes(' ') ? undefined : parseSchedule(schedule);
    if (typeof parsed === 'string') out.push(field.invalid('spec.schedule', schedule, parsed));
    if (schedule.includes('TZ')) out.push(field.invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  if (typeof spec.timeZone === 'string') out.push(...validateTimeZone(spec.timeZone));
  const cp = spec.concurrencyPolicy;
  if (cp !== undefined && !['Allow', 'Forbid', 'Replace'].includes(cp)) {
    out.push(field.notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  }
  out.push(...nonNegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds));
  out.push(...nonNegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit));
  out.push(...nonNegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit));
  out.push(...validateJobSpec(spec.jobTemplate?.spec, 'spec.jobTemplate.spec', false));
  return out;
}

/** validateTimeZone: non-empty, IANA name characters, not Local, and known to time.LoadLocation. */
function validateTimeZone(tz: string): Cause[] {
  if (tz === '') return [field.invalid('spec.timeZone', tz, 'timeZone must be nil or non-empty string')];
  const badPart = (part: string) => part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part);
  if (tz.split('/').some(badPart)) return [field.invalid('spec.timeZone', tz, `unknown time zone ${tz}`)];
  const out: Cause[] = [];
  if (tz.toLowerCase() === 'local') out.push(field.invalid('spec.timeZone', tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  if (tz !== 'Local' && !isKnownTimeZone(tz)) out.push(field.invalid('spec.timeZone', tz, `unknown time zone ${tz}`));
  return out;
}
