import type { Schemas } from '../../api/client';

export type PrepaidPolicy = Schemas['PrepaidPolicy'];
export type Weekday = NonNullable<PrepaidPolicy['protected_weekdays']>[number];

export const WEEKDAYS: ReadonlyArray<{ value: Weekday; label: string }> = [
  { value: 'MONDAY', label: 'Mon' },
  { value: 'TUESDAY', label: 'Tue' },
  { value: 'WEDNESDAY', label: 'Wed' },
  { value: 'THURSDAY', label: 'Thu' },
  { value: 'FRIDAY', label: 'Fri' },
  { value: 'SATURDAY', label: 'Sat' },
  { value: 'SUNDAY', label: 'Sun' },
];

/** The whole numbers of the policy the editor shows, by the server's field names. */
export const WHOLE_FIELDS = [
  'grace_days_after_conversion',
  'emergency_credit_days',
  'minimum_notice_minutes',
  'stale_data_hours',
  'daily_cap_per_dt',
  'spread_per_feeder',
  'spread_minutes',
  'reconnect_within_minutes',
  'arrears_recovery_percent',
] as const;

/** The rupee amounts of the policy the editor shows; `emergency_credit_limit` may be left empty (no limit). */
export const RUPEE_FIELDS = ['emergency_credit_limit', 'reconnect_above_balance', 'recharge_minimum', 'recharge_multiple', 'recharge_maximum'] as const;

type WholeField = (typeof WHOLE_FIELDS)[number];
type RupeeField = (typeof RUPEE_FIELDS)[number];

/** What the administrator edits: numbers as typed, so a half-typed value is kept until it is checked. */
export type PolicyDraft = Record<WholeField | RupeeField, string> & {
  protected_from: string;
  protected_until: string;
  protected_weekdays: Weekday[];
  second_saturday_protected: boolean;
  holidays_protected: boolean;
};

const text = (value: number | undefined | null) => (value === undefined || value === null ? '' : String(value));

export function toDraft(policy: PrepaidPolicy): PolicyDraft {
  const draft = {
    protected_from: policy.protected_from ?? '',
    protected_until: policy.protected_until ?? '',
    protected_weekdays: [...(policy.protected_weekdays ?? [])],
    second_saturday_protected: policy.second_saturday_protected ?? false,
    holidays_protected: policy.holidays_protected ?? false,
  } as PolicyDraft;
  for (const field of WHOLE_FIELDS) draft[field] = text(policy[field]);
  for (const field of RUPEE_FIELDS) draft[field] = text(policy[field]);
  return draft;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const WHOLE = /^\d{1,6}$/;
const RUPEES = /^-?\d{1,9}(\.\d{1,2})?$/;

/**
 * The whole policy to PUT (the fields the editor does not show, the alerts, as loaded), or the field errors of what is
 * typed. Bounds are the server's to check (its 422 names each field); here only the form of each value.
 */
export function toPolicy(draft: PolicyDraft, loaded: PrepaidPolicy): { policy?: PrepaidPolicy; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const from = draft.protected_from.trim();
  const until = draft.protected_until.trim();
  if (from !== '' && !TIME.test(from)) errors.protected_from = 'A time as HH:mm, e.g. 18:00';
  if (until !== '' && !TIME.test(until)) errors.protected_until = 'A time as HH:mm, e.g. 08:00';
  if ((from === '') !== (until === '')) {
    errors[from === '' ? 'protected_from' : 'protected_until'] = 'Both times, or neither for no protected hours';
  }
  const policy: PrepaidPolicy = {
    ...loaded,
    protected_from: from || undefined,
    protected_until: until || undefined,
    protected_weekdays: WEEKDAYS.map((d) => d.value).filter((d) => draft.protected_weekdays.includes(d)),
    second_saturday_protected: draft.second_saturday_protected,
    holidays_protected: draft.holidays_protected,
  };
  for (const field of WHOLE_FIELDS) {
    const value = draft[field].trim();
    if (!WHOLE.test(value)) errors[field] = 'A whole number';
    else policy[field] = Number(value);
  }
  for (const field of RUPEE_FIELDS) {
    const value = draft[field].trim().replace(/^₹/, '');
    if (field === 'emergency_credit_limit' && value === '') policy[field] = undefined;
    else if (!RUPEES.test(value)) errors[field] = 'Rupees to the paisa, e.g. 100 or 99.50';
    else policy[field] = Number(value);
  }
  return Object.keys(errors).length > 0 ? { errors } : { policy, errors };
}
