import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { PreviewRequest } from './tariffPreviewForm';
import type { Tariff } from './tariffForm';

export function useTariffVersions() {
  return useQuery({
    queryKey: ['billing', 'tariffs'],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/tariffs')),
  });
}

/** A version never changes once added, so it is read once. */
export function useTariffVersion(id: string | undefined) {
  return useQuery({
    queryKey: ['billing', 'tariffs', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/tariffs/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
}

export function useCreateTariff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Tariff) => unwrap(await api.POST('/api/v1/billing/tariffs', { body })),
    onSuccess: (created) => {
      queryClient.setQueryData(['billing', 'tariffs', created.id], created);
      void queryClient.invalidateQueries({ queryKey: ['billing', 'tariffs'], exact: true });
    },
  });
}

export function usePreviewBill() {
  return useMutation({
    mutationFn: async (body: PreviewRequest) => unwrap(await api.POST('/api/v1/billing/tariffs/preview', { body })),
  });
}
