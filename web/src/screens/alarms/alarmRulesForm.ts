import type { Schemas } from '../../api/client';

export type AlarmRules = Schemas['AlarmRules'];

/** What the alarm rules form holds: text as typed. */
export interface AlarmRulesDraft {
  tamper_codes: string;
  power_quality_codes: string;
  outage_share: string;
  outage_clear_share: string;
  outage_window_seconds: string;
  communication_loss_hours: string;
}

/** Shares are shown as percentages (0.5 → "50"), codes as a sorted, comma-separated list. */
export function toAlarmRulesDraft(rules: AlarmRules): AlarmRulesDraft {
  const percent = (share: number | undefined) => (share === undefined || share === null ? '' : String(Math.round(share * 10_000) / 100));
  const codes = (list: number[] | undefined) => [...(list ?? [])].sort((a, b) => a - b).join(', ');
  return {
    tamper_codes: codes(rules.tamper_codes),
    power_quality_codes: codes(rules.power_quality_codes),
    outage_share: percent(rules.outage_share),
    outage_clear_share: percent(rules.outage_clear_share),
    outage_window_seconds: rules.outage_window_seconds === undefined ? '' : String(rules.outage_window_seconds),
    communication_loss_hours: rules.communication_loss_hours === undefined ? '' : String(rules.communication_loss_hours),
  };
}

const CODE_LIST = /^\d+(\s*[,;\s]\s*\d+)*$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;

function codes(text: string): number[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean).map(Number))].sort((a, b) => a - b);
}

/** The form's own checks (numbers, lists of codes); ranges and which codes raise alarms are the server's. */
export function checkAlarmRules(draft: AlarmRulesDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ['tamper_codes', 'power_quality_codes'] as const) {
    const text = draft[field].trim();
    if (text && !CODE_LIST.test(text)) errors[field] = 'IS 15959 event codes separated by commas, e.g. 201, 251';
  }
  for (const field of ['outage_share', 'outage_clear_share'] as const) {
    if (!DECIMAL.test(draft[field].trim())) errors[field] = 'A percentage, e.g. 50';
  }
  for (const field of ['outage_window_seconds', 'communication_loss_hours'] as const) {
    if (!INTEGER.test(draft[field].trim())) errors[field] = 'A whole number';
  }
  return errors;
}

/** The request body of a checked draft (percentages back to shares). */
export function toAlarmRules(draft: AlarmRulesDraft): AlarmRules {
  return {
    tamper_codes: codes(draft.tamper_codes),
    power_quality_codes: codes(draft.power_quality_codes),
    outage_share: Number(draft.outage_share.trim()) / 100,
    outage_clear_share: Number(draft.outage_clear_share.trim()) / 100,
    outage_window_seconds: Number(draft.outage_window_seconds.trim()),
    communication_loss_hours: Number(draft.communication_loss_hours.trim()),
  };
}

/** How long a meter has been silent, in words an operator reads at a glance: "3 d 4 h", "5 h", "under 1 h". */
export function formatSilence(since: string, now: Date = new Date()): string {
  const hours = Math.floor((now.getTime() - new Date(since).getTime()) / 3_600_000);
  if (hours < 1) return 'under 1 h';
  const days = Math.floor(hours / 24);
  if (days === 0) return `${hours} h`;
  const rest = hours % 24;
  return rest === 0 ? `${new Intl.NumberFormat('en-IN').format(days)} d` : `${new Intl.NumberFormat('en-IN').format(days)} d ${rest} h`;
}
