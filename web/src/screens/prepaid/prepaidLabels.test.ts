import { describe, expect, it } from 'vitest';
import { entryTypeLabel, formatDay, formatSignedRupees, holdRuleLabel, isNegative, switchActionLabel } from './prepaidLabels';

describe('prepaid labels', () => {
  it('signs ledger amounts with Indian grouping', () => {
    expect(formatSignedRupees(150000)).toBe('+₹1,50,000.00');
    expect(formatSignedRupees(-42.17)).toBe('−₹42.17');
    expect(formatSignedRupees(0)).toBe('₹0.00');
    expect(formatSignedRupees(undefined)).toBe('—');
  });

  it('counts a zero balance as negative (it may be disconnected)', () => {
    expect(isNegative(0)).toBe(true);
    expect(isNegative(-0.01)).toBe(true);
    expect(isNegative(0.01)).toBe(false);
    expect(isNegative(undefined)).toBe(false);
  });

  it('names entry types, rules and actions in words, and unknown ones as they are', () => {
    expect(entryTypeLabel('ARREARS_INSTALMENT')).toBe('Arrears instalment');
    expect(entryTypeLabel('NEW_KIND')).toBe('NEW_KIND');
    expect(holdRuleLabel('PROTECTED_HOURS')).toBe('Protected hours');
    expect(holdRuleLabel(null)).toBe('');
    expect(switchActionLabel('RECONNECT')).toBe('Reconnect');
  });

  it('shows a calendar day as the day it is, whatever the browser zone', () => {
    expect(formatDay('2026-11-20')).toBe('20 Nov 2026');
    expect(formatDay(undefined)).toBe('—');
  });
});
