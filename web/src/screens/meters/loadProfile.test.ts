import { describe, expect, it } from 'vitest';
import { countByOrigin, splitByOrigin, type ConsumptionPoint } from './loadProfile';

const point = (end: string, value: number, quality: ConsumptionPoint['quality']): ConsumptionPoint => ({
  end,
  value,
  quality,
});

describe('load profile series', () => {
  const points = [
    point('2026-11-25T04:45:00Z', 0.2, ['ACTUAL']),
    point('2026-11-25T05:00:00Z', 0.3, ['ESTIMATED']),
    point('2026-11-25T05:15:00Z', 0.4, ['ESTIMATED', 'EDITED']),
    point('2026-11-25T05:30:00Z', 0.5, ['ACTUAL', 'POWER_FAIL']),
    { end: '2026-11-25T05:45:00Z', quality: [], intervals: 0, expected_intervals: 1 },
  ];

  it('puts each point with a value in the column of its origin only', () => {
    const series = splitByOrigin(points);
    expect(series.x).toEqual([1795581900, 1795582800, 1795583700, 1795584600]);
    expect(series.actual).toEqual([0.2, null, null, 0.5]);
    expect(series.estimated).toEqual([null, 0.3, null, null]);
    expect(series.edited).toEqual([null, null, 0.4, null]);
  });

  it('counts points by origin, an edit of an estimate counting as edited, and empty buckets as missing', () => {
    expect(countByOrigin(points)).toEqual({ actual: 2, estimated: 1, edited: 1, missing: 1 });
  });
});
