import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/** The tenant's HES vendors (a tenant has a handful). */
export function useVendors(enabled = true) {
  return useQuery({
    queryKey: ['vendors'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hes-vendors', { params: { query: { page: 0, size: 200 } } })).items ?? [],
    enabled,
  });
}

export function useVendor(vendorId: string) {
  return useQuery({
    queryKey: ['vendor', vendorId],
    queryFn: async () => unwrap(await api.GET('/api/v1/hes-vendors/{id}', { params: { path: { id: vendorId } } })),
  });
}

/** Vendor id → code, for showing vendors by name in lists. */
export function useVendorCodes(enabled = true): Map<string, string> {
  const vendors = useVendors(enabled);
  return new Map((vendors.data ?? []).map((v) => [v.id ?? '', v.code ?? '']));
}
