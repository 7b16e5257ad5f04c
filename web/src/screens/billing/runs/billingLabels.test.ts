import { describe, expect, it } from 'vitest';
import {
  cycleSchedule,
  determinantStatusLabel,
  exportModeLabel,
  formatDay,
  formatPeriod,
  formatRupees,
  formatShare,
  isRunning,
  reasonLabel,
  runProgress,
  statusColor,
  type BillingRun,
} from './billingLabels';

const run = (changes: Partial<BillingRun>): BillingRun => ({
  id: 'r', kind: 'CYCLE', status: 'RUNNING', consumers_total: 0, consumers_done: 0, exceptions: 0, ...changes,
});

describe('run progress', () => {
  it('has no share before the run has counted its consumers', () => {
    expect(runProgress(run({}))).toEqual({ percent: undefined, text: 'Listing consumers…' });
  });

  it('counts done consumers and exceptions with Indian grouping', () => {
    const progress = runProgress(run({ consumers_total: 250_000, consumers_done: 125_000, exceptions: 1 }));
    expect(progress.percent).toBe(50);
    expect(progress.text).toBe('1,25,000 of 2,50,000 consumers, 1 exception');
  });

  it('is whole for a finished run without consumers', () => {
    expect(runProgress(run({ status: 'DONE' })).percent).toBe(100);
    expect(runProgress(run({ status: 'DONE', consumers_total: 3, consumers_done: 3, exceptions: 2 })).text).toBe('3 of 3 consumers, 2 exceptions');
  });

  it('keeps polling only while running', () => {
    expect(isRunning(run({}))).toBe(true);
    expect(isRunning(run({ status: 'FAILED' }))).toBe(false);
    expect(isRunning(undefined)).toBe(false);
  });
});

describe('labels', () => {
  it('names statuses and colours exceptions for attention', () => {
    expect(determinantStatusLabel('EXCEPTION')).toBe('Exception');
    expect(determinantStatusLabel('SUPERSEDED')).toBe('Superseded');
    expect(statusColor('EXCEPTION')).toBe('warning');
    expect(statusColor('READY')).toBe('success');
    expect(statusColor('FAILED')).toBe('error');
    expect(statusColor('ACCEPTED')).toBe('primary');
  });

  it('explains reason codes and keeps an unknown one as sent', () => {
    expect(reasonLabel('MISSING_INTERVALS')).toBe('Missing intervals');
    expect(reasonLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('names export modes', () => {
    expect(exportModeLabel('DROP_FOLDER')).toBe('Drop folder');
    expect(exportModeLabel('REST_PUSH')).toBe('REST push');
  });

  it('describes a cycle schedule', () => {
    expect(cycleSchedule({ cycle_day: 5, months: 2 })).toBe('Bi-monthly from day 5');
    expect(cycleSchedule({ cycle_day: 1, months: 1 })).toBe('Monthly from day 1');
  });
});

describe('days, money and shares', () => {
  it('shows a calendar day as is, whatever the browser zone', () => {
    expect(formatDay('2026-11-02')).toBe('02 Nov 2026');
    expect(formatPeriod('2026-11-02', '2026-11-04')).toBe('02 Nov 2026 – 04 Nov 2026');
    expect(formatPeriod('2026-11-02', '2026-11-02')).toBe('02 Nov 2026');
  });

  it('writes rupees with lakh grouping and a rebate with its sign', () => {
    expect(formatRupees(123456.785)).toBe('₹1,23,456.79');
    expect(formatRupees(-62.63)).toBe('−₹62.63');
    expect(formatRupees(undefined)).toBe('—');
  });

  it('writes a share as a percentage', () => {
    expect(formatShare(0.0417)).toBe('4.2 %');
    expect(formatShare(1)).toBe('100.0 %');
  });
});
