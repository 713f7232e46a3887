import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CronExpressionParser } from 'cron-parser';
import { hasTimeZonePrefix, isKnownTimeZone, parseSchedule, type Schedule } from '../../src/sim/apiserver/validation/cron-schedule.ts';

function schedule(spec: string, tz?: string): Schedule {
  const s = parseSchedule(spec, tz);
  if (typeof s === 'string') throw new Error(`${spec}: ${s}`);
  return s;
}

const iso = (ms: number | undefined) => (ms === undefined ? 'none' : new Date(ms).toISOString());
const next = (spec: string, from: string, tz?: string) => iso(schedule(spec, tz).next(Date.parse(from)));

describe('robfig SpecSchedule.Next', () => {
  // robfig/cron v3 spec_test.go TestNext, the seconds field dropped (it is always 0 here).
  it.each([
    ['2012-07-09T14:45:00Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:00Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:59Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T15:45:00Z', '20-35/15 * * * *', '2012-07-09T16:20:00Z'],
    ['2012-07-09T23:46:00Z', '*/15 * * * *', '2012-07-10T00:00:00Z'],
    ['2012-07-09T23:45:00Z', '20-35/15 * * * *', '2012-07-10T00:20:00Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 1/2 * * *', '2012-07-10T01:20:00Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 10-12 * * *', '2012-07-10T10:20:00Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 1/2 */2 * *', '2012-07-11T01:20:00Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 * 9-20 Jul *', '2012-07-10T00:20:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 9 Apr-Oct ?', '2012-08-09T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 */5 Apr,Aug,Oct Mon', '2012-08-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 */5 Oct Mon', '2012-10-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 * Feb Mon', '2013-02-04T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 * Feb Mon/2', '2013-02-01T00:00:00Z'],
    ['2012-12-31T23:59:45Z', '* * * * *', '2013-01-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 29 Feb ?', '2016-02-29T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 30 Feb ?', 'none'],
    ['2012-07-09T23:35:00Z', '0 0 31 Apr ?', 'none'],
  ])('from %s, %s → %s', (from, spec, want) => {
    expect(next(spec, from)).toBe(want === 'none' ? want : new Date(want).toISOString());
  });

  // spec_test.go's daylight saving cases in America/New_York (and Sao Paulo's missing midnight).
  it.each([
    // 2am EST → 3am EDT: a 02:xx wall time does not exist and is skipped.
    ['2012-03-11T00:00:00-05:00', '30 2 11 Mar ?', '2013-03-11T02:30:00-04:00'],
    ['2012-03-11T00:00:00-05:00', '0 * * * ?', '2012-03-11T01:00:00-05:00'],
    ['2012-03-11T01:00:00-05:00', '0 * * * ?', '2012-03-11T03:00:00-04:00'],
    ['2012-03-11T03:00:00-04:00', '0 * * * ?', '2012-03-11T04:00:00-04:00'],
    ['2012-03-11T00:00:00-05:00', '0 1 * * ?', '2012-03-11T01:00:00-05:00'],
    ['2012-03-11T01:00:00-05:00', '0 1 * * ?', '2012-03-12T01:00:00-04:00'],
    ['2012-03-11T00:00:00-05:00', '0 2 * * ?', '2012-03-12T02:00:00-04:00'],
    // 2am EDT → 1am EST: the repeated hour fires twice, once in each offset.
    ['2012-11-04T00:00:00-04:00', '30 2 04 Nov ?', '2012-11-04T02:30:00-05:00'],
    ['2012-11-04T01:45:00-04:00', '30 1 04 Nov ?', '2012-11-04T01:30:00-05:00'],
    ['2012-11-04T00:00:00-04:00', '0 * * * ?', '2012-11-04T01:00:00-04:00'],
    ['2012-11-04T01:00:00-04:00', '0 * * * ?', '2012-11-04T01:00:00-05:00'],
    ['2012-11-04T01:00:00-05:00', '0 * * * ?', '2012-11-04T02:00:00-05:00'],
    ['2012-11-04T00:00:00-04:00', '0 1 * * ?', '2012-11-04T01:00:00-04:00'],
    ['2012-11-04T01:00:00-04:00', '0 1 * * ?', '2012-11-04T01:00:00-05:00'],
    ['2012-11-04T01:00:00-05:00', '0 1 * * ?', '2012-11-05T01:00:00-05:00'],
    ['2012-11-04T00:00:00-04:00', '0 2 * * ?', '2012-11-04T02:00:00-05:00'],
    ['2012-11-04T02:00:00-05:00', '0 2 * * ?', '2012-11-05T02:00:00-05:00'],
    ['2012-11-04T00:00:00-04:00', '0 3 * * ?', '2012-11-04T03:00:00-05:00'],
    ['2012-11-04T03:00:00-05:00', '0 3 * * ?', '2012-11-05T03:00:00-05:00'],
    ['2012-11-04T00:00:00-04:00', '0 3 3 * ?', '2012-12-03T03:00:00-05:00'],
  ])('America/New_York from %s, %s → %s', (from, spec, want) => {
    expect(next(spec, from, 'America/New_York')).toBe(new Date(want).toISOString());
  });

  it('moves a day search off a midnight that DST removed (America/Sao_Paulo, robfig issue 157)', () => {
    expect(next('0 9 10 * ?', '2018-10-17T05:00:00-04:00', 'America/Sao_Paulo')).toBe(new Date('2018-11-10T06:00:00-05:00').toISOString());
    expect(next('0 9 22 * ?', '2018-02-14T05:00:00-05:00', 'America/Sao_Paulo')).toBe(new Date('2018-02-22T07:00:00-05:00').toISOString());
  });

  it('America/New_York 2026: 02:30 is skipped in March and 01:30 runs twice in November', () => {
    const s = schedule('30 1,2 * * *', 'America/New_York');
    const times: string[] = [];
    for (let t = s.next(Date.parse('2026-03-07T12:00:00Z')); times.length < 5; t = s.next(t!)) times.push(iso(t));
    expect(times).toEqual(['2026-03-08T06:30:00.000Z', '2026-03-09T05:30:00.000Z', '2026-03-09T06:30:00.000Z', '2026-03-10T05:30:00.000Z', '2026-03-10T06:30:00.000Z']);
    const fall: string[] = [];
    for (let t = s.next(Date.parse('2026-10-31T12:00:00Z')); fall.length < 5; t = s.next(t!)) fall.push(iso(t));
    // 01:30 EDT, 01:30 EST, 02:30 EST on Nov 1st.
    expect(fall).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z', '2026-11-01T07:30:00.000Z', '2026-11-02T06:30:00.000Z', '2026-11-02T07:30:00.000Z']);
  });

  it('Europe/Berlin 2026: 02:30 is skipped on March 29, runs twice on October 25', () => {
    expect(next('30 2 * * *', '2026-03-28T12:00:00Z', 'Europe/Berlin')).toBe('2026-03-30T00:30:00.000Z');
    expect(next('30 2 29 3 *', '2026-03-01T00:00:00Z', 'Europe/Berlin')).toBe('2027-03-29T00:30:00.000Z');
    expect(next('30 2 * * *', '2026-10-24T12:00:00Z', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(next('30 2 * * *', '2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T01:30:00.000Z');
    expect(next('30 2 * * *', '2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('2026-10-26T01:30:00.000Z');
    expect(next('0 11 * * *', '2026-01-05T09:00:00Z', 'Europe/Berlin')).toBe('2026-01-05T10:00:00.000Z');
    expect(next('0 11 * * *', '2026-07-05T08:00:00Z', 'Europe/Berlin')).toBe('2026-07-05T09:00:00.000Z');
    expect(next('@daily', '2026-03-28T12:00:00Z', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(next('@daily', '2026-03-28T23:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('starts from the next whole second, and a fire time itself is not returned again', () => {
    expect(next('* * * * *', '2026-01-05T09:00:59.999Z')).toBe('2026-01-05T09:01:00.000Z');
    expect(next('* * * * *', '2026-01-05T09:01:00.000Z')).toBe('2026-01-05T09:02:00.000Z');
    expect(next('0 * * * *', '2026-01-05T08:59:59.000Z')).toBe('2026-01-05T09:00:00.000Z');
  });

  it('day of month and day of week: AND when either is a star, else OR', () => {
    // 2026-01-05 is a Monday.
    expect(next('0 0 1,15 * Sun', '2026-01-05T12:00:00Z')).toBe('2026-01-11T00:00:00.000Z');
    expect(next('0 0 1,15 * Fri', '2026-01-10T12:00:00Z')).toBe('2026-01-15T00:00:00.000Z');
    expect(next('0 0 * * Mon', '2026-01-05T12:00:00Z')).toBe('2026-01-12T00:00:00.000Z');
    expect(next('0 0 1,15 * *', '2026-01-05T12:00:00Z')).toBe('2026-01-15T00:00:00.000Z');
    // `*/2` is no star for robfig (a step above 1 clears it): OR with Sunday.
    expect(next('0 0 */10 * Sun', '2026-01-05T12:00:00Z')).toBe('2026-01-11T00:00:00.000Z');
    expect(next('0 0 ?/10 * Sun', '2026-01-12T12:00:00Z')).toBe('2026-01-18T00:00:00.000Z');
    // `*/1` keeps the star: AND.
    expect(next('0 0 */1 * Sun', '2026-01-05T12:00:00Z')).toBe('2026-01-11T00:00:00.000Z');
    expect(next('0 0 1-31 * Sun', '2026-01-05T12:00:00Z')).toBe('2026-01-06T00:00:00.000Z');
  });

  it('names are case-insensitive; N/step runs to the maximum; *-anything is a star', () => {
    expect(next('0 0 1 JaN,jUL *', '2026-02-01T00:00:00Z')).toBe('2026-07-01T00:00:00.000Z');
    expect(next('0 0 * * thu-FRI', '2026-01-05T00:00:00Z')).toBe('2026-01-08T00:00:00.000Z');
    expect(next('50/5 * * * *', '2026-01-05T09:51:00Z')).toBe('2026-01-05T09:55:00.000Z');
    expect(next('50/5 * * * *', '2026-01-05T09:56:00Z')).toBe('2026-01-05T10:50:00.000Z');
    expect(next('*-5 * * * *', '2026-01-05T09:56:00Z')).toBe('2026-01-05T09:57:00.000Z');
    expect(next('*/61 * * * *', '2026-01-05T09:56:00Z')).toBe('2026-01-05T10:00:00.000Z');
    expect(next('1,,3 * * * *', '2026-01-05T09:01:00Z')).toBe('2026-01-05T09:03:00.000Z');
  });

  it('gives up after five years like robfig: never-firing schedules have no next time', () => {
    for (const spec of ['0 0 31 2 *', '0 0 30 2 *', '0 0 31 4,6,9,11 *', ', * * * *', '0 0 , * *', '0 0 * * ,']) {
      expect(schedule(spec).next(Date.parse('2026-01-05T09:00:00Z')), spec).toBeUndefined();
    }
    // Feb 29 is four years away at most, except across 2100, which is no leap year.
    expect(next('0 0 29 2 *', '2026-01-05T09:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('0 0 29 2 *', '2096-03-01T00:00:00Z')).toBe('none');
    // The day fields: a day of week alone still fires when the day of month is empty and no star.
    expect(next('0 0 , * Mon', '2026-01-06T00:00:00Z')).toBe('2026-01-12T00:00:00.000Z');
  });
});

describe('robfig itself', () => {
  // 600 schedules (random five-field ones, descriptors, and random strings for the errors), each
  // with a zone and a start time in 2015-2025, answered by robfig/cron v3 ParseStandard and Next
  // (Go 1.19, tzdata 2025b). The zones' rules for those years are settled, so ICU agrees on them.
  const cases = readFileSync(new URL('./cron-schedule.robfig.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { spec: string; timeZone?: string; after: string; next?: string | null; error?: string });

  it('gives the same next times and errors as robfig', () => {
    expect(cases.length).toBe(600);
    const wrong = cases.filter((c) => {
      const s = parseSchedule(c.spec, c.timeZone);
      const got = typeof s === 'string' ? { error: s } : { next: s.next(Date.parse(c.after)) === undefined ? null : iso(s.next(Date.parse(c.after))) };
      return JSON.stringify(got) !== JSON.stringify(c.error !== undefined ? { error: c.error } : { next: c.next });
    });
    expect(wrong).toEqual([]);
  });
});

describe('descriptors', () => {
  it.each([
    ['@yearly', '2027-01-01T00:00:00.000Z'],
    ['@annually', '2027-01-01T00:00:00.000Z'],
    ['@monthly', '2026-02-01T00:00:00.000Z'],
    ['@weekly', '2026-01-11T00:00:00.000Z'],
    ['@daily', '2026-01-06T00:00:00.000Z'],
    ['@midnight', '2026-01-06T00:00:00.000Z'],
    ['@hourly', '2026-01-05T10:00:00.000Z'],
  ])('%s → %s', (spec, want) => {
    expect(next(spec, '2026-01-05T09:30:00Z')).toBe(want);
  });

  it('@every: whole seconds after the whole second, at least one second', () => {
    const at = Date.parse('2026-01-05T09:30:00.750Z');
    const delay = (spec: string) => (schedule(spec).next(at)! - Date.parse('2026-01-05T09:30:00Z')) / 1000;
    expect(delay('@every 90m')).toBe(5400);
    expect(delay('@every 1h30m10.9s')).toBe(5410);
    expect(delay('@every 1.5h')).toBe(5400);
    expect(delay('@every 500ms')).toBe(1);
    expect(delay('@every -5m')).toBe(1);
    expect(delay('@every 0')).toBe(1);
    expect(delay('@every 2\u00b5s')).toBe(1);
    expect(delay('@every +10s')).toBe(10);
  });
});

describe('robfig ParseStandard errors', () => {
  it.each([
    ['', 'empty spec string'],
    ['*/5 * * *', 'expected exactly 5 fields, found 4: [*/5 * * *]'],
    ['0 0 0 0 0 0', 'expected exactly 5 fields, found 6: [0 0 0 0 0 0]'],
    [' @hourly', 'expected exactly 5 fields, found 1: [@hourly]'],
    ['@hourly ', 'unrecognized descriptor: @hourly '],
    ['@HOURLY', 'unrecognized descriptor: @HOURLY'],
    ['@every', 'unrecognized descriptor: @every'],
    ['@every ', 'failed to parse duration @every : time: invalid duration ""'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5 m', 'failed to parse duration @every 5 m: time: unknown unit " m" in duration "5 m"'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every .s', 'failed to parse duration @every .s: time: invalid duration ".s"'],
    ['@every 5é', 'failed to parse duration @every 5é: time: unknown unit "\\xc3\\xa9" in duration "5\\xc3\\xa9"'],
    ['@every 9999999999h', 'failed to parse duration @every 9999999999h: time: invalid duration "9999999999h"'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 32 * *', 'end of range (32) above maximum (31): 32'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 * * 1-7', 'end of range (7) above maximum (6): 1-7'],
    ['0 0 * * SAT-sun', 'beginning of range (6) beyond end of range (0): SAT-sun'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['70/5 * * * *', 'beginning of range (70) beyond end of range (59): 70/5'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['-5 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['*/-1 * * * *', 'negative number (-1) not allowed: -1'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['0 0 * jan-foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['0 0 * * monday', 'failed to parse int from monday: strconv.Atoi: parsing "monday": invalid syntax'],
    ['jan * * * *', 'failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax'],
    ['99999999999999999999 * * * *', 'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['1234567890123456789 * * * *', 'end of range (1234567890123456789) above maximum (59): 1234567890123456789'],
    ['0\u00a0*', 'expected exactly 5 fields, found 2: [0 *]'],
    ['L * * * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['\ufeff* * * * *', 'failed to parse int from \ufeff*: strconv.Atoi: parsing "\\ufeff*": invalid syntax'],
  ])('%j → %s', (spec, error) => {
    expect(parseSchedule(spec)).toBe(error);
  });

  it('accepts what robfig accepts', () => {
    for (const spec of ['* * * * ?', '+5 * * * *', '0 0 * * SUN', '? ? ? ? ?', '0-59/1 0-23 1-31 1-12 0-6', '\t0  *\n* * *', '0000000000000000005 * * * *']) {
      expect(typeof parseSchedule(spec), spec).toBe('object');
    }
  });

  it('reads a timeZone as the controller hands it over (TZ=<zone> <schedule>, trimmed)', () => {
    // 09:30 UTC is 15:00 in Kolkata (+05:30): the next hour there is 10:30 UTC.
    expect(next(' @hourly ', '2026-01-05T09:30:00Z', 'Asia/Kolkata')).toBe('2026-01-05T10:30:00.000Z');
    expect(parseSchedule(' @hourly ')).toBe('expected exactly 5 fields, found 1: [@hourly]');
    expect(parseSchedule('TZ=Mars/Olympus 0 * * * *')).toBe('provided bad location Mars/Olympus: unknown time zone Mars/Olympus');
    expect(next('TZ=Asia/Tokyo 0 9 * * *', '2026-01-05T00:30:00Z')).toBe('2026-01-06T00:00:00.000Z');
    expect(hasTimeZonePrefix('CRON_TZ=UTC 0 * * * *')).toBe(true);
    expect(hasTimeZonePrefix('0 * * * *')).toBe(false);
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('Local')).toBe(false);
  });
});

describe('mostRecentScheduleTime', () => {
  const at = (s: string) => Date.parse(s);

  it('none before the first time, the first time before the second, then the estimate', () => {
    const s = schedule('*/15 * * * *');
    expect(s.mostRecent(at('2026-01-05T09:00:00Z'), at('2026-01-05T09:10:00Z'))).toEqual({ time: undefined, missed: 0 });
    expect(s.mostRecent(at('2026-01-05T09:00:00Z'), at('2026-01-05T09:20:00Z'))).toEqual({ time: at('2026-01-05T09:15:00Z'), missed: 0 });
    expect(s.mostRecent(at('2026-01-05T09:00:00Z'), at('2026-01-05T09:31:00Z'))).toEqual({ time: at('2026-01-05T09:30:00Z'), missed: 2 });
    expect(s.mostRecent(at('2026-01-05T09:00:00Z'), at('2026-01-07T09:01:00Z'))).toEqual({ time: at('2026-01-07T09:00:00Z'), missed: 192 });
  });

  it('@every counts from earliest', () => {
    const s = schedule('@every 7m');
    expect(s.mostRecent(at('2026-01-05T09:00:00Z'), at('2026-01-05T10:00:00Z'))).toEqual({ time: at('2026-01-05T09:56:00Z'), missed: 8 });
  });

  it('an irregular schedule can leave the walk empty, as upstream does', () => {
    // Weekdays at 09:00 from Monday 2026-01-05: t1 Tue, t2 Wed, one day apart; a week later the
    // estimate starts the walk on Saturday and finds nothing before Monday 08:00.
    const s = schedule('0 9 * * 1-5');
    expect(s.mostRecent(at('2026-01-05T09:00:00Z'), at('2026-01-12T08:00:00Z'))).toEqual({ time: undefined, missed: 6 });
    expect(s.mostRecent(at('2026-01-05T09:00:00Z'), at('2026-01-12T09:30:00Z'))).toEqual({ time: at('2026-01-12T09:00:00Z'), missed: 7 });
  });

  it('a schedule that never fires is upstream\'s error', () => {
    expect(schedule('0 0 31 2 *').mostRecent(at('2026-01-05T09:00:00Z'), at('2026-06-05T09:00:00Z'))).toBe('time difference between two schedules is less than 1 second');
  });
});

describe('properties', () => {
  const part = (min: number, max: number, names: string[] = []) =>
    fc.oneof(
      fc.integer({ min, max }).map(String),
      fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
      fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }), fc.integer({ min: 1, max: max + 1 })).map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}/${s}`),
      ...(names.length ? [fc.constantFrom(...names)] : []),
    );
  const list = (min: number, max: number, names?: string[]) => fc.array(part(min, max, names), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(','));
  const stepped = (min: number, max: number) => fc.oneof(fc.constant('*'), fc.integer({ min: 1, max: max + 1 }).map((s) => `*/${s}`), list(min, max));
  // Day fields: `*` or no star at all, where robfig's star rule and cron-parser's agree.
  const day = (min: number, max: number, names?: string[]) => fc.oneof(fc.constant('*'), list(min, max, names));
  const plain = fc
    .tuple(stepped(0, 59), stepped(0, 23), day(1, 28), stepped(1, 12), day(0, 6, ['mon', 'FRI', 'Sun']))
    .map((f) => f.join(' '));

  it('agrees with cron-parser on plain schedules in UTC and a zone without DST', () => {
    fc.assert(
      fc.property(plain, fc.integer({ min: Date.UTC(2024, 0, 1) / 1000, max: Date.UTC(2031, 0, 1) / 1000 }), fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Tokyo'), (spec, seconds, tz) => {
        const after = seconds * 1000;
        let oracle: number;
        try {
          oracle = CronExpressionParser.parse(spec, { currentDate: new Date(after), tz }).next().getTime();
        } catch {
          // cron-parser refuses what robfig takes (a value listed twice, Feb 30): no oracle.
          fc.pre(false);
          return;
        }
        expect(iso(schedule(spec, tz).next(after)), `${spec} after ${iso(after)} in ${tz}`).toBe(iso(oracle));
      }),
      { numRuns: 400 },
    );
  });

  it('next is a later whole minute that the schedule itself accepts, in zones with DST', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Kolkata'];
    fc.assert(
      fc.property(plain, fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2031, 0, 1) }), fc.constantFrom(...zones), (spec, after, tz) => {
        const s = schedule(spec, tz);
        const t = s.next(after);
        if (t === undefined) return;
        expect(t).toBeGreaterThan(after);
        expect(t % 60_000).toBe(0);
        // robfig's activation test: starting a millisecond before a fire time finds that time.
        expect(s.next(t - 1)).toBe(t);
      }),
      { numRuns: 300 },
    );
  });

  it('any string parses in bounded time, and a parsed one answers next', () => {
    const alphabet = fc.constantFrom(...'0123456789*/,-? @ejmnorsvyADFJMNOSTUZhmsu.'.split(''));
    const cronish = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), cronish), fc.constantFrom(undefined, 'Europe/Berlin', 'America/New_York'), (spec, tz) => {
        const s = parseSchedule(spec, tz);
        if (typeof s === 'string') return;
        const t = s.next(Date.UTC(2026, 0, 5, 9));
        if (t !== undefined) expect(t).toBeGreaterThan(Date.UTC(2026, 0, 5, 9));
        s.mostRecent(Date.UTC(2026, 0, 5, 9), Date.UTC(2026, 2, 5, 9));
      }),
      { numRuns: 2000 },
    );
  });
});
