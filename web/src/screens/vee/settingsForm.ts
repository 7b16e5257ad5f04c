import type { Schemas } from '../../api/client';
import type { VeeRule } from './veeLabels';

export type VeeSettings = Schemas['VeeSettings'];
export type EstimationStep = Schemas['EstimationStep'];
export type ResendAction = NonNullable<VeeSettings['resend_change_action']>;
export type Weekday = NonNullable<VeeSettings['weekend_days']>[number];

/** Monday first, as Indian calendars print the week. */
export const WEEKDAYS: ReadonlyArray<{ value: Weekday; label: string }> = [
  { value: 'MONDAY', label: 'Mon' },
  { value: 'TUESDAY', label: 'Tue' },
  { value: 'WEDNESDAY', label: 'Wed' },
  { value: 'THURSDAY', label: 'Thu' },
  { value: 'FRIDAY', label: 'Fri' },
  { value: 'SATURDAY', label: 'Sat' },
  { value: 'SUNDAY', label: 'Sun' },
];
export type VersionedSettings = Schemas['Versioned'];

/** The meter classes VEE settings are kept for; a class without its own goes by DEFAULT. */
export const METER_CLASSES = [
  { value: 'DEFAULT', label: 'Default (all classes)' },
  { value: 'CONSUMER', label: 'Consumer meters' },
  { value: 'DT', label: 'DT meters' },
  { value: 'FEEDER', label: 'Feeder meters' },
  { value: 'BOUNDARY', label: 'Boundary meters' },
] as const;
export type MeterClass = (typeof METER_CLASSES)[number]['value'];

type NumberKey = {
  [K in keyof VeeSettings]-?: NonNullable<VeeSettings[K]> extends number ? K : never;
}[keyof VeeSettings];

export interface NumberField {
  key: NumberKey;
  label: string;
  integer: boolean;
  hint: string;
}

/** The numeric settings, grouped as an analyst thinks of them (server field names, PRODUCT.md §4.3). */
export const NUMBER_GROUPS: ReadonlyArray<{ title: string; fields: readonly NumberField[] }> = [
  {
    title: 'Limits and spikes',
    fields: [
      { key: 'high_limit_factor', label: 'High limit factor', integer: false, hint: '× sanctioned kW × interval hours' },
      { key: 'low_limit_factor', label: 'Low limit factor', integer: false, hint: '0 turns the low limit off' },
      { key: 'spike_tolerance_percent', label: 'Spike tolerance (%)', integer: false, hint: 'Above the day\'s reference interval' },
      { key: 'spike_reference_rank', label: 'Spike reference (n-th highest of the day)', integer: true, hint: '2 to 12' },
      { key: 'spike_minimum_kw', label: 'Spike minimum (kW)', integer: false, hint: 'Average power below which nothing is a spike' },
      { key: 'spike_history_factor', label: 'Spike history factor', integer: false, hint: '× the recent typical interval, until the day is complete' },
      { key: 'spike_peak_factor', label: 'Spike peak factor', integer: false, hint: '× the meter\'s usual daily peak (0: off)' },
    ],
  },
  {
    title: 'Runs',
    fields: [
      { key: 'zero_run_minutes', label: 'Zero run (minutes)', integer: true, hint: 'Zeros in a row with voltage present' },
      { key: 'zero_run_minimum_volts', label: 'Voltage present from (V)', integer: false, hint: 'For the zero-run check' },
      { key: 'zero_run_without_voltage_minutes', label: 'Zero run without voltage data (minutes)', integer: true, hint: 'Zeros in a row, no voltage known' },
      { key: 'flat_line_minutes', label: 'Flat line (minutes)', integer: true, hint: 'Equal non-zero values in a row' },
      { key: 'flat_line_minimum_kw', label: 'Flat line minimum (kW)', integer: false, hint: 'Steadier standby load is no flat line' },
    ],
  },
  {
    title: 'Registers',
    fields: [
      { key: 'sum_check_tolerance_percent', label: 'Sum check tolerance (%)', integer: false, hint: 'Σ intervals against the register' },
      { key: 'sum_check_minimum_kwh', label: 'Sum check minimum (kWh)', integer: false, hint: 'Smaller differences always pass' },
      { key: 'register_maximum_kwh', label: 'Register maximum (kWh)', integer: false, hint: 'Where the register rolls over' },
      { key: 'rollover_threshold_percent', label: 'Rollover threshold (%)', integer: false, hint: 'Of the maximum, exclusive 0–100' },
    ],
  },
  {
    title: 'Gaps and estimation',
    fields: [
      { key: 'grace_minutes', label: 'Grace period (minutes)', integer: true, hint: 'Before a missing interval is a gap' },
      { key: 'lookback_days', label: 'Gap scan look-back (days)', integer: true, hint: '1 to 62' },
      { key: 'linear_maximum_minutes', label: 'Linear interpolation up to (minutes)', integer: true, hint: '0 to 1,440' },
      { key: 'like_day_weeks', label: 'Like-day history (weeks)', integer: true, hint: '1 to 52' },
      { key: 'prolonged_estimation_minutes', label: 'Prolonged estimation (minutes)', integer: true, hint: 'Estimates in a row that raise an exception' },
      { key: 'like_day_estimated_weight', label: 'Like-day weight of estimated values', integer: false, hint: '0 to 1, against 1 for actual values' },
      { key: 'like_day_weekly_weight', label: 'Like-day weight per week back', integer: false, hint: 'Above 0 to 1 (1: every week alike)' },
    ],
  },
  {
    title: 'Re-sent values',
    fields: [
      { key: 'resend_change_threshold_percent', label: 'Re-send change threshold (%)', integer: false, hint: 'Of the stored value; smaller changes replace' },
    ],
  },
];

/** What happens to a re-sent actual value that changes a stored one beyond the threshold. */
export const RESEND_ACTIONS: ReadonlyArray<{ value: ResendAction; label: string }> = [
  { value: 'REPLACE', label: 'Replace it (new version, billing notified)' },
  { value: 'HOLD', label: 'Hold it for review' },
];

/** The interval energy channels VEE may fill gaps in. */
export const ESTIMABLE_CHANNELS = [
  { value: 'KWH_IMPORT', label: 'kWh import' },
  { value: 'KWH_EXPORT', label: 'kWh export' },
  { value: 'KVAH_IMPORT', label: 'kVAh import' },
  { value: 'KVAH_EXPORT', label: 'kVAh export' },
] as const;
type EstimableChannel = (typeof ESTIMABLE_CHANNELS)[number]['value'];

/** What the form holds: numbers as typed, so a half-typed one can be judged. */
export interface SettingsDraft {
  numbers: Record<string, string>;
  rules: VeeRule[];
  /** The checks whose exceptions hold values back from billing. */
  blocking_rules: VeeRule[];
  zero_run_without_voltage_blocking: boolean;
  resend_change_action: ResendAction;
  weekend_days: Weekday[];
  /** Kept as saved: the order is set through the API (PUT /vee/settings/{class}); the form shows it. */
  estimation_order: EstimationStep[];
  estimated_channels: string[];
  holidays: string;
  edit_approval_required: boolean;
}

/** The form's view of saved settings. */
export function toDraft(settings: VeeSettings): SettingsDraft {
  const numbers: Record<string, string> = {};
  for (const group of NUMBER_GROUPS) {
    for (const field of group.fields) {
      const value = settings[field.key];
      numbers[field.key] = value === undefined || value === null ? '' : String(value);
    }
  }
  return {
    numbers,
    rules: [...(settings.rules ?? [])],
    blocking_rules: [...(settings.blocking_rules ?? [])],
    zero_run_without_voltage_blocking: Boolean(settings.zero_run_without_voltage_blocking),
    resend_change_action: settings.resend_change_action ?? 'REPLACE',
    weekend_days: [...(settings.weekend_days ?? [])],
    estimation_order: structuredClone(settings.estimation_order ?? []),
    estimated_channels: [...(settings.estimated_channels ?? [])],
    holidays: [...(settings.holidays ?? [])].sort().join(', '),
    edit_approval_required: Boolean(settings.edit_approval_required),
  };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
/** en-IN or western grouping typed by a person: 99,999.999 or 1,00,000. */
const GROUPED = /^-?\d{1,3}(,\d{2,3})+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function plain(text: string): string {
  const trimmed = text.trim();
  return GROUPED.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed;
}

function holidayList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

/**
 * Problems per field (the server's field names), empty when the draft may be sent. Only the form's
 * own concerns are checked here (is it a number, a date); ranges and consistency are the server's,
 * whose field errors are shown beside the same fields.
 */
export function checkSettings(draft: SettingsDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const group of NUMBER_GROUPS) {
    for (const field of group.fields) {
      const text = plain(draft.numbers[field.key] ?? '');
      if (!text) errors[field.key] = 'Give a value';
      else if (field.integer ? !INTEGER.test(text) : !DECIMAL.test(text)) {
        errors[field.key] = field.integer ? 'A whole number' : 'A number, e.g. 1.5';
      }
    }
  }
  const badDay = holidayList(draft.holidays).find((d) => !DATE.test(d) || Number.isNaN(Date.parse(d)));
  if (badDay) errors.holidays = `${badDay} is not a date like 2026-10-20`;
  return errors;
}

/** The request body of a checked draft: every field stated, so the version says exactly what it holds. */
export function toSettings(draft: SettingsDraft): VeeSettings {
  const body: Record<string, unknown> = {
    rules: [...draft.rules],
    blocking_rules: [...draft.blocking_rules],
    zero_run_without_voltage_blocking: draft.zero_run_without_voltage_blocking,
    resend_change_action: draft.resend_change_action,
    weekend_days: WEEKDAYS.map((d) => d.value).filter((d) => draft.weekend_days.includes(d)),
    estimation_order: structuredClone(draft.estimation_order),
    estimated_channels: draft.estimated_channels as EstimableChannel[],
    holidays: [...new Set(holidayList(draft.holidays))].sort(),
    edit_approval_required: draft.edit_approval_required,
  };
  for (const group of NUMBER_GROUPS) {
    for (const field of group.fields) body[field.key] = Number(plain(draft.numbers[field.key] ?? ''));
  }
  return body as VeeSettings;
}

/** The settings a class goes by: its own, else DEFAULT's (version 0 = built-in). */
export function effectiveFor(all: readonly VersionedSettings[], meterClass: MeterClass): VersionedSettings | undefined {
  return all.find((v) => v.meter_class === meterClass) ?? all.find((v) => v.meter_class === 'DEFAULT');
}
