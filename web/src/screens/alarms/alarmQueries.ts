import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { AlarmKind, AlarmStatus } from './alarmLabels';

export interface AlarmFilter {
  status?: AlarmStatus;
  kind?: AlarmKind;
  meter_id?: string;
  network_node_id?: string;
  /** A column of ALARM_SORTABLE, '-' first for descending; none: newest first. */
  sort?: string;
}

export function useAlarmPage(filter: AlarmFilter, page: number, size: number) {
  return useQuery({
    queryKey: ['alarms', 'list', filter, page, size],
    queryFn: async () => unwrap(await api.GET('/api/v1/alarms', { params: { query: { ...filter, page, size } } })),
    placeholderData: (previous) => previous,
  });
}

/** How many alarms match (one-row page, read its total). */
export async function countAlarms(filter: AlarmFilter): Promise<number> {
  return unwrap(await api.GET('/api/v1/alarms', { params: { query: { ...filter, page: 0, size: 1 } } })).total ?? 0;
}

/** Acknowledge or resolve an alarm, with an optional note. */
export function useAlarmAction(action: 'acknowledge' | 'resolve') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, note }: { id: string; note?: string }) => {
      const options = { params: { path: { id } }, body: { note } };
      return unwrap(
        action === 'acknowledge'
          ? await api.POST('/api/v1/alarms/{id}/acknowledge', options)
          : await api.POST('/api/v1/alarms/{id}/resolve', options),
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alarms'] }),
  });
}
