import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { Alarm } from './alarmLabels';
import { parseEvents } from './alarmStream';

const RECONNECT_MS = 5_000;

export type StreamState = 'connecting' | 'live' | 'reconnecting';

export interface AlarmChange {
  change: string;
  alarm: Alarm;
}

/**
 * Follows the tenant's live alarm stream (Server-Sent Events). EventSource cannot send the bearer
 * token, so the stream is read through the typed client as a fetch body. Every change refreshes
 * the alarm lists and counts; the stream is opened again when the server ends it (every 30 min).
 */
export function useAlarmStream(): { state: StreamState; last?: AlarmChange } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const [last, setLast] = useState<AlarmChange>();

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function follow() {
      const body = unwrap(await api.GET('/api/v1/alarms/stream', { parseAs: 'stream', signal: abort.signal })) as
        | ReadableStream<Uint8Array>
        | null;
      if (!body) return;
      const reader = body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const { events, rest } = parseEvents(buffer + decoder.decode(value, { stream: true }));
        buffer = rest;
        for (const event of events) {
          if (event.event === 'ready') {
            setState('live');
            // changes made while the stream was closed
            void queryClient.invalidateQueries({ queryKey: ['alarms'] });
          } else {
            setLast({ change: event.event, alarm: JSON.parse(event.data) as Alarm });
            void queryClient.invalidateQueries({ queryKey: ['alarms'] });
          }
        }
      }
    }

    function run() {
      follow()
        .catch(() => undefined)
        .finally(() => {
          if (abort.signal.aborted) return;
          setState('reconnecting');
          timer = setTimeout(run, RECONNECT_MS);
        });
    }

    run();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [queryClient]);

  return { state, last };
}
