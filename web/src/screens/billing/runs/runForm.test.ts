import { describe, expect, it } from 'vitest';
import { BLANK_CYCLE, BLANK_RUN, checkCycleDraft, checkRunDraft, daysIncluded, istToday, newCycle, parseAccountNumbers, runRequest } from './runForm';

const today = '2026-12-07';

describe('start a run', () => {
  it('bills a cycle for its last complete period without days', () => {
    const draft = { ...BLANK_RUN, cycleCode: 'C-05' };
    expect(checkRunDraft(draft, today)).toEqual({});
    expect(runRequest(draft)).toEqual({ cycle_code: 'C-05' });
  });

  it('asks for a cycle, and for days when chosen', () => {
    expect(checkRunDraft({ ...BLANK_RUN, lastCompletePeriod: false }, today)).toEqual({
      cycle_code: 'Choose a cycle', first_day: 'Required', last_day: 'Required',
    });
    const draft = { ...BLANK_RUN, cycleCode: 'C-05', lastCompletePeriod: false, firstDay: '2026-11-01', lastDay: '2026-11-30' };
    expect(runRequest(draft)).toEqual({ cycle_code: 'C-05', first_day: '2026-11-01', last_day: '2026-11-30' });
  });

  it('refuses days after today, backwards or longer than 62 days', () => {
    const named = { ...BLANK_RUN, target: 'NAMED' as const, accountNumbers: 'GGN4100001' };
    expect(checkRunDraft({ ...named, firstDay: '2026-12-01', lastDay: '2026-12-08' }, today).last_day).toMatch(/Not after today/);
    expect(checkRunDraft({ ...named, firstDay: '2026-12-05', lastDay: '2026-12-01' }, today).last_day).toBe('Not before the first day');
    expect(checkRunDraft({ ...named, firstDay: '2026-09-01', lastDay: '2026-11-02' }, today).last_day).toBe('A period is at most 62 days');
    expect(checkRunDraft({ ...named, firstDay: '2026-09-01', lastDay: '2026-11-01' }, today)).toEqual({});
  });

  it('names consumers by account number and sends their ids', () => {
    expect(parseAccountNumbers(' GGN4100001, GGN4100002\nGGN4100001;')).toEqual(['GGN4100001', 'GGN4100002']);
    expect(checkRunDraft({ ...BLANK_RUN, target: 'NAMED', firstDay: '2026-12-01', lastDay: '2026-12-02' }, today))
      .toEqual({ consumer_ids: 'Give at least one account number' });
    const draft = { ...BLANK_RUN, target: 'NAMED' as const, kind: 'FINAL' as const, firstDay: '2026-12-01', lastDay: '2026-12-02' };
    expect(runRequest(draft, ['id-1'])).toEqual({ kind: 'FINAL', consumer_ids: ['id-1'], first_day: '2026-12-01', last_day: '2026-12-02' });
  });

  it('counts days inclusively and knows the IST today', () => {
    expect(daysIncluded('2026-11-01', '2026-11-30')).toBe(30);
    // 20:00 UTC is already the next day in IST
    expect(istToday(new Date('2026-12-07T20:00:00Z'))).toBe('2026-12-08');
    expect(istToday(new Date('2026-12-07T18:00:00Z'))).toBe('2026-12-07');
  });
});

describe('a new cycle', () => {
  it('checks what the server checks', () => {
    expect(checkCycleDraft({ ...BLANK_CYCLE, code: 'bad code', cycleDay: '31' })).toEqual({
      code: '1–64 letters, digits, dots, dashes or underscores',
      name: '1–200 characters',
      cycle_day: '1 to 28, so that every month has it',
      node_ids: 'Add at least one network node',
    });
  });

  it('sends numbers and node ids', () => {
    const draft = { code: 'C-05', name: ' Sector 14 ', cycleDay: '5', months: '2' as const, nodes: [{ id: 'n1', label: 'DT-01-01' }] };
    expect(checkCycleDraft(draft)).toEqual({});
    expect(newCycle(draft)).toEqual({ code: 'C-05', name: 'Sector 14', cycle_day: 5, months: 2, node_ids: ['n1'] });
  });
});
