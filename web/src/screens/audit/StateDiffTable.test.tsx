import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { StateDiffTable } from './StateDiffTable';

afterEach(cleanup);

describe('the before/after table of an audited action', () => {
  it('lists only the fields that changed, with both values', () => {
    render(
      <StateDiffTable
        before={{ username: 'demo.ops', roles: ['ANALYST'], enabled: true }}
        after={{ username: 'demo.ops', roles: ['OPERATOR'], enabled: false }}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Before and after' })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'FieldBeforeAfterChange',
      'roles["ANALYST"]["OPERATOR"]changed',
      'enabledtruefalsechanged',
    ]);
  });

  it('says so when the action recorded no state (a sign-in)', () => {
    render(<StateDiffTable />);
    expect(screen.getByText('No state recorded for this action.')).toBeTruthy();
  });
});
