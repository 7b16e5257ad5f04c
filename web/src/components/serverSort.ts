import type { GridSortModel } from '@mui/x-data-grid';

/**
 * A grid's sort model as the API's `sort` parameter ("make", "-stage_changed_at") and back, for the
 * columns the API can sort by; anything else means the API's default order.
 */
export function toSortParam(model: GridSortModel, sortable: readonly string[]): string {
  const first = model[0];
  if (!first || !first.sort || !sortable.includes(first.field)) return '';
  return first.sort === 'desc' ? `-${first.field}` : first.field;
}

export function fromSortParam(param: string, sortable: readonly string[]): GridSortModel {
  const descending = param.startsWith('-');
  const field = descending ? param.slice(1) : param;
  return sortable.includes(field) ? [{ field, sort: descending ? 'desc' : 'asc' }] : [];
}
