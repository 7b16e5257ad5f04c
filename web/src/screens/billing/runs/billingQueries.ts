import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/problem';
import { isRunning, type BillingRun } from './billingLabels';
import type { NewCycle, RunRequest } from './runForm';

export type SummaryLine = Schemas['SummaryLine'];
export type DeterminantsVersion = Schemas['DeterminantsVersion'];
export type RunExport = Schemas['RunExport'];
export type BillingSystem = Schemas['BillingSystem'];

/** How often a running run is asked for its progress. */
export const RUN_POLL_MS = 2_000;

export interface SummaryFilter {
  run_id?: string;
  account_no?: string;
  status?: string;
}

// The OpenAPI document merges the JSON and CSV operations and marks `format` required; any value but csv is JSON.
const JSON_FORMAT = 'json';

export function useCycles() {
  return useQuery({
    queryKey: ['billing', 'cycles'],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/cycles')),
  });
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (cycle: NewCycle) => unwrap(await api.POST('/api/v1/billing/cycles', { body: cycle })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['billing', 'cycles'] }),
  });
}

/** The latest runs, newest first; asked again every few seconds while one of them runs. */
export function useRuns() {
  return useQuery({
    queryKey: ['billing', 'runs'],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/runs', { params: { query: { limit: 50 } } })),
    refetchInterval: (query) => (query.state.data?.some(isRunning) ? RUN_POLL_MS : false),
  });
}

/** One run; asked again every few seconds until it is done or failed. */
export function useRun(runId: string) {
  return useQuery({
    queryKey: ['billing', 'run', runId],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/runs/{id}', { params: { path: { id: runId } } })),
    refetchInterval: (query) => (isRunning(query.state.data) ? RUN_POLL_MS : false),
  });
}

/** Named consumers' ids from their account numbers; an account number no consumer has is a field error. */
export async function consumerIdsOf(accountNumbers: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    accountNumbers.map(async (accountNo) => {
      const page = unwrap(await api.GET('/api/v1/consumers', { params: { query: { q: accountNo, size: 20 } } }));
      return { accountNo, id: page.items?.find((c) => c.account_no === accountNo)?.id };
    }),
  );
  const unknown = found.filter((f) => !f.id).map((f) => f.accountNo);
  if (unknown.length > 0) {
    throw new ApiError({ title: 'Unknown account numbers', errors: [{ field: 'consumer_ids', message: `No consumer has ${unknown.join(', ')}` }] }, 422);
  }
  return found.map((f) => f.id as string);
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ request, accountNumbers }: { request: RunRequest; accountNumbers: readonly string[] }): Promise<BillingRun> => {
      const body = accountNumbers.length > 0 ? { ...request, consumer_ids: await consumerIdsOf(accountNumbers) } : request;
      return unwrap(await api.POST('/api/v1/billing/runs', { body }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['billing', 'runs'] }),
  });
}

/** A page of the consumption summary (the latest version of each consumer-period). */
export function useSummary(filter: SummaryFilter, page: number, size: number, enabled = true) {
  return useQuery({
    queryKey: ['billing', 'summary', filter, page, size],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/billing/consumption-summary', { params: { query: { ...filter, page, size, format: JSON_FORMAT } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Downloads the summary page as CSV through the signed-in client (a plain link would carry no token) and hands it to
 * the browser as a file.
 */
export function useSummaryCsv() {
  return useMutation({
    mutationFn: async ({ filter, fileName }: { filter: SummaryFilter; fileName: string }) => {
      const outcome = await api.GET('/api/v1/billing/consumption-summary', {
        params: { query: { ...filter, format: 'csv', page: 0, size: 1000 } },
        parseAs: 'blob',
      });
      const blob = unwrap(outcome) as unknown as Blob;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
      return Number(outcome.response.headers.get('X-Total-Count') ?? 0);
    },
  });
}

/** The run's exception queue; asked again while the run goes on, and once more when its status changes. */
export function useExceptions(runId: string, runStatus: string | undefined) {
  const refreshWhile = runStatus === 'RUNNING';
  return useQuery({
    queryKey: ['billing', 'exceptions', runId, runStatus],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/exceptions', { params: { query: { run_id: runId, size: 100 } } })),
    refetchInterval: refreshWhile ? RUN_POLL_MS : false,
  });
}

export function useAcceptException() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) =>
      unwrap(await api.POST('/api/v1/billing/determinants/{id}/accept', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['billing', 'exceptions'] });
      void queryClient.invalidateQueries({ queryKey: ['billing', 'summary'] });
      void queryClient.invalidateQueries({ queryKey: ['billing', 'determinants'] });
    },
  });
}

export function useRunExports(runId: string) {
  return useQuery({
    queryKey: ['billing', 'exports', runId],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/runs/{id}/exports', { params: { path: { id: runId } } })),
  });
}

/** Automatic deliveries of this run that failed (the tenant's latest 500, filtered here). */
export function useRunExportFailures(runId: string) {
  return useQuery({
    queryKey: ['billing', 'exports', runId, 'failures'],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/export-failures')),
    select: (failures) => failures.filter((failure) => failure.run_id === runId),
  });
}

export function useExportRun(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (systemCode: string) =>
      unwrap(await api.POST('/api/v1/billing/runs/{id}/exports', { params: { path: { id: runId } }, body: { system_code: systemCode } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['billing', 'exports', runId] }),
  });
}

export function useBillingSystems(enabled: boolean) {
  return useQuery({
    queryKey: ['billing', 'systems'],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/systems')),
    enabled,
  });
}

export function useBillingSettings() {
  return useQuery({
    queryKey: ['billing', 'settings'],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/settings')),
    staleTime: 5 * 60_000,
  });
}

export function useDeterminants(id: string) {
  return useQuery({
    queryKey: ['billing', 'determinants', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/determinants/{id}', { params: { path: { id } } })),
  });
}

export function useDeterminantsHistory(id: string) {
  return useQuery({
    queryKey: ['billing', 'determinants', id, 'history'],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/determinants/{id}/history', { params: { path: { id } } })),
  });
}

/** The bill the determinants make; 422 (no tariff in force, a zone missing) is an answer to show, not a failure. */
export function useBillPreview(id: string) {
  return useQuery({
    queryKey: ['billing', 'determinants', id, 'bill-preview'],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/determinants/{id}/bill-preview', { params: { path: { id } } })),
  });
}

/** Network nodes whose code or name contains the text, for choosing a cycle's nodes. */
export function useNodeSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['network', 'nodes-search', q],
    queryFn: async () => unwrap(await api.GET('/api/v1/network/nodes', { params: { query: { q, size: 20 } } })).items ?? [],
    enabled: q.length >= 2,
  });
}

/** One node's code and name, for showing a cycle's nodes. */
export function useNode(id: string) {
  return useQuery({
    queryKey: ['network', 'node', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/network/nodes/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
  });
}
