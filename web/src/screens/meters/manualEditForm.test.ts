import { describe, expect, it } from 'vitest';
import { BLANK_EDIT, checkManualEdit, toEditRequest } from './manualEditForm';

describe('manual edit of a range of intervals', () => {
  it('asks for the range, a reason and what the action needs before sending', () => {
    expect(checkManualEdit(BLANK_EDIT)).toEqual({
      from: 'Give the end of the first interval to change',
      to: 'Give the end of the last interval to change',
      reason_code: 'Every edit states a reason',
      value: 'Give the value to store',
    });
    const range = { ...BLANK_EDIT, from: '2026-11-25T10:15', to: '2026-11-25T10:00', reason_code: 'METER_FAULT' as const };
    expect(checkManualEdit({ ...range, value: 'lots' })).toEqual({ to: 'Not before the first interval', value: 'A number, e.g. 0.125' });
    expect(checkManualEdit({ ...range, to: '2026-11-25T11:00', action: 'SCALE', factor: '-2' })).toEqual({
      factor: 'A positive number, e.g. 1.5',
    });
    expect(checkManualEdit({ ...range, to: '2026-11-25T11:00', action: 'ESTIMATE' })).toEqual({});
  });

  it('sends IST times with their offset and only the field the action uses', () => {
    const draft = { ...BLANK_EDIT, from: '2026-11-25T10:15', to: '2026-11-25T11:00', value: '0.25', factor: '3', reason_code: 'HES_ERROR' as const };
    expect(toEditRequest(draft, 'm1', 'KWH_IMPORT')).toEqual({
      meter_ids: ['m1'],
      channel: 'KWH_IMPORT',
      from: '2026-11-25T10:15:00+05:30',
      to: '2026-11-25T11:00:00+05:30',
      action: 'SET',
      value: 0.25,
      factor: undefined,
      method: undefined,
      reason_code: 'HES_ERROR',
      note: undefined,
    });
    expect(toEditRequest({ ...draft, action: 'ESTIMATE', method: 'LINEAR' }, 'm1', 'KWH_IMPORT')).toMatchObject({
      action: 'ESTIMATE',
      value: undefined,
      method: 'LINEAR',
    });
  });
});
