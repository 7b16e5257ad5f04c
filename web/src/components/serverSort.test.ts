import { describe, expect, it } from 'vitest';
import { fromSortParam, toSortParam } from './serverSort';

const SORTABLE = ['serial', 'make', 'stage_changed_at'];

describe('server-side sorting', () => {
  it('turns the grid sort into the API parameter and back', () => {
    expect(toSortParam([{ field: 'make', sort: 'asc' }], SORTABLE)).toBe('make');
    expect(toSortParam([{ field: 'stage_changed_at', sort: 'desc' }], SORTABLE)).toBe('-stage_changed_at');
    expect(fromSortParam('-stage_changed_at', SORTABLE)).toEqual([{ field: 'stage_changed_at', sort: 'desc' }]);
    expect(fromSortParam('make', SORTABLE)).toEqual([{ field: 'make', sort: 'asc' }]);
  });

  it('falls back to the default order for no sort or a column the API cannot sort by', () => {
    expect(toSortParam([], SORTABLE)).toBe('');
    expect(toSortParam([{ field: 'hes_vendor_id', sort: 'asc' }], SORTABLE)).toBe('');
    expect(toSortParam([{ field: 'make', sort: null }], SORTABLE)).toBe('');
    expect(fromSortParam('', SORTABLE)).toEqual([]);
    expect(fromSortParam('-owner', SORTABLE)).toEqual([]);
  });
});
