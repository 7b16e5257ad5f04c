import { describe, expect, it } from 'vitest';
import { backfillUnderWay, describeBackfill, formatDuration } from './demoBackfill';

describe('the demo back-fill on the overview', () => {
  it('says nothing when the server runs no back-fill', () => {
    expect(describeBackfill({ state: 'NONE' })).toBeUndefined();
  });

  it('says it is starting while the simulated HES reads the fleet, and keeps asking', () => {
    expect(describeBackfill({ state: 'STARTING' })?.headline).toBe('Back-fill starting');
    expect(backfillUnderWay({ state: 'STARTING' })).toBe(true);
    expect(backfillUnderWay({ state: 'RUNNING' })).toBe(true);
    expect(backfillUnderWay({ state: 'DONE' })).toBe(false);
    expect(backfillUnderWay(undefined)).toBe(false);
  });

  it('tells how far a running back-fill is, of how much, and the time left', () => {
    const text = describeBackfill({ state: 'RUNNING', meters: 1033, days: 3, percent: 42.5, remaining_seconds: 95 });
    expect(text?.headline).toBe('Back-filling: 42.5 %');
    expect(text?.detail).toContain('3 days (today so far included) of 1,033 meters');
    expect(text?.detail).toContain('About 1 min 35 s left.');
  });

  it('does not guess the time left before the first block is in', () => {
    expect(describeBackfill({ state: 'RUNNING', meters: 10, days: 1, percent: 0 })?.detail).toContain(
      'Estimating the time left.',
    );
  });

  it('says how long a finished back-fill took and what comes next', () => {
    const text = describeBackfill({ state: 'DONE', meters: 1033, days: 3, percent: 100, elapsed_seconds: 600 });
    expect(text?.headline).toBe('Back-fill done');
    expect(text?.detail).toContain('in 10 min');
  });

  it('writes durations in minutes and seconds', () => {
    expect(formatDuration(40)).toBe('40 s');
    expect(formatDuration(65)).toBe('1 min 5 s');
    expect(formatDuration(720)).toBe('12 min');
  });
});
