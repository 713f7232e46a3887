/**
 * Benchmark: CronJob schedule times (src/sim/apiserver/validation/cron-schedule.ts), which the
 * CronJob controller asks for at every sync. Mean time of one `next()` for frequent, sparse and
 * never-firing schedules in UTC and in zones with DST, one `mostRecent()` after a long gap, and
 * cron-parser's next() on the same schedules for comparison (it is the tests' oracle, no longer
 * shipped). Run with `npx tsx tests/bench/cron-schedule.bench.ts`.
 */
import { CronExpressionParser } from 'cron-parser';
import { parseSchedule, type Schedule } from '../../src/sim/apiserver/validation/cron-schedule.ts';
import { report } from './measure.ts';

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const DAY = 86_400_000;

function schedule(spec: string, tz?: string): Schedule {
  const s = parseSchedule(spec, tz);
  if (typeof s === 'string') throw new Error(s);
  return s;
}

/** Mean µs of `fn(after)` over `runs` calls, `after` moving through a year. */
function mean(runs: number, fn: (after: number) => unknown): number {
  for (let i = 0; i < 200; i++) fn(START + i * 7_919_000);
  const t = performance.now();
  for (let i = 0; i < runs; i++) fn(START + ((i * 7_919_000) % (365 * DAY)));
  return ((performance.now() - t) * 1000) / runs;
}

const us = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} µs`;

const cases: [string, string, string | undefined, boolean][] = [
  ['every 15 minutes, UTC', '*/15 * * * *', undefined, true],
  ['weekdays 09:30, America/New_York', '30 9 * * 1-5', 'America/New_York', true],
  ['daily 02:30 (DST gap and repeat), Europe/Berlin', '30 2 * * *', 'Europe/Berlin', true],
  ['@yearly, UTC', '@yearly', undefined, true],
  ['Feb 29 (leap days only), UTC', '0 0 29 2 *', undefined, true],
  ['Feb 29, Europe/Berlin', '0 0 29 2 *', 'Europe/Berlin', true],
  ['0 0 31 2 * (never: five-year search), UTC', '0 0 31 2 *', undefined, false],
  ['0 0 31 2 * (never: five-year search), America/New_York', '0 0 31 2 *', 'America/New_York', false],
  ['@every 90m', '@every 90m', undefined, false],
];

for (const [name, spec, tz, oracle] of cases) {
  const s = schedule(spec, tz);
  report(`next(): ${name}`, us(mean(5_000, (after) => s.next(after))));
  if (oracle) {
    report('  cron-parser parse + next() (its API parses per start time)', us(mean(2_000, (after) => CronExpressionParser.parse(spec, { currentDate: new Date(after), tz: tz ?? 'UTC' }).next())));
  }
}

{
  const s = schedule('*/5 * * * *', 'Europe/Berlin');
  report('mostRecent(): */5 in Europe/Berlin, 30 days missed', us(mean(2_000, (after) => s.mostRecent(after, after + 30 * DAY))));
}

{
  const t = performance.now();
  let n = 0;
  for (; performance.now() - t < 200; n++) parseSchedule(`${n % 60} ${n % 24} * * ${n % 7}`);
  report('parseSchedule()', us((200 * 1000) / n));
}
