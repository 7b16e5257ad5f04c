import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/** Every tenant; the tenant switcher reads the same list, so a change here shows there too. */
export const TENANTS_KEY = ['platform', 'tenants'] as const;
/** Each tenant's storage; under the platform storage key, so a change to either refreshes both. */
const TENANT_STORAGE_KEY = ['platform', 'storage', 'tenants'] as const;

export function useTenants(enabled = true) {
  return useQuery({
    queryKey: TENANTS_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/platform/tenants')),
    enabled,
  });
}

/** India's states and union territories as the server accepts them (its list is the one source). */
export function useIndianStates() {
  return useQuery({
    queryKey: ['platform', 'states'],
    queryFn: async () => unwrap(await api.GET('/api/v1/platform/states')),
    staleTime: Infinity,
  });
}

/** The server scans the interval store for this, so it is read with the list, not polled. */
export function useTenantStorage() {
  return useQuery({
    queryKey: TENANT_STORAGE_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/platform/storage/tenants')),
  });
}
