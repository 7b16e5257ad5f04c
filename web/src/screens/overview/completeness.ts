import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { Schemas } from '../../api/client';

export type VendorCompleteness = Schemas['VendorCompleteness'];

/** A row of the completeness table: one vendor, or all vendors together. */
export interface CompletenessRow {
  key: string;
  label: string;
  meters: number;
  expected: number;
  received: number;
  estimated: number;
  validated: number;
  receivedShare?: number;
  validatedShare?: number;
  rowsPerMinute: number;
}

function share(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.min(part, whole) / whole;
}

/**
 * The vendors' rows (vendors without meters in service are left out: they expect nothing), then a
 * total over them when there is more than one. Shares of the total are recomputed from the counts.
 */
export function completenessRows(vendors: readonly VendorCompleteness[], windowMinutes: number): CompletenessRow[] {
  const rows: CompletenessRow[] = vendors
    .filter((v) => (v.meters ?? 0) > 0 || (v.rows_accepted ?? 0) > 0)
    .map((v) => ({
      key: v.vendor_id ?? v.vendor_code ?? '',
      label: v.vendor_code ?? '',
      meters: v.meters ?? 0,
      expected: v.expected_intervals ?? 0,
      received: v.received_intervals ?? 0,
      estimated: v.estimated_intervals ?? 0,
      validated: v.validated_intervals ?? 0,
      receivedShare: v.received_share ?? undefined,
      validatedShare: v.validated_share ?? undefined,
      rowsPerMinute: v.rows_per_minute ?? 0,
    }));
  if (rows.length < 2) return rows;
  const sum = (pick: (row: CompletenessRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const expected = sum((r) => r.expected);
  const received = sum((r) => r.received);
  const validated = sum((r) => r.validated);
  const rowsAccepted = vendors.reduce((total, v) => total + (v.rows_accepted ?? 0), 0);
  return [
    ...rows,
    {
      key: 'all',
      label: 'All vendors',
      meters: sum((r) => r.meters),
      expected,
      received,
      estimated: sum((r) => r.estimated),
      validated,
      receivedShare: share(received, expected),
      validatedShare: share(validated, expected),
      rowsPerMinute: Math.round((rowsAccepted / windowMinutes) * 100) / 100,
    },
  ];
}

/** Today's completeness per vendor and the ingest rate of the last hour; refreshed every minute. */
export function useCompleteness(refreshMs = 60_000) {
  return useQuery({
    queryKey: ['ingest', 'completeness'],
    queryFn: async () => unwrap(await api.GET('/api/v1/ingest/completeness', { params: { query: {} } })),
    refetchInterval: refreshMs,
  });
}
