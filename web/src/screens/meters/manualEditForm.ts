import type { Schemas } from '../../api/client';
import type { EstimationMethod, ReasonCode } from '../vee/veeLabels';
import { istLocalToIso } from './IntervalPicker';

export type EditRequest = Schemas['EditRequest'];
export type EditAction = NonNullable<EditRequest['action']>;

/** What the manual edit dialog holds: text as typed, times as IST "2026-11-25T10:15". */
export interface ManualEditDraft {
  action: EditAction;
  from: string;
  to: string;
  value: string;
  factor: string;
  method: EstimationMethod | '';
  reason_code: ReasonCode | '';
  note: string;
}

export const BLANK_EDIT: ManualEditDraft = { action: 'SET', from: '', to: '', value: '', factor: '', method: '', reason_code: '', note: '' };

const NUMBER = /^-?\d+(\.\d+)?$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Problems per field (the server's field names), empty when the draft may be sent. */
export function checkManualEdit(draft: ManualEditDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!LOCAL_TIME.test(draft.from)) errors.from = 'Give the end of the first interval to change';
  if (!LOCAL_TIME.test(draft.to)) errors.to = 'Give the end of the last interval to change';
  else if (!errors.from && draft.to < draft.from) errors.to = 'Not before the first interval';
  if (!draft.reason_code) errors.reason_code = 'Every edit states a reason';
  if (draft.action === 'SET') {
    if (!draft.value.trim()) errors.value = 'Give the value to store';
    else if (!NUMBER.test(draft.value.trim())) errors.value = 'A number, e.g. 0.125';
  }
  if (draft.action === 'SCALE') {
    if (!draft.factor.trim()) errors.factor = 'Give the factor to multiply by';
    else if (!NUMBER.test(draft.factor.trim()) || Number(draft.factor) <= 0) errors.factor = 'A positive number, e.g. 1.5';
  }
  return errors;
}

/** The request body for a checked draft, for one meter and channel. */
export function toEditRequest(draft: ManualEditDraft, meterId: string, channel: EditRequest['channel']): EditRequest {
  return {
    meter_ids: [meterId],
    channel,
    from: istLocalToIso(draft.from),
    to: istLocalToIso(draft.to),
    action: draft.action,
    value: draft.action === 'SET' ? Number(draft.value.trim()) : undefined,
    factor: draft.action === 'SCALE' ? Number(draft.factor.trim()) : undefined,
    method: draft.action === 'ESTIMATE' && draft.method ? draft.method : undefined,
    reason_code: draft.reason_code || undefined,
    note: draft.note.trim() || undefined,
  };
}
