/**
 * `date` on the cluster's clock, so the learner's shell and the cluster agree on the time and the
 * same seed gives the same output. GNU coreutils' formats: the default
 * `Mon Jan  5 09:04:00 UTC 2026`, `+FORMAT` (the common strftime conversions), `-I`/`--iso-8601`,
 * `-R`, `-u`, and `-d`/`--date` with `@SECONDS`, ISO dates, `now` and `N units ago`. UTC only.
 */
import { defineCommand, type Command } from 'just-bash';
import type { ShellServices } from '../services.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);

/** Formats `ms` (UTC) with a strftime format as GNU date does. */
export function strftime(ms: number, format: string): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  const conv: Record<string, () => string> = {
    Y: () => String(Y),
    C: () => pad(Math.floor(Y / 100)),
    y: () => pad(Y % 100),
    m: () => pad(m + 1),
    d: () => pad(day),
    e: () => pad(day, 2, ' '),
    H: () => pad(H),
    I: () => pad(H % 12 || 12),
    k: () => pad(H, 2, ' '),
    l: () => pad(H % 12 || 12, 2, ' '),
    M: () => pad(M),
    S: () => pad(S),
    N: () => pad((ms % 1000) * 1_000_000, 9),
    p: () => (H < 12 ? 'AM' : 'PM'),
    P: () => (H < 12 ? 'am' : 'pm'),
    s: () => String(Math.floor(ms / 1000)),
    a: () => DAYS[w]!.slice(0, 3),
    A: () => DAYS[w]!,
    b: () => MONTHS[m]!.slice(0, 3),
    h: () => MONTHS[m]!.slice(0, 3),
    B: () => MONTHS[m]!,
    j: () => pad(yday, 3),
    u: () => String(w === 0 ? 7 : w),
    w: () => String(w),
    Z: () => 'UTC',
    z: () => '+0000',
    F: () => `${Y}-${pad(m + 1)}-${pad(day)}`,
    T: () => `${pad(H)}:${pad(M)}:${pad(S)}`,
    R: () => `${pad(H)}:${pad(M)}`,
    D: () => `${pad(m + 1)}/${pad(day)}/${pad(Y % 100)}`,
    c: () => `${DAYS[w]!.slice(0, 3)} ${MONTHS[m]!.slice(0, 3)} ${pad(day, 2, ' ')} ${pad(H)}:${pad(M)}:${pad(S)} ${Y}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (all, c: string) => conv[c]?.() ?? all);
}

const UNIT_MS: Record<string, number> = { second: 1000, sec: 1000, minute: 60_000, min: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** Parses a `-d` string relative to `now`; undefined when GNU date would call it invalid. */
export function parseDateString(text: string, now: number): number | undefined {
  const t = text.trim();
  if (t === '' || t === 'now' || t === 'today') return now;
  if (t === 'yesterday') return now - 86_400_000;
  if (t === 'tomorrow') return now + 86_400_000;
  const at = /^@(-?\d+)$/.exec(t);
  if (at) return Number(at[1]) * 1000;
  const rel = /^([+-]?\d+)\s*(second|sec|minute|min|hour|day|week)s?(\s+ago)?$/.exec(t);
  if (rel) {
    const n = Number(rel[1]) * UNIT_MS[rel[2]!]!;
    return rel[3] ? now - n : now + n;
  }
  if (/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t)) {
    const iso = t.replace(' ', 'T');
    const parsed = Date.parse(/T/.test(iso) && !/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso + 'Z' : /T/.test(iso) ? iso : iso + 'T00:00:00Z');
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

export function dateCommand(s: ShellServices): Command {
  return defineCommand('date', async (args) => {
    let when = s.current().clock.now();
    let format = '%a %b %e %H:%M:%S %Z %Y';
    const usage = "Try 'date --help' for more information.\n";
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-u' || a === '--utc' || a === '--universal') continue;
      if (a.startsWith('+')) format = a.slice(1);
      else if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
        const v = a === '-d' || a === '--date' ? args[++i] : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
        if (v === undefined) return { stdout: '', stderr: `date: option requires an argument -- 'd'\n${usage}`, exitCode: 1 };
        const parsed = parseDateString(v, when);
        if (parsed === undefined) return { stdout: '', stderr: `date: invalid date ‘${v}’\n`, exitCode: 1 };
        when = parsed;
      } else if (a === '-I' || a === '--iso-8601' || a === '-Idate' || a === '--iso-8601=date') format = '%F';
      else if (a === '-Iseconds' || a === '--iso-8601=seconds') format = '%FT%T+00:00';
      else if (a === '-Iminutes' || a === '--iso-8601=minutes') format = '%FT%R+00:00';
      else if (a === '-Ihours' || a === '--iso-8601=hours') format = '%FT%H+00:00';
      else if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %T +0000';
      else if (a.startsWith('--')) return { stdout: '', stderr: `date: unrecognized option '${a}'\n${usage}`, exitCode: 1 };
      else if (a.startsWith('-')) return { stdout: '', stderr: `date: invalid option -- '${a[1]}'\n${usage}`, exitCode: 1 };
      else return { stdout: '', stderr: `date: invalid date ‘${a}’\n`, exitCode: 1 };
    }
    return { stdout: strftime(when, format) + '\n', stderr: '', exitCode: 0 };
  });
}
