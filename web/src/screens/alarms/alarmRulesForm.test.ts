import { describe, expect, it } from 'vitest';
import { checkAlarmRules, formatSilence, toAlarmRules, toAlarmRulesDraft } from './alarmRulesForm';

const DEFAULTS = {
  tamper_codes: [251, 65, 201, 203], power_quality_codes: [7, 9, 11, 205],
  outage_share: 0.5, outage_clear_share: 0.1, outage_window_seconds: 300, communication_loss_hours: 24,
};

describe('the alarm rules form', () => {
  it('shows shares as percentages and codes sorted, and sends them back as the server takes them', () => {
    const draft = toAlarmRulesDraft(DEFAULTS);
    expect(draft).toEqual({
      tamper_codes: '65, 201, 203, 251', power_quality_codes: '7, 9, 11, 205', outage_share: '50',
      outage_clear_share: '10', outage_window_seconds: '300', communication_loss_hours: '24',
    });
    expect(checkAlarmRules(draft)).toEqual({});
    expect(toAlarmRules({ ...draft, tamper_codes: '201 251;201' })).toEqual({ ...DEFAULTS, tamper_codes: [201, 251], power_quality_codes: [7, 9, 11, 205] });
    expect(toAlarmRules({ ...draft, tamper_codes: '' }).tamper_codes).toEqual([]);
  });

  it('judges only the form of the values', () => {
    const draft = toAlarmRulesDraft(DEFAULTS);
    expect(checkAlarmRules({ ...draft, tamper_codes: 'magnet', outage_share: '0,5', communication_loss_hours: '1.5' })).toEqual({
      tamper_codes: 'IS 15959 event codes separated by commas, e.g. 201, 251',
      outage_share: 'A percentage, e.g. 50',
      communication_loss_hours: 'A whole number',
    });
    expect(checkAlarmRules({ ...draft, outage_share: '150' })).toEqual({}); // out of range: the server's to say
  });
});

describe('silence', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('is told in days and hours', () => {
    expect(formatSilence('2026-11-26T11:30:00Z', now)).toBe('under 1 h');
    expect(formatSilence('2026-11-26T07:00:00Z', now)).toBe('5 h');
    expect(formatSilence('2026-11-23T08:00:00Z', now)).toBe('3 d 4 h');
    expect(formatSilence('2026-11-25T12:00:00Z', now)).toBe('1 d');
  });
});
