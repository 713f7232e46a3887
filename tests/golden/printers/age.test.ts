import { describe, expect, it } from 'vitest';
import { age, humanDuration } from '../../../src/kubectl/format/duration.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('HumanDuration (apimachinery duration.go), every boundary', () => {
  const cases: [number, string][] = [
    [-2 * S, '<invalid>'],
    [-1 * S, '0s'],
    [-999, '0s'],
    [0, '0s'],
    [59 * S, '59s'],
    [70 * S, '70s'],
    [2 * M - 1, '119s'],
    [2 * M, '2m'],
    [2 * M + S, '2m1s'],
    [3 * M + 10 * S, '3m10s'],
    [10 * M - S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + S, '10m'],
    [70 * M, '70m'],
    [3 * H - 1, '179m'],
    [3 * H, '3h'],
    [3 * H + M, '3h1m'],
    [8 * H - M, '7h59m'],
    [8 * H, '8h'],
    [8 * H + 59 * M, '8h'],
    [47 * H, '47h'],
    [48 * H, '2d'],
    [49 * H, '2d1h'],
    [8 * D - H, '7d23h'],
    [8 * D, '8d'],
    [8 * D + 23 * H, '8d'],
    [367 * D, '367d'],
    [2 * Y - D, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 23 * H + 59 * M, '2y'],
    [2 * Y + D, '2y1d'],
    [8 * Y - D, '7y364d'],
    [8 * Y, '8y'],
    [9 * Y + 100 * D, '9y'],
  ];
  for (const [ms, want] of cases) {
    it(`${ms}ms → ${want}`, () => expect(humanDuration(ms)).toBe(want));
  }

  it('AGE is <unknown> without a timestamp and measured against the given now', () => {
    expect(age(undefined, 0)).toBe('<unknown>');
    expect(age('2026-01-05T09:00:00Z', Date.UTC(2026, 0, 5, 9, 2, 5))).toBe('2m5s');
  });
});
