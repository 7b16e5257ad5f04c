import { describe, expect, it } from 'vitest';
import { checkDraft, parseDraft, withField } from './mappingDraft';

const draft = JSON.stringify({ format: 'JSON', rows: 'data[*]', time_zone: 'UTC', interval_minutes: 15 });

describe('mapping draft', () => {
  it('reads a JSON object and refuses anything else', () => {
    expect(parseDraft(draft).mapping?.rows).toBe('data[*]');
    expect(parseDraft('[1]').syntaxError).toBe('The mapping must be a JSON object');
    expect(parseDraft('{"format": ').syntaxError).toMatch(/^Not valid JSON/);
  });

  it('sets a structured field without touching the others', () => {
    const changed = parseDraft(withField(draft, 'interval_stamp', 'START')).mapping;
    expect(changed).toEqual({ format: 'JSON', rows: 'data[*]', time_zone: 'UTC', interval_minutes: 15, interval_stamp: 'START' });
  });

  it('removes a field set to undefined and leaves broken JSON alone', () => {
    expect(parseDraft(withField(draft, 'time_zone', undefined)).mapping).not.toHaveProperty('time_zone');
    expect(withField('{oops', 'time_zone', 'UTC')).toBe('{oops');
  });

  it('flags what the form can check before sending', () => {
    expect(checkDraft({ time_zone: ' ', interval_minutes: 0 })).toEqual({
      format: 'Choose the payload format (JSON, CSV or DLMS)',
      time_zone: 'Enter a time zone, e.g. Asia/Kolkata',
      interval_minutes: 'Enter a whole number of minutes above zero',
    });
    expect(checkDraft({ format: 'JSON', interval_minutes: 7 })).toEqual({});
  });
});
