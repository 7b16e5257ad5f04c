import { describe, expect, it } from 'vitest';
import { checkCommand, toCommandIssue } from './commandForm';

describe('issuing a command', () => {
  it('needs a command, and a positive limit for a load limit', () => {
    expect(checkCommand({ type: '', limitKw: '' })).toEqual({ type: 'Pick a command' });
    expect(checkCommand({ type: 'LOAD_LIMIT', limitKw: '0' })).toEqual({ 'params.limit_kw': 'A load limit above 0 kW' });
    expect(checkCommand({ type: 'LOAD_LIMIT', limitKw: 'two' })).toEqual({ 'params.limit_kw': 'A load limit above 0 kW' });
    expect(checkCommand({ type: 'DISCONNECT', limitKw: '' })).toEqual({});
  });

  it('sends the limit only with a load limit, to the one meter, with the idempotency key', () => {
    expect(toCommandIssue({ type: 'LOAD_LIMIT', limitKw: '2.5' }, 'm1', 'k1')).toEqual({
      type: 'LOAD_LIMIT', meter_ids: ['m1'], params: { limit_kw: 2.5 }, idempotency_key: 'k1',
    });
    expect(toCommandIssue({ type: 'TIME_SYNC', limitKw: '9' }, 'm1', 'k2').params).toBeUndefined();
  });
});
