import { describe, expect, it } from 'vitest';
import { checkSettings, effectiveFor, toDraft, toSettings, type VersionedSettings } from './settingsForm';

const BUILT_IN = {
  rules: ['GAP', 'SPIKE'], blocking_rules: ['SPIKE'],
  grace_minutes: 240, lookback_days: 3, high_limit_factor: 1.5, low_limit_factor: 0, spike_tolerance_percent: 300,
  spike_reference_rank: 2, spike_minimum_kw: 1.5, spike_history_factor: 30, spike_peak_factor: 2, zero_run_minutes: 240, zero_run_minimum_volts: 100,
  zero_run_without_voltage_minutes: 480, zero_run_without_voltage_blocking: false, flat_line_minutes: 180,
  flat_line_minimum_kw: 0.2, sum_check_tolerance_percent: 2, sum_check_minimum_kwh: 0.05, register_maximum_kwh: 99999.999,
  rollover_threshold_percent: 90, linear_maximum_minutes: 120, like_day_weeks: 4, prolonged_estimation_minutes: 1440,
  estimated_channels: ['KWH_IMPORT'], holidays: ['2026-11-08', '2026-10-20'], edit_approval_required: false,
  resend_change_threshold_percent: 10, resend_change_action: 'HOLD', like_day_estimated_weight: 0.25,
  like_day_weekly_weight: 1, weekend_days: ['SATURDAY', 'SUNDAY'],
  estimation_order: [{ up_to_minutes: 480, methods: ['LIKE_DAY', 'LINEAR'] }, { methods: ['LIKE_DAY_SCALED', 'FLAT'] }],
} as const;

describe('the VEE settings form', () => {
  it('round-trips saved settings, sorting the holidays', () => {
    const draft = toDraft(structuredClone(BUILT_IN) as never);
    expect(draft.holidays).toBe('2026-10-20, 2026-11-08');
    expect(draft.numbers.spike_tolerance_percent).toBe('300');
    expect(checkSettings(draft)).toEqual({});
    expect(toSettings(draft)).toEqual({ ...BUILT_IN, holidays: ['2026-10-20', '2026-11-08'] });
  });

  it('reads numbers grouped the Indian way and judges only what is not a number or a date', () => {
    const draft = toDraft(structuredClone(BUILT_IN) as never);
    draft.numbers.register_maximum_kwh = '99,999.999';
    draft.numbers.zero_run_minutes = '1,00,000';
    draft.numbers.spike_tolerance_percent = '-5'; // out of range: the server's to say
    expect(checkSettings(draft)).toEqual({});
    expect(toSettings(draft)).toMatchObject({ register_maximum_kwh: 99999.999, zero_run_minutes: 100000, spike_tolerance_percent: -5 });

    draft.numbers.spike_reference_rank = '2.5';
    draft.numbers.high_limit_factor = '';
    draft.numbers.spike_minimum_kw = '1,5';
    draft.holidays = '2026-10-20; Diwali';
    expect(checkSettings(draft)).toEqual({
      spike_reference_rank: 'A whole number',
      high_limit_factor: 'Give a value',
      spike_minimum_kw: 'A number, e.g. 1.5',
      holidays: 'Diwali is not a date like 2026-10-20',
    });
  });

  it('shows a class without its own settings those of DEFAULT', () => {
    const all: VersionedSettings[] = [
      { meter_class: 'DEFAULT', version: 2, settings: {} },
      { meter_class: 'DT', version: 1, settings: {} },
    ];
    expect(effectiveFor(all, 'DT')?.meter_class).toBe('DT');
    expect(effectiveFor(all, 'CONSUMER')).toMatchObject({ meter_class: 'DEFAULT', version: 2 });
  });
});
