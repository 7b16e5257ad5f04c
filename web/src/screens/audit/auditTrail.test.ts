import { describe, expect, it } from 'vitest';
import { auditQuery, changedLines, formatStateValue, stateDiff } from './auditTrail';

const none = { fromDay: '', toDay: '', actor: '', action: '', targetId: '' };

describe('the filters as an API query', () => {
  it('leaves out what is blank', () => {
    expect(auditQuery(none)).toEqual({});
    expect(auditQuery({ ...none, actor: '  ', action: ' user. ' })).toEqual({ action: 'user.' });
  });

  it('reads days as IST and includes the to-day by ending at the next IST midnight', () => {
    expect(auditQuery({ ...none, fromDay: '2026-11-25', toDay: '2026-11-30' })).toEqual({
      from: '2026-11-25T00:00:00+05:30',
      to: '2026-12-01T00:00:00+05:30',
    });
    expect(auditQuery({ ...none, toDay: '2026-12-31' }).to).toBe('2027-01-01T00:00:00+05:30');
  });

  it('ignores a half-typed day instead of sending it', () => {
    expect(auditQuery({ ...none, fromDay: '2026-11' })).toEqual({});
  });

  it('passes actor and target as typed, trimmed', () => {
    expect(auditQuery({ ...none, actor: ' demo.admin ', targetId: 'abc ' })).toEqual({ actor: 'demo.admin', target_id: 'abc' });
  });
});

describe('the before/after diff', () => {
  it('marks every field added for a creation and removed for a deletion', () => {
    expect(stateDiff(undefined, { username: 'a', roles: ['ANALYST'] })).toEqual([
      { path: 'username', before: undefined, after: 'a', change: 'added' },
      { path: 'roles', before: undefined, after: ['ANALYST'], change: 'added' },
    ]);
    expect(stateDiff({ url: 'https://x' }, undefined)).toEqual([
      { path: 'url', before: 'https://x', after: undefined, change: 'removed' },
    ]);
  });

  it('compares role lists whole and finds what changed among what did not', () => {
    const lines = stateDiff(
      { username: 'a', roles: ['ANALYST'], enabled: true },
      { username: 'a', roles: ['OPERATOR'], enabled: true },
    );
    expect(lines.map((line) => [line.path, line.change])).toEqual([
      ['username', 'same'],
      ['roles', 'changed'],
      ['enabled', 'same'],
    ]);
    expect(changedLines(lines).map((line) => line.path)).toEqual(['roles']);
  });

  it('walks into nested objects and lists of objects (a vendor key revoked)', () => {
    const before = { api_keys: [{ id: 'k1', prefix: 'ab12' }], mapping: { pull: { api_key: '[redacted]' } } };
    const after = {
      api_keys: [{ id: 'k1', prefix: 'ab12', revoked_at: '2026-11-26T10:00:00Z' }],
      mapping: { pull: { api_key: '[redacted]' } },
    };
    expect(changedLines(stateDiff(before, after))).toEqual([
      { path: 'api_keys[0].revoked_at', before: undefined, after: '2026-11-26T10:00:00Z', change: 'added' },
    ]);
  });

  it('shows everything when nothing changed, so a row never looks empty', () => {
    const lines = stateDiff({ a: 1 }, { a: 1 });
    expect(changedLines(lines)).toEqual(lines);
    expect(stateDiff(undefined, undefined)).toEqual([]);
  });
});

describe('values as text', () => {
  it('writes strings bare, absence as a dash and the rest as JSON', () => {
    expect(formatStateValue('x')).toBe('x');
    expect(formatStateValue(undefined)).toBe('—');
    expect(formatStateValue(null)).toBe('—');
    expect(formatStateValue(['A', 'B'])).toBe('["A","B"]');
    expect(formatStateValue(false)).toBe('false');
  });
});
