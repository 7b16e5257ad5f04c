import { describe, expect, it } from 'vitest';
import { toDraft, toPolicy, type PrepaidPolicy } from './policyForm';

const DEFAULTS: PrepaidPolicy = {
  protected_from: '18:00',
  protected_until: '08:00',
  protected_weekdays: ['SUNDAY'],
  second_saturday_protected: true,
  holidays_protected: true,
  grace_days_after_conversion: 30,
  emergency_credit_days: 3,
  minimum_notice_minutes: 1440,
  stale_data_hours: 48,
  daily_cap_per_dt: 50,
  spread_per_feeder: 5,
  spread_minutes: 10,
  reconnect_within_minutes: 2,
  reconnect_above_balance: 0,
  recharge_minimum: 10,
  recharge_multiple: 1,
  recharge_maximum: 100000,
  alert_percents_of_last_recharge: [30, 10, 0],
  arrears_recovery_percent: 25,
};

describe('policy form', () => {
  it('gives back the policy it was loaded from', () => {
    expect(toPolicy(toDraft(DEFAULTS), DEFAULTS)).toEqual({ policy: DEFAULTS, errors: {} });
  });

  it('keeps the fields it does not show, the alerts, as loaded', () => {
    const loaded = { ...DEFAULTS, alert_days_left: 3, alert_below_balance: 50 };
    const { policy } = toPolicy({ ...toDraft(loaded), grace_days_after_conversion: '0' }, loaded);
    expect(policy).toMatchObject({ alert_days_left: 3, alert_below_balance: 50, alert_percents_of_last_recharge: [30, 10, 0], grace_days_after_conversion: 0 });
  });

  it('sends no protected hours when both times are empty, and no limit when the limit is', () => {
    const { policy } = toPolicy({ ...toDraft({ ...DEFAULTS, emergency_credit_limit: 500 }), protected_from: '', protected_until: '', emergency_credit_limit: '' }, DEFAULTS);
    expect(policy?.protected_from).toBeUndefined();
    expect(policy?.protected_until).toBeUndefined();
    expect(policy?.emergency_credit_limit).toBeUndefined();
  });

  it('orders the protected weekdays Monday first', () => {
    const { policy } = toPolicy({ ...toDraft(DEFAULTS), protected_weekdays: ['SUNDAY', 'MONDAY'] }, DEFAULTS);
    expect(policy?.protected_weekdays).toEqual(['MONDAY', 'SUNDAY']);
  });

  it('names each field whose value is not of its form', () => {
    const { policy, errors } = toPolicy(
      { ...toDraft(DEFAULTS), protected_from: '25:00', stale_data_hours: '2.5', recharge_multiple: '1.005', reconnect_above_balance: '-100.50' },
      DEFAULTS,
    );
    expect(policy).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['protected_from', 'recharge_multiple', 'stale_data_hours']);
  });

  it('wants both protected times or neither', () => {
    expect(toPolicy({ ...toDraft(DEFAULTS), protected_until: '' }, DEFAULTS).errors).toEqual({
      protected_until: 'Both times, or neither for no protected hours',
    });
  });
});
