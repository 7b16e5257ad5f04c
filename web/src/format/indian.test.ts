import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatIstDate,
  formatIstDateTime,
  formatIstTick,
  formatQuantity,
  istStartOfDay,
  shiftIstDay,
} from './indian';

describe('Indian number formatting', () => {
  it('groups digits in lakhs and crores', () => {
    expect(formatCount(1234567)).toBe('12,34,567');
    expect(formatCount(123456789)).toBe('12,34,56,789');
    expect(formatCount(999)).toBe('999');
  });

  it('shows energy with three decimals and its unit', () => {
    expect(formatQuantity(1234567.891, 'kWh')).toBe('12,34,567.891 kWh');
    expect(formatQuantity(0.2, 'kVAh')).toBe('0.200 kVAh');
  });

  it('shows other quantities with two decimals', () => {
    expect(formatQuantity(231.44, 'V')).toBe('231.44 V');
    expect(formatQuantity(5)).toBe('5.00');
  });

  it('scales bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('IST times', () => {
  it('shows a UTC instant in India Standard Time', () => {
    expect(formatIstDateTime('2026-11-25T04:45:00Z')).toBe('25 Nov 2026, 10:15 IST');
  });

  it('shows IST midnight as 00:00, never 24:00', () => {
    expect(formatIstDateTime('2026-11-25T18:30:00Z')).toBe('26 Nov 2026, 00:00 IST');
  });

  it('rolls the date over at IST midnight, not UTC midnight', () => {
    expect(formatIstDate('2026-11-25T19:00:00Z')).toBe('26 Nov 2026');
  });

  it('finds the IST start of day and shifts it', () => {
    expect(istStartOfDay(new Date('2026-11-25T20:00:00Z'))).toBe('2026-11-26T00:00:00+05:30');
    expect(shiftIstDay('2026-11-26T00:00:00+05:30', -1)).toBe('2026-11-25T00:00:00+05:30');
  });

  it('labels chart ticks in IST, with the date when asked', () => {
    expect(formatIstTick(new Date('2026-11-25T18:30:00Z'), true)).toBe('00:00\n26 Nov');
    expect(formatIstTick(new Date('2026-11-25T09:00:00Z'), false)).toBe('14:30');
  });
});
