import { describe, expect, it } from 'vitest';
import { parseDateString, strftime } from '../../src/shell/commands/date.ts';
import { createSession } from '../../src/shell/session.ts';

const T = Date.UTC(2026, 0, 5, 9, 4, 7, 250);

describe('date on the cluster clock', () => {
  it('formats like GNU date', () => {
    expect(strftime(T, '%a %b %e %H:%M:%S %Z %Y')).toBe('Mon Jan  5 09:04:07 UTC 2026');
    expect(strftime(T, '%F %T %s %j %u %w %p %I %y %D %R %N %%')).toBe('2026-01-05 09:04:07 1767603847 005 1 1 AM 09 26 01/05/26 09:04 250000000 %');
    expect(strftime(T, '%q stays')).toBe('%q stays');
  });

  it('parses -d strings', () => {
    expect(parseDateString('@60', T)).toBe(60_000);
    expect(parseDateString('2 hours ago', T)).toBe(T - 7_200_000);
    expect(parseDateString('+3 days', T)).toBe(T + 3 * 86_400_000);
    expect(parseDateString('2026-02-01', T)).toBe(Date.UTC(2026, 1, 1));
    expect(parseDateString('2026-02-01 10:30', T)).toBe(Date.UTC(2026, 1, 1, 10, 30));
    expect(parseDateString('next blue moon', T)).toBeUndefined();
  });

  it('reads the virtual clock, so sleep moves it', async () => {
    const s = createSession();
    const t0 = s.current().clock.now();
    let out = '';
    await s.run('date +%T; sleep 65; date +%T; date -Iseconds', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(out).toBe(`${strftime(t0, '%T')}\n${strftime(t0 + 65_000, '%T')}\n${strftime(t0 + 65_000, '%FT%T')}+00:00\n`);
    let err = '';
    expect(await s.run('date -d tomorrowish', { stdout: () => {}, stderr: (t) => (err += t) })).toBe(1);
    expect(err).toBe('date: invalid date ‘tomorrowish’\n');
  });
});
