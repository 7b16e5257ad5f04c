import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { AuditQuery } from './auditTrail';

export type AuditEvent = Schemas['AuditEvent'];
export type ChainCheck = Schemas['ChainCheck'];

/** A page of the trail, newest first; the previous page stays shown while the next loads. */
export function useAuditPage(query: AuditQuery, page: number, size: number) {
  return useQuery({
    queryKey: ['audit-trail', query, page, size],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/audit-trail', { params: { query: { ...query, page, size } } })),
    placeholderData: keepPreviousData,
  });
}

/** Checks the chain on request (it reads the whole trail, so never on its own). */
export function useChainCheck() {
  return useMutation({
    mutationFn: async (): Promise<ChainCheck> => unwrap(await api.GET('/api/v1/audit-trail/verify')),
  });
}

/**
 * Downloads the CSV export of the filter through the signed-in client (a plain link would carry no token) and
 * hands it to the browser as a file.
 */
export function useCsvDownload() {
  return useMutation({
    mutationFn: async (query: AuditQuery) => {
      const outcome = await api.GET('/api/v1/audit-trail/export', { params: { query }, parseAs: 'blob' });
      const blob = unwrap(outcome) as unknown as Blob;
      const name = /filename="?([^";]+)"?/.exec(outcome.response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'audit-trail.csv';
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    },
  });
}
