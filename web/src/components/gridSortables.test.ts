import { describe, expect, it } from 'vitest';
import { ALARM_SORTABLE } from '../screens/alarms/alarmLabels';
import { VEE_SORTABLE } from '../screens/vee/veeLabels';
import { fromSortParam, toSortParam } from './serverSort';
import specText from '../../openapi.json?raw';

/** The operation's description in the committed OpenAPI snapshot, which lists the server's sort columns. */
function described(path: string): string {
  const spec = JSON.parse(specText);
  return spec.paths[path].get.description as string;
}

describe('grids sorted by the server', () => {
  it.each([
    ['/api/v1/vee/exceptions', VEE_SORTABLE],
    ['/api/v1/alarms', ALARM_SORTABLE],
  ])('offers only columns %s sorts by', (path, sortable) => {
    const description = described(path);
    const sortList = description.slice(description.indexOf('sort:'));
    for (const column of sortable) expect(sortList).toMatch(new RegExp(`\\b${column}\\b`));
    expect(description).toContain("leading '-' for descending");
  });

  it('keeps the VEE and alarm sorts in the URL both ways and drops a column the server cannot sort by', () => {
    expect(toSortParam([{ field: 'first_at', sort: 'desc' }], VEE_SORTABLE)).toBe('-first_at');
    expect(fromSortParam('meter_serial', VEE_SORTABLE)).toEqual([{ field: 'meter_serial', sort: 'asc' }]);
    expect(toSortParam([{ field: 'vendor_id', sort: 'asc' }], VEE_SORTABLE)).toBe('');
    expect(toSortParam([{ field: 'severity', sort: 'desc' }], ALARM_SORTABLE)).toBe('-severity');
    expect(fromSortParam('-place', ALARM_SORTABLE)).toEqual([{ field: 'place', sort: 'desc' }]);
    expect(toSortParam([{ field: 'actions', sort: 'asc' }], ALARM_SORTABLE)).toBe('');
  });
});
