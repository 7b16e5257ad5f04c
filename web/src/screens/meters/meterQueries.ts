import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { LifecycleStage, MeterCategory } from './meterLabels';

export interface MeterFilter {
  serial?: string;
  stage?: LifecycleStage;
  category?: MeterCategory;
  hes_vendor_id?: string;
  consumer_id?: string;
  network_node_id?: string;
  /** serial (default), make, -stage_changed_at …: GET /meters sorts, so the order holds across pages. */
  sort?: string;
}

/** One page of meters matching the filter. */
export function useMeterPage(filter: MeterFilter, page: number, size: number) {
  return useQuery({
    queryKey: ['meters', filter, page, size],
    queryFn: async () => unwrap(await api.GET('/api/v1/meters', { params: { query: { ...filter, page, size } } })),
    placeholderData: (previous) => previous,
  });
}

/** How many meters match the filter (one-row page, read its total). */
export async function countMeters(filter: MeterFilter): Promise<number> {
  return unwrap(await api.GET('/api/v1/meters', { params: { query: { ...filter, page: 0, size: 1 } } })).total ?? 0;
}

export function useMeterCount(filter: MeterFilter) {
  return useQuery({ queryKey: ['meters', 'count', filter], queryFn: () => countMeters(filter) });
}

/** A bar of meters matching the filter, for a breakdown card. */
export function meterCountBucket(label: string, filter: MeterFilter) {
  return { label, queryKey: ['meters', 'count', filter], count: () => countMeters(filter) };
}

export function useMeter(meterId: string) {
  return useQuery({
    queryKey: ['meter', meterId],
    queryFn: async () => unwrap(await api.GET('/api/v1/meters/{id}', { params: { path: { id: meterId } } })),
  });
}
