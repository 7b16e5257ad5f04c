import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { PrepaidPolicy } from './policyForm';

/** The tenant's disconnection policy and prepaid rules (the defaults until saved). */
export function usePolicy() {
  return useQuery({
    queryKey: ['prepaid', 'policy'],
    queryFn: async () => unwrap(await api.GET('/api/v1/prepaid/policy')),
  });
}

/** The windows in which the calendar allows disconnection, the next 7 days. */
export function useWindows() {
  return useQuery({
    queryKey: ['prepaid', 'policy', 'windows'],
    queryFn: async () => unwrap(await api.GET('/api/v1/prepaid/policy/windows', { params: { query: { days: 7 } } })),
  });
}

/** The tenant's public holidays from today for a year. */
export function useHolidays() {
  return useQuery({
    queryKey: ['prepaid', 'policy', 'holidays'],
    queryFn: async () => unwrap(await api.GET('/api/v1/prepaid/holidays')),
  });
}

/** Saving the policy or a holiday moves the windows (and the holds the next sweep gives). */
function useInvalidatePolicy() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['prepaid', 'policy'] });
}

export function useSavePolicy() {
  const invalidate = useInvalidatePolicy();
  return useMutation({
    mutationFn: async (policy: PrepaidPolicy) => unwrap(await api.PUT('/api/v1/prepaid/policy', { body: policy })),
    onSuccess: invalidate,
  });
}

export function usePutHoliday() {
  const invalidate = useInvalidatePolicy();
  return useMutation({
    mutationFn: async ({ date, name }: { date: string; name: string }) =>
      unwrap(await api.PUT('/api/v1/prepaid/holidays/{date}', { params: { path: { date } }, body: { name } })),
    onSuccess: invalidate,
  });
}

export function useDeleteHoliday() {
  const invalidate = useInvalidatePolicy();
  return useMutation({
    mutationFn: async (date: string) => unwrap(await api.DELETE('/api/v1/prepaid/holidays/{date}', { params: { path: { date } } })),
    onSuccess: invalidate,
  });
}
