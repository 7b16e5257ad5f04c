import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf, messageOf, unwrap } from './problem';

const response = (status: number) => new Response(null, { status });

describe('problem+json handling', () => {
  it('returns the data of a successful call', () => {
    expect(unwrap({ data: { id: 1 }, response: response(200) })).toEqual({ id: 1 });
  });

  it('turns a validation problem into field errors', () => {
    const problem = {
      title: 'Invalid input',
      detail: 'One or more fields are invalid',
      errors: [
        { field: 'time_zone', message: 'unknown time zone Mars/Olympus' },
        { field: 'interval_minutes', message: 'must divide a day' },
        { field: 'interval_minutes', message: 'must be positive' },
      ],
    };
    let thrown: unknown;
    try {
      unwrap({ error: problem, response: response(422) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(fieldErrorsOf(thrown)).toEqual({
      time_zone: 'unknown time zone Mars/Olympus',
      interval_minutes: 'must divide a day; must be positive',
    });
    expect(messageOf(thrown)).toBe('Invalid input: One or more fields are invalid');
  });

  it('puts a conflict beside the field it names, and nowhere without one', () => {
    const taken = new ApiError({ title: 'Conflict', detail: 'Tenant code dhbvn is taken' }, 409);
    expect(fieldErrorsOf(taken, 'code')).toEqual({ code: 'Tenant code dhbvn is taken' });
    expect(fieldErrorsOf(taken)).toEqual({});
    const invalid = new ApiError({ errors: [{ field: 'state', message: 'not a state of India' }] }, 422);
    expect(fieldErrorsOf(invalid, 'code')).toEqual({ state: 'not a state of India' });
  });

  it('has no field errors for other failures', () => {
    expect(fieldErrorsOf(new Error('network down'))).toEqual({});
    expect(messageOf(new Error('network down'))).toBe('network down');
  });
});
