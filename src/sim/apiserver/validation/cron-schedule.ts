/**
 * CronJob schedules as the controller reads them (robfig/cron/v3 ParseStandard, which upstream
 * uses): exactly five fields or a descriptor (`@hourly`, `@daily`, `@every 90m`…), evaluated in
 * the CronJob's time zone. Next times come from cron-parser; errors are worded as robfig words them.
 */
import { CronExpressionParser } from 'cron-parser';

export interface Schedule {
  /** The first schedule time strictly after `after` (ms). */
  next(after: number): number;
  /**
   * The latest schedule time in (earliest, now] and how many there are, counting at most
   * `cap + 1` (upstream only needs to know whether more than 100 were missed).
   */
  mostRecent(earliest: number, now: number, cap: number): { time: number; count: number } | undefined;
}

function walk(next: (t: number) => number, latest: (now: number) => number, earliest: number, now: number, cap: number) {
  const first = next(earliest);
  if (first > now) return undefined;
  let t = first;
  let count = 0;
  while (t <= now && count <= cap) {
    count++;
    t = next(t);
  }
  // Past the cap, upstream estimates the count from the interval between two schedule times.
  if (count > cap) count = Math.floor((now - first) / (next(first) - first)) + 1;
  return { time: latest(now), count };
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const BOUNDS: [number, number, Record<string, number>?][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12, { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }],
  [0, 6, { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }],
];

/** True when the schedule carries a TZ= or CRON_TZ= prefix (rejected by validation). */
export function hasTimeZonePrefix(spec: string): boolean {
  return /^\s*(CRON_)?TZ=/.test(spec);
}

/** robfig's ParseDuration subset for `@every`: `1h30m`, `90s`, `5m`. */
function parseGoDuration(text: string): number | undefined {
  const re = /([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (!text) return undefined;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * unit[m[2]!]!;
    pos = re.lastIndex;
  }
  return total;
}

function checkField(expr: string, [min, max, names]: (typeof BOUNDS)[number]): string | undefined {
  for (const part of expr.split(',')) {
    const [range, step] = part.split('/');
    if (step !== undefined && !/^[0-9]+$/.test(step)) return `failed to parse int from ${step}: strconv.Atoi: parsing "${step}": invalid syntax`;
    if (range === '*' || range === '?') continue;
    const ends = range!.split('-');
    const nums: number[] = [];
    for (const e of ends) {
      const named = names?.[e.toLowerCase()];
      if (named !== undefined) nums.push(named);
      else if (/^[0-9]+$/.test(e)) nums.push(Number(e));
      else return `failed to parse int from ${e}: strconv.Atoi: parsing "${e}": invalid syntax`;
    }
    const start = nums[0]!;
    const end = nums[1] ?? start;
    if (start < min) return `beginning of range (${start}) below minimum (${min}): ${part}`;
    if (end > max) return `end of range (${end}) above maximum (${max}): ${part}`;
    if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${part}`;
  }
  return undefined;
}

/** Parses a schedule; returns the robfig error text when it is invalid. */
export function parseSchedule(spec: string, timeZone?: string): Schedule | string {
  const text = spec.trim();
  if (text.startsWith('@')) {
    if (text.startsWith('@every ')) {
      const d = parseGoDuration(text.slice(7).trim());
      if (d === undefined) return `failed to parse duration ${text}: time: invalid duration "${text.slice(7).trim()}"`;
      const delay = Math.max(1000, Math.floor(d / 1000) * 1000);
      const next = (after: number) => Math.floor(after / 1000) * 1000 + delay;
      return {
        next,
        mostRecent: (earliest, now, cap) =>
          walk(next, (n) => Math.floor(earliest / 1000) * 1000 + Math.floor((n - Math.floor(earliest / 1000) * 1000) / delay) * delay, earliest, now, cap),
      };
    }
    const expanded = DESCRIPTORS[text];
    if (!expanded) return `unrecognized descriptor: ${text}`;
    return cronSchedule(expanded, timeZone);
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    const err = checkField(fields[i]!, BOUNDS[i]!);
    if (err) return err;
  }
  return cronSchedule(fields.join(' '), timeZone);
}

function cronSchedule(expr: string, timeZone: string | undefined): Schedule {
  const tz = timeZone ?? 'UTC';
  const next = (after: number) => CronExpressionParser.parse(expr, { currentDate: new Date(after), tz }).next().getTime();
  const latest = (now: number) => CronExpressionParser.parse(expr, { currentDate: new Date(now + 1), tz }).prev().getTime();
  return { next, mostRecent: (earliest, now, cap) => walk(next, latest, earliest, now, cap) };
}

/** True when the runtime knows the IANA zone (time.LoadLocation). */
export function isKnownTimeZone(tz: string): boolean {
  if (tz === 'Local') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
