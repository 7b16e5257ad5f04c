import { describe, expect, it } from 'vitest';
import { BLANK_RESOLUTION, checkResolution, toResolution } from './resolutionForm';

describe('resolving an exception', () => {
  it('asks for a reason before sending', () => {
    expect(checkResolution(BLANK_RESOLUTION)).toEqual({ reason_code: 'Every resolution states a reason' });
  });

  it('asks an edit for a number', () => {
    const edit = { ...BLANK_RESOLUTION, action: 'EDIT' as const, reason_code: 'METER_FAULT' as const };
    expect(checkResolution(edit)).toEqual({ value: 'Give the value to store' });
    expect(checkResolution({ ...edit, value: '1,5' })).toEqual({ value: 'A number, e.g. 0.125' });
    expect(checkResolution({ ...edit, value: ' 0.125 ' })).toEqual({});
  });

  it('sends the value only with an edit and the method only with an estimate', () => {
    const accepted = toResolution({ ...BLANK_RESOLUTION, reason_code: 'HES_ERROR', value: '3', method: 'LINEAR', note: ' ' });
    expect(accepted).toEqual({ action: 'ACCEPT', reason_code: 'HES_ERROR', note: undefined, value: undefined, method: undefined });
    const edited = toResolution({ ...BLANK_RESOLUTION, action: 'EDIT', reason_code: 'METER_FAULT', value: '0.125', note: 'site visit' });
    expect(edited).toMatchObject({ action: 'EDIT', value: 0.125, note: 'site visit', method: undefined });
    const estimated = toResolution({ ...BLANK_RESOLUTION, action: 'ESTIMATE', reason_code: 'METER_FAULT', method: 'LIKE_DAY' });
    expect(estimated).toMatchObject({ action: 'ESTIMATE', method: 'LIKE_DAY', value: undefined });
  });
});
