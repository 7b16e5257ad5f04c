import type { EstimationMethod, ReasonCode, Resolution, ResolutionAction } from './veeLabels';

/** What the resolve form holds: text as typed, so a half-typed number can be judged. */
export interface ResolutionDraft {
  action: ResolutionAction;
  reason_code: ReasonCode | '';
  note: string;
  value: string;
  method: EstimationMethod | '';
}

export const BLANK_RESOLUTION: ResolutionDraft = { action: 'ACCEPT', reason_code: '', note: '', value: '', method: '' };

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Problems per field (the server's field names), empty when the draft may be sent. */
export function checkResolution(draft: ResolutionDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.reason_code) errors.reason_code = 'Every resolution states a reason';
  if (draft.action === 'EDIT') {
    if (!draft.value.trim()) errors.value = 'Give the value to store';
    else if (!NUMBER.test(draft.value.trim())) errors.value = 'A number, e.g. 0.125';
  }
  return errors;
}

/** The request body for a checked draft. */
export function toResolution(draft: ResolutionDraft): Resolution {
  return {
    action: draft.action,
    reason_code: draft.reason_code || undefined,
    note: draft.note.trim() || undefined,
    value: draft.action === 'EDIT' ? Number(draft.value.trim()) : undefined,
    method: draft.action === 'ESTIMATE' && draft.method ? draft.method : undefined,
  };
}
