import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { CounterRecharge } from './rechargeForm';

export type PrepaidAccount = Schemas['PrepaidAccount'];
export type LedgerEntry = Schemas['LedgerEntry'];
export type Recharge = Schemas['Recharge'];
export type SwitchOrder = Schemas['SwitchOrder'];

export interface AccountFilter {
  negative?: boolean;
  supply?: 'CONNECTED' | 'DISCONNECTED';
  account_no?: string;
}

/** A page of prepaid accounts, the lowest balance first. */
export function useAccounts(filter: AccountFilter, page: number, size: number) {
  return useQuery({
    queryKey: ['prepaid', 'accounts', filter, page, size],
    queryFn: async () => unwrap(await api.GET('/api/v1/prepaid/accounts', { params: { query: { ...filter, page, size } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: ['prepaid', 'account', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/prepaid/accounts/{id}', { params: { path: { id } } })),
  });
}

/** The ledger's balance, the provisional balance since the last charged day and the days left. */
export function useBalance(id: string) {
  return useQuery({
    queryKey: ['prepaid', 'account', id, 'balance'],
    queryFn: async () => unwrap(await api.GET('/api/v1/prepaid/accounts/{id}/balance', { params: { path: { id } } })),
  });
}

export function useLedger(id: string, page: number, size: number) {
  return useQuery({
    queryKey: ['prepaid', 'account', id, 'ledger', page, size],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/prepaid/accounts/{id}/ledger', { params: { path: { id }, query: { page, size } } })),
    placeholderData: keepPreviousData,
  });
}

export function useRecharges(accountId: string, page: number, size: number) {
  return useQuery({
    queryKey: ['prepaid', 'account', accountId, 'recharges', page, size],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/prepaid/recharges', { params: { query: { account_id: accountId, page, size } } })),
    placeholderData: keepPreviousData,
  });
}

/** After a recharge or a reconnection the account, its balance, ledger, recharges and the lists change. */
function useInvalidatePrepaid() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['prepaid'] });
}

export function useCounterRecharge() {
  const invalidate = useInvalidatePrepaid();
  return useMutation({
    mutationFn: async ({ accountNo, body }: { accountNo: string; body: CounterRecharge }) =>
      unwrap(await api.POST('/api/v1/prepaid/accounts/{accountNo}/recharges', { params: { path: { accountNo } }, body })),
    onSuccess: invalidate,
  });
}

export function useReconnect() {
  const invalidate = useInvalidatePrepaid();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) =>
      unwrap(await api.POST('/api/v1/prepaid/accounts/{id}/reconnect', { params: { path: { id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}

export interface SwitchingFilter {
  action?: 'DISCONNECT' | 'RECONNECT';
  status?: 'SCHEDULED' | 'SENT' | 'EXECUTED' | 'FAILED' | 'CANCELLED';
}

/** Disconnections and reconnections, latest first. */
export function useSwitching(filter: SwitchingFilter, page: number, size: number) {
  return useQuery({
    queryKey: ['prepaid', 'switching', filter, page, size],
    queryFn: async () => unwrap(await api.GET('/api/v1/prepaid/switching', { params: { query: { ...filter, page, size } } })),
    placeholderData: keepPreviousData,
  });
}
