/**
 * CronJob schedules as upstream reads them: robfig/cron/v3's ParseStandard (five fields or a
 * descriptor such as `@hourly` or `@every 90m`) and SpecSchedule.Next, evaluated in the CronJob's
 * time zone, plus the controller's mostRecentScheduleTime (pkg/controller/cronjob/utils.go).
 *
 * Each field is the set of values it allows plus robfig's "star" flag (set by `*` or `?` with a
 * step of 1). Next walks month, day, hour, minute and second the way spec.go does, on Go's time
 * semantics rebuilt with Intl: `time.Date` resolves a wall time that a DST change skips or
 * repeats as Go resolves it, `Add` moves absolute time, fields are read on the zone's wall clock.
 * So a skipped wall-clock time does not fire and a repeated hour fires as robfig fires it.
 * Errors are robfig's texts, with strconv.Atoi's and time.ParseDuration's inside them.
 *
 * Where robfig returns Go's zero time (nothing fires within five years), `next` returns
 * undefined; the controller then does not requeue.
 */

export interface Schedule {
  /**
   * The first schedule time strictly after `after` (ms): robfig's Next, which starts from the
   * next whole second. Undefined when robfig gives the zero time: nothing within five years.
   */
  next(after: number): number | undefined;
  /**
   * mostRecentScheduleTime: the latest schedule time in (earliest, now] as the controller finds
   * it (undefined when none), and its estimate of the missed start times (0 when fewer than two
   * were due). A string is upstream's error when the two next times are under a second apart,
   * which happens when the schedule never fires.
   */
  mostRecent(earliest: number, now: number): { time: number | undefined; missed: number } | string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// ---------------------------------------------------------------------------------------------
// Time zones: the offset at an instant, from Intl (the only tz database a Worker has).

interface Zone {
  /** Milliseconds to add to an instant to get its wall clock read as UTC. */
  offset(ms: number): number;
}

const UTC_ZONE: Zone = { offset: () => 0 };
const zones = new Map<string, Zone>();

function ianaZone(name: string): Zone {
  const known = zones.get(name);
  if (known) return known;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const cache = new Map<number, number>();
  const zone: Zone = {
    offset(ms) {
      const second = Math.floor(ms / SECOND);
      const hit = cache.get(second);
      if (hit !== undefined) return hit;
      const f: Record<string, number> = {};
      for (const p of format.formatToParts(second * SECOND)) if (p.type !== 'literal') f[p.type] = Number(p.value);
      const wall = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour! % 24, f.minute!, f.second!);
      const off = wall - second * SECOND;
      if (cache.size >= 4096) cache.clear();
      cache.set(second, off);
      return off;
    },
  };
  zones.set(name, zone);
  return zone;
}

/** time.LoadLocation: "" and "UTC" are UTC; "Local" is the controller-manager's zone, UTC here. */
function loadLocation(name: string): Zone | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return UTC_ZONE;
  return isKnownTimeZone(name) ? ianaZone(name) : undefined;
}

/**
 * True when time.LoadLocation finds the IANA zone (other than "" and Local). Intl matches names
 * regardless of case and Go's zoneinfo files do not, so a name that is its canonical zone in
 * another case ("utc", "europe/berlin") is unknown here too.
 */
export function isKnownTimeZone(tz: string): boolean {
  if (tz === 'Local') return false;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    return canonical === tz || canonical.toLowerCase() !== tz.toLowerCase();
  } catch {
    return false;
  }
}

/** A wall clock reading: what time.Time's Year(), Month(), Day(), Hour()… return in a zone. */
interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

function wallClock(ms: number, zone: Zone): Wall {
  const local = ms + zone.offset(ms);
  const days = Math.floor(local / 86_400_000);
  let rest = local - days * 86_400_000;
  const hour = Math.floor(rest / HOUR);
  rest -= hour * HOUR;
  const minute = Math.floor(rest / MINUTE);
  const second = Math.floor((rest - minute * MINUTE) / SECOND);
  // Civil date from a day count (days since 1970-01-01) in the proleptic Gregorian calendar,
  // counting in 400-year eras that start on March 1st.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day, hour, minute, second, weekday: (((days + 4) % 7) + 7) % 7 };
}

/**
 * time.Date(year, month, day, hour, min, sec, 0, zone): fields out of range carry over, and a
 * wall time the zone skips or repeats takes the offset Go picks: the offset in force at the wall
 * time read as UTC, unless that instant falls outside the zone period it came from, then the
 * offset at the instant that gives (time.go Date; the `offset != 0` shortcut changes nothing).
 */
function goDate(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: Zone): number {
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  return local - zone.offset(local - zone.offset(local));
}

// ---------------------------------------------------------------------------------------------
// Parsing (parser.go).

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
// robfig's day-of-week runs 0-6 with no 7: "7" is "end of range (7) above maximum (6)".
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** The values a field allows, and whether a `*` or `?` (with step 1) set robfig's star bit. */
interface FieldSet {
  has: boolean[];
  star: boolean;
  /** `from[v]`: the smallest allowed value ≥ v, or -1. */
  from: number[];
  empty: boolean;
}

interface Spec {
  minute: FieldSet;
  hour: FieldSet;
  dom: FieldSet;
  month: FieldSet;
  dow: FieldSet;
}

function fieldSet(has: boolean[], star: boolean, max: number): FieldSet {
  const from: number[] = new Array(max + 2).fill(-1);
  for (let v = max; v >= 0; v--) from[v] = has[v] ? v : from[v + 1]!;
  return { has, star, from, empty: from[0] === -1 };
}

/** Go's unicode.IsSpace, which strings.Fields and strings.TrimSpace split and trim on. */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_SPACES = new RegExp(`[${GO_SPACE}]+`);
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

function goFields(s: string): string[] {
  return s.split(GO_SPACES).filter((f) => f !== '');
}

/** strconv.Quote: printable runes as they are, the rest escaped. */
function strconvQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const named: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (named[c]) out += named[c];
    else if (ch === ' ' || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.Atoi on a 64-bit platform: the value, or its error text. */
function atoi(s: string): bigint | string {
  const syntax = `strconv.Atoi: parsing ${strconvQuote(s)}: invalid syntax`;
  const range = `strconv.Atoi: parsing ${strconvQuote(s)}: value out of range`;
  let digits = s;
  const negative = s.startsWith('-');
  if (negative || s.startsWith('+')) digits = s.slice(1);
  if (digits === '') return syntax;
  let n = 0n;
  for (const ch of digits) {
    if (ch < '0' || ch > '9') return syntax;
    n = n * 10n + BigInt(ch.charCodeAt(0) - 48);
    if (n > UINT64_MAX) return range;
  }
  if (negative ? n > INT64_MAX + 1n : n > INT64_MAX) return range;
  return negative ? -n : n;
}

/** mustParseInt: a non-negative int, or robfig's error. */
function mustParseInt(expr: string): bigint | Error {
  const n = atoi(expr);
  if (typeof n === 'string') return new Error(`failed to parse int from ${expr}: ${n}`);
  if (n < 0n) return new Error(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): bigint | Error {
  const key = expr.toLowerCase();
  if (names && Object.hasOwn(names, key)) return BigInt(names[key]!);
  return mustParseInt(expr);
}

/** getRange: one comma-separated part (`*`, `?`, `N`, `N-M`, each with an optional `/step`). */
function addRange(expr: string, r: Bounds, has: boolean[]): { star: boolean } | Error {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const single = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // Anything after a `*-` is ignored, as robfig ignores it.
    start = BigInt(r.min);
    end = BigInt(r.max);
    star = true;
  } else {
    const low = parseIntOrName(lowAndHigh[0]!, r.names);
    if (low instanceof Error) return low;
    start = low;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1]!, r.names);
      if (high instanceof Error) return high;
      end = high;
    } else return new Error(`too many hyphens: ${expr}`);
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    const s = mustParseInt(rangeAndStep[1]!);
    if (s instanceof Error) return s;
    step = s;
    // "N/step" means "N-max/step".
    if (single) end = BigInt(r.max);
    if (step > 1n) star = false;
  } else if (rangeAndStep.length > 2) return new Error(`too many slashes: ${expr}`);
  if (start < BigInt(r.min)) return new Error(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > BigInt(r.max)) return new Error(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) return new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0n) return new Error(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) has[Number(v)] = true;
  return { star };
}

/** getField: the comma-separated parts, empty ones skipped (strings.FieldsFunc). */
function getField(field: string, r: Bounds): FieldSet | Error {
  const has: boolean[] = new Array(r.max + 1).fill(false);
  let star = false;
  for (const part of field.split(',')) {
    if (part === '') continue;
    const got = addRange(part, r, has);
    if (got instanceof Error) return got;
    star ||= got.star;
  }
  return fieldSet(has, star, r.max);
}

function only(v: number, r: Bounds): FieldSet {
  const has: boolean[] = new Array(r.max + 1).fill(false);
  has[v] = true;
  return fieldSet(has, false, r.max);
}

function all(r: Bounds): FieldSet {
  const has: boolean[] = new Array(r.max + 1).fill(false);
  for (let v = r.min; v <= r.max; v++) has[v] = true;
  return fieldSet(has, true, r.max);
}

const DESCRIPTORS: Record<string, () => Spec> = {
  '@yearly': () => ({ minute: only(0, MINUTES), hour: only(0, HOURS), dom: only(1, DOM), month: only(1, MONTHS), dow: all(DOW) }),
  '@monthly': () => ({ minute: only(0, MINUTES), hour: only(0, HOURS), dom: only(1, DOM), month: all(MONTHS), dow: all(DOW) }),
  '@weekly': () => ({ minute: only(0, MINUTES), hour: only(0, HOURS), dom: all(DOM), month: all(MONTHS), dow: only(0, DOW) }),
  '@daily': () => ({ minute: only(0, MINUTES), hour: only(0, HOURS), dom: all(DOM), month: all(MONTHS), dow: all(DOW) }),
  '@hourly': () => ({ minute: only(0, MINUTES), hour: all(HOURS), dom: all(DOM), month: all(MONTHS), dow: all(DOW) }),
};
DESCRIPTORS['@annually'] = DESCRIPTORS['@yearly']!;
DESCRIPTORS['@midnight'] = DESCRIPTORS['@daily']!;

/** The quoting time.ParseDuration uses in its errors: bytes outside printable ASCII as \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of utf8(c)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

function utf8(c: number): number[] {
  if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate is invalid UTF-8 to Go
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
}

const DURATION_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n, // micro sign
  '\u03bcs': 1_000n, // Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** time.ParseDuration: nanoseconds, or its error text. */
function parseDuration(text: string): bigint | string {
  const invalid = `time: invalid duration ${timeQuote(text)}`;
  let s = text;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return invalid;
  const LIMIT = 1n << 63n;
  let total = 0n;
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid;
    let i = 0;
    let whole = 0n;
    while (isDigit(s[i])) {
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > LIMIT) return invalid;
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    let frac = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigit(s[j])) {
        if (!overflow) {
          const next = frac * 10n + BigInt(s.charCodeAt(j) - 48);
          if (frac > (LIMIT - 1n) / 10n || next > LIMIT) overflow = true;
          else {
            frac = next;
            scale *= 10;
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid;
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) return `time: missing unit in duration ${timeQuote(text)}`;
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = DURATION_UNITS[unitName];
    if (unit === undefined || !Object.hasOwn(DURATION_UNITS, unitName)) return `time: unknown unit ${timeQuote(unitName)} in duration ${timeQuote(text)}`;
    if (whole > LIMIT / unit) return invalid;
    let v = whole * unit;
    if (frac > 0n) {
      v += BigInt(Math.trunc(Number(frac) * (Number(unit) / scale)));
      if (v > LIMIT) return invalid;
    }
    total += v;
    if (total > LIMIT) return invalid;
  }
  if (negative) return -total;
  if (total > LIMIT - 1n) return invalid;
  return total;
}

/** True when the schedule starts with robfig's TZ= or CRON_TZ= prefix. */
export function hasTimeZonePrefix(spec: string): boolean {
  return spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=');
}

/**
 * Parses a schedule; returns robfig's error text when it is invalid. With `timeZone`, the
 * schedule is read as the controller hands it to robfig (formatSchedule): `TZ=<zone> <schedule>`
 * unless the schedule already mentions TZ.
 */
export function parseSchedule(schedule: string, timeZone?: string): Schedule | string {
  let spec = timeZone !== undefined && !schedule.includes('TZ') ? `TZ=${timeZone} ${schedule}` : schedule;
  if (spec.length === 0) return 'empty spec string';
  let zone = UTC_ZONE;
  if (hasTimeZonePrefix(spec)) {
    const space = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    // Without a space robfig slices out of range and panics, with this runtime error. Validation
    // never hands such a schedule over (it rejects any schedule mentioning TZ).
    if (space < 0) return `runtime error: slice bounds out of range [:-1]`;
    const name = spec.slice(eq + 1, space);
    const loaded = loadLocation(name);
    if (!loaded) return `provided bad location ${name}: unknown time zone ${name}`;
    zone = loaded;
    spec = spec.slice(space).replace(GO_TRIM, '');
  }
  if (spec.startsWith('@')) {
    const descriptor = DESCRIPTORS[spec];
    if (descriptor && Object.hasOwn(DESCRIPTORS, spec)) return specSchedule(descriptor(), zone);
    if (spec.startsWith('@every ')) {
      const d = parseDuration(spec.slice('@every '.length));
      if (typeof d === 'string') return `failed to parse duration ${spec}: ${d}`;
      return everySchedule(d);
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = goFields(spec);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  const parsed: FieldSet[] = [];
  const bounds = [MINUTES, HOURS, DOM, MONTHS, DOW];
  for (let i = 0; i < 5; i++) {
    const f = getField(fields[i]!, bounds[i]!);
    if (f instanceof Error) return f.message;
    parsed.push(f);
  }
  const [minute, hour, dom, month, dow] = parsed as [FieldSet, FieldSet, FieldSet, FieldSet, FieldSet];
  return specSchedule({ minute, hour, dom, month, dow }, zone);
}

// ---------------------------------------------------------------------------------------------
// Next (spec.go, constantdelay.go) and mostRecentScheduleTime (utils.go).

/** dayMatches: both day fields must match when either has a star, else either may. */
function dayMatches(s: Spec, w: Wall): boolean {
  const domMatch = s.dom.has[w.day]!;
  const dowMatch = s.dow.has[w.weekday]!;
  return s.dom.star || s.dow.star ? domMatch && dowMatch : domMatch || dowMatch;
}

/** True when no day can ever match: robfig would search five years and give up. */
function isDayless(s: Spec): boolean {
  return s.dom.star || s.dow.star ? s.dom.empty || s.dow.empty : s.dom.empty && s.dow.empty;
}

/**
 * SpecSchedule.Next. Months, days and hours step as robfig steps them (by time.Date and
 * Add(hour), which is where DST shows); minutes and seconds jump straight to the next allowed
 * value when the zone's offset is the same at both ends, which is what stepping would reach.
 */
function specNext(s: Spec, zone: Zone, after: number): number | undefined {
  if (s.minute.empty || s.hour.empty || s.month.empty || isDayless(s)) return undefined;
  let t = Math.floor(after / SECOND) * SECOND + SECOND;
  let w = wallClock(t, zone);
  let added = false;
  const yearLimit = w.year + 5;
  const at = (ms: number) => {
    t = ms;
    w = wallClock(t, zone);
  };
  wrap: for (;;) {
    if (w.year > yearLimit) return undefined;
    while (!s.month.has[w.month]) {
      if (!added) {
        added = true;
        at(goDate(w.year, w.month, 1, 0, 0, 0, zone));
      }
      at(goDate(w.year, w.month + 1, w.day, w.hour, w.minute, w.second, zone));
      if (w.month === 1) continue wrap;
    }
    while (!dayMatches(s, w)) {
      if (!added) {
        added = true;
        at(goDate(w.year, w.month, w.day, 0, 0, 0, zone));
      }
      at(goDate(w.year, w.month, w.day + 1, w.hour, w.minute, w.second, zone));
      // Where DST moves midnight, robfig nudges back to hour 0 (spec.go).
      if (w.hour !== 0) at(t + (w.hour > 12 ? 24 - w.hour : -w.hour) * HOUR);
      if (w.day === 1) continue wrap;
    }
    while (!s.hour.has[w.hour]) {
      if (!added) {
        added = true;
        at(goDate(w.year, w.month, w.day, w.hour, 0, 0, zone));
      }
      at(t + HOUR);
      if (w.hour === 0) continue wrap;
    }
    while (!s.minute.has[w.minute]) {
      if (!added) {
        added = true;
        at(Math.floor(t / MINUTE) * MINUTE);
      }
      at(jump(t, w.minute, s.minute, MINUTE, zone));
      if (w.minute === 0) continue wrap;
    }
    // The seconds field of a five-field schedule is always 0.
    if (w.second !== 0) {
      if (!added) {
        added = true;
        at(Math.floor(t / SECOND) * SECOND);
      }
      at(jump(t, w.second, SECONDS_ZERO, SECOND, zone));
      if (w.second === 0) continue wrap;
    }
    return t;
  }
}

const SECONDS_ZERO = only(0, { min: 0, max: 59 });

/**
 * Where stepping `unit` at a time from value `v` first lands on an allowed value or wraps to 0.
 * Jumps there at once unless the zone's offset changes on the way; then takes a single step.
 */
function jump(t: number, v: number, field: FieldSet, unit: number, zone: Zone): number {
  const target = field.from[v + 1] ?? -1;
  const steps = target >= 0 ? target - v : 60 - v;
  if (steps > 1 && zone.offset(t + steps * unit) !== zone.offset(t)) return t + unit;
  return t + steps * unit;
}

function specSchedule(spec: Spec, zone: Zone): Schedule {
  const next = (after: number) => specNext(spec, zone, after);
  return { next, mostRecent: (earliest, now) => mostRecent(next, earliest, now) };
}

/** robfig's Every: at least a second, whole seconds; Next is the delay after the whole second. */
function everySchedule(duration: bigint): Schedule {
  const ns = duration < 1_000_000_000n ? 1_000_000_000n : duration - (duration % 1_000_000_000n);
  const delay = Number(ns / 1_000_000n);
  const next = (after: number) => Math.floor(after / SECOND) * SECOND + delay;
  return { next, mostRecent: (earliest, now) => mostRecent(next, earliest, now) };
}

/**
 * mostRecentScheduleTime (pkg/controller/cronjob/utils.go): the first two times after earliest;
 * past them, an estimate of the missed times from their interval, and a walk from two intervals
 * before the estimated last one up to now. An irregular schedule can leave that walk empty (the
 * controller then starts nothing), as upstream's does.
 */
function mostRecent(next: (t: number) => number | undefined, earliest: number, now: number): { time: number | undefined; missed: number } | string {
  const tooClose = 'time difference between two schedules is less than 1 second';
  const t1 = next(earliest);
  if (t1 === undefined) return tooClose;
  if (now < t1) return { time: undefined, missed: 0 };
  const t2 = next(t1);
  if (t2 === undefined) return tooClose;
  if (now < t2) return { time: t1, missed: 0 };
  const interval = Math.round((t2 - t1) / SECOND);
  if (interval < 1) return tooClose;
  const elapsed = Math.trunc((now - t1) / SECOND);
  const missed = Math.floor(elapsed / interval) + 1;
  let time: number | undefined;
  for (let t = next(t1 + (missed - 2) * interval * SECOND); t !== undefined && t <= now; t = next(t)) time = t;
  return { time, missed };
}
