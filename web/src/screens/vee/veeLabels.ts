import type { Schemas } from '../../api/client';

export type VeeException = Schemas['VeeException'];
export type VeeRule = NonNullable<VeeException['rule']>;
export type Resolution = Schemas['Resolution'];
export type ResolutionAction = NonNullable<Resolution['action']>;
export type ReasonCode = NonNullable<Resolution['reason_code']>;
export type EstimationMethod = NonNullable<Resolution['method']>;

/** The validation rules (server enum VeeRule), with the words operators use. */
export const VEE_RULES: ReadonlyArray<{ rule: VeeRule; label: string }> = [
  { rule: 'GAP', label: 'Gap' },
  { rule: 'DUPLICATE', label: 'Revised value' },
  { rule: 'RESEND_CHANGE', label: 'Re-send held for review' },
  { rule: 'DUPLICATE_IN_BATCH', label: 'Sent twice in one batch' },
  { rule: 'CLOCK_DRIFT', label: 'Clock drift' },
  { rule: 'HIGH_LIMIT', label: 'High limit' },
  { rule: 'LOW_LIMIT', label: 'Low limit' },
  { rule: 'SPIKE', label: 'Spike' },
  { rule: 'ZERO_RUN', label: 'Zero run' },
  { rule: 'FLAT_LINE', label: 'Flat line' },
  { rule: 'REVERSE_ENERGY', label: 'Reverse energy' },
  { rule: 'REGISTER_ROLLOVER', label: 'Register rollover' },
  { rule: 'REGISTER_DECREASE', label: 'Register decrease' },
  { rule: 'MULTIPLIER_CHANGE', label: 'Multiplier change' },
  { rule: 'SUM_CHECK', label: 'Sum check' },
  { rule: 'POWER_FAILURE', label: 'Power failure' },
  { rule: 'PROLONGED_ESTIMATION', label: 'Prolonged estimation' },
];

export function ruleLabel(rule: string | undefined): string {
  return VEE_RULES.find((r) => r.rule === rule)?.label ?? rule ?? '—';
}

/** Why a person changed or accepted data (server enum EditReason). */
export const REASON_CODES: ReadonlyArray<{ code: ReasonCode; label: string }> = [
  { code: 'VALIDATION_OVERRIDE', label: 'Validation override (value is right)' },
  { code: 'METER_FAULT', label: 'Meter fault' },
  { code: 'CT_PT_CORRECTION', label: 'CT/PT correction' },
  { code: 'HES_ERROR', label: 'HES error' },
  { code: 'CONSUMER_DISPUTE', label: 'Consumer dispute' },
  { code: 'ESTIMATION_CORRECTION', label: 'Estimation correction' },
  { code: 'OTHER', label: 'Other' },
];

export const ESTIMATION_METHODS: ReadonlyArray<{ method: EstimationMethod; label: string }> = [
  { method: 'LINEAR', label: 'Linear' },
  { method: 'LINEAR_REGISTER_SCALED', label: 'Linear, scaled to registers' },
  { method: 'LIKE_DAY', label: 'Like day' },
  { method: 'LIKE_DAY_SCALED', label: 'Like day, scaled to the hours around the gap' },
  { method: 'FLAT', label: 'Flat' },
  { method: 'PROFILE', label: "DT's profile" },
];

export const EXCEPTION_STATUSES = [
  { value: 'OPEN', label: 'Open' },
  { value: 'RESOLVED', label: 'Resolved' },
] as const;

/** Age filter choices (older_than_hours). */
export const AGE_CHOICES = [
  { value: '1', label: 'Older than 1 hour' },
  { value: '24', label: 'Older than 1 day' },
  { value: '72', label: 'Older than 3 days' },
  { value: '168', label: 'Older than 7 days' },
] as const;

/** The unit a channel's values are in (server enum Channel). */
export function channelUnit(channel: string | undefined): string {
  if (!channel) return '';
  if (channel.startsWith('KWH')) return 'kWh';
  if (channel.startsWith('KVAH')) return 'kVAh';
  if (channel.startsWith('VOLTAGE')) return 'V';
  if (channel.startsWith('CURRENT')) return 'A';
  return '';
}

/** The grid columns GET /vee/exceptions sorts by (its `sort` parameter); the others are not sortable. */
export const VEE_SORTABLE = ['meter_serial', 'rule', 'channel', 'first_at', 'blocking', 'status', 'assigned_to', 'detected_at'];
