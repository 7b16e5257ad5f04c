import { formatIstDate, formatRupees } from '../../format/indian';

/** The ledger's entry types in words (docs/prepaid.md, "Accounts and the ledger"). */
const ENTRY_LABELS: Record<string, string> = {
  OPENING_BALANCE: 'Opening balance',
  RECHARGE: 'Recharge',
  RECHARGE_REVERSAL: 'Recharge reversal',
  ARREARS_INSTALMENT: 'Arrears instalment',
  ENERGY: 'Energy charge',
  TOD: 'ToD charge',
  SUBSIDY: 'Subsidy',
  FIXED: 'Fixed charge',
  DEMAND: 'Demand charge',
  MINIMUM_CHARGE: 'Minimum charge',
  DUTY: 'Electricity duty',
  TAX: 'Tax',
  ADJUSTMENT: 'Adjustment',
};

export function entryTypeLabel(type: string | undefined): string {
  return (type && ENTRY_LABELS[type]) ?? type ?? '';
}

/** The supply states a grid is filtered by. */
export const SUPPLIES = [
  { value: 'CONNECTED', label: 'Connected' },
  { value: 'DISCONNECTED', label: 'Disconnected' },
] as const;

export function supplyLabel(supply: string | undefined): string {
  return SUPPLIES.find((s) => s.value === supply)?.label ?? supply ?? '';
}

/** The holding rules of the disconnection policy in words (docs/prepaid.md, "Which rule holds an account"). */
const HOLD_LABELS: Record<string, string> = {
  NOT_DUE: 'Not due',
  NO_NOTICE_SENT: 'No notice sent',
  STALE_DATA: 'Stale data',
  VEE_REVIEW: 'VEE review',
  GRACE_AFTER_CONVERSION: 'Grace after conversion',
  EMERGENCY_CREDIT: 'Emergency credit',
  MINIMUM_NOTICE: 'Minimum notice',
  PROTECTED_WEEKDAY: 'Protected weekday',
  SECOND_SATURDAY: 'Second Saturday',
  PUBLIC_HOLIDAY: 'Public holiday',
  PROTECTED_HOURS: 'Protected hours',
  DT_DAILY_CAP: 'DT daily cap',
  DISCONNECT: 'Disconnect',
};

export function holdRuleLabel(rule: string | undefined | null): string {
  if (!rule) return '';
  return HOLD_LABELS[rule] ?? rule;
}

/** A ledger amount with its sign always shown: "+₹500.00", "−₹42.17". */
export function formatSignedRupees(amount: number | undefined | null): string {
  if (amount === undefined || amount === null) return '—';
  return amount > 0 ? `+${formatRupees(amount)}` : formatRupees(amount);
}

/** Whether a balance is at or below zero (the account may be disconnected). */
export function isNegative(balance: number | undefined | null): boolean {
  return balance !== undefined && balance !== null && balance <= 0;
}

/** A calendar day ("2026-11-20") as staff read it: "20 Nov 2026"; "—" for none. */
export function formatDay(day: string | undefined | null): string {
  if (!day) return '—';
  return formatIstDate(`${day}T12:00:00+05:30`);
}

/** The switching orders' actions and statuses (docs/api-guide.md, `GET /prepaid/switching`). */
export const SWITCH_ACTIONS = [
  { value: 'DISCONNECT', label: 'Disconnect' },
  { value: 'RECONNECT', label: 'Reconnect' },
] as const;

export const SWITCH_STATUSES = [
  { value: 'SCHEDULED', label: 'Scheduled' },
  { value: 'SENT', label: 'Sent' },
  { value: 'EXECUTED', label: 'Executed' },
  { value: 'FAILED', label: 'Failed' },
  { value: 'CANCELLED', label: 'Cancelled' },
] as const;

export function switchActionLabel(action: string | undefined): string {
  return SWITCH_ACTIONS.find((a) => a.value === action)?.label ?? action ?? '';
}

export function switchStatusLabel(status: string | undefined): string {
  return SWITCH_STATUSES.find((s) => s.value === status)?.label ?? status ?? '';
}

/** The tone of a switching order's status chip (the theme's info blue is too light for text, so primary). */
export function switchStatusColor(status: string | undefined): 'success' | 'warning' | 'error' | 'primary' | 'default' {
  switch (status) {
    case 'EXECUTED':
      return 'success';
    case 'SCHEDULED':
    case 'SENT':
      return 'primary';
    case 'FAILED':
      return 'error';
    default:
      return 'default';
  }
}
