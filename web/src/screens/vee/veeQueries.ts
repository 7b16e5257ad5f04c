import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { Resolution, VeeRule } from './veeLabels';

export interface ExceptionFilter {
  status?: string;
  rule?: VeeRule;
  meter_id?: string;
  vendor_id?: string;
  dt_id?: string;
  blocking?: boolean;
  older_than_hours?: number;
  /** A column of VEE_SORTABLE, '-' first for descending; none: oldest detection first. */
  sort?: string;
}

/** One page of the exceptions queue (paged by the server). */
export function useExceptionPage(filter: ExceptionFilter, page: number, size: number) {
  return useQuery({
    queryKey: ['vee', 'exceptions', filter, page, size],
    queryFn: async () => unwrap(await api.GET('/api/v1/vee/exceptions', { params: { query: { ...filter, page, size } } })),
    placeholderData: (previous) => previous,
  });
}

export function useException(id: string | undefined) {
  return useQuery({
    queryKey: ['vee', 'exception', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/vee/exceptions/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

/** Pass rates per vendor over tenant-local days (default: today). */
export function useVeeStatistics(from?: string, to?: string) {
  return useQuery({
    queryKey: ['vee', 'statistics', from, to],
    queryFn: async () => unwrap(await api.GET('/api/v1/vee/statistics', { params: { query: { from, to } } })),
  });
}

/** After a change, the queue, the exception and the data it covers are read again. */
function useRefreshVee() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['vee'] });
    void queryClient.invalidateQueries({ queryKey: ['consumption'] });
    void queryClient.invalidateQueries({ queryKey: ['interval-history'] });
  };
}

export function useResolveException(id: string) {
  const refresh = useRefreshVee();
  return useMutation({
    mutationFn: async (resolution: Resolution) =>
      unwrap(await api.POST('/api/v1/vee/exceptions/{id}/resolve', { params: { path: { id } }, body: resolution })),
    onSuccess: refresh,
  });
}

export function useResolveExceptions() {
  const refresh = useRefreshVee();
  return useMutation({
    mutationFn: async ({ ids, resolution }: { ids: string[]; resolution: Resolution }) =>
      unwrap(await api.POST('/api/v1/vee/exceptions/resolve', { body: { ids, resolution } })),
    onSuccess: refresh,
  });
}

export function useAssignException(id: string) {
  const refresh = useRefreshVee();
  return useMutation({
    mutationFn: async (assignee: string) =>
      unwrap(await api.POST('/api/v1/vee/exceptions/{id}/assign', { params: { path: { id } }, body: { assignee } })),
    onSuccess: refresh,
  });
}
