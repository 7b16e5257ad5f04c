import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime, formatQuantity } from '../../format/indian';
import { IntervalHistoryDialog, type IntervalRef } from '../meters/IntervalHistoryDialog';
import { hasValue, originOf } from '../meters/loadProfile';
import type { VeeException } from './veeLabels';

/** Interval channels (the rest are registers, which have no per-interval series). */
const INTERVAL_CHANNELS = new Set([
  'KWH_IMPORT', 'KWH_EXPORT', 'KVAH_IMPORT', 'KVAH_EXPORT',
  'VOLTAGE_R_AVG', 'VOLTAGE_Y_AVG', 'VOLTAGE_B_AVG', 'CURRENT_R_AVG', 'CURRENT_Y_AVG', 'CURRENT_B_AVG',
]);

/** The widest interval length a mapping may declare; the series starts that far before the first end. */
const LONGEST_INTERVAL_MS = 60 * 60_000;

function useStoredIntervals(exception: VeeException) {
  return useQuery({
    queryKey: ['consumption', exception.meter_id, exception.channel, 'exception', exception.first_at, exception.last_at],
    queryFn: async () => {
      const first = new Date(exception.first_at ?? '');
      const from = new Date(first.getTime() - LONGEST_INTERVAL_MS);
      const to = new Date(exception.last_at ?? exception.first_at ?? '');
      const series = unwrap(
        await api.GET('/api/v1/meters/{meter_id}/consumption', {
          params: {
            path: { meter_id: exception.meter_id ?? '' },
            query: { from: from.toISOString(), to: to.toISOString(), resolution: '15m', channel: exception.channel },
          },
        }),
      );
      const points = (series.points ?? []).filter((p) => p.end && new Date(p.end) >= first);
      return { unit: series.unit ?? '', points };
    },
    enabled: INTERVAL_CHANNELS.has(exception.channel ?? ''),
  });
}

interface IntervalComparisonProps {
  exception: VeeException;
  /** What the pending resolution would store, per interval ("as stored", a value, "estimated by VEE"). */
  proposed(stored: number | null, unit: string): string;
}

/**
 * The intervals an exception covers: the value stored now (as received or as changed since) beside
 * what the resolution being prepared would store; each interval's versions open in a dialog.
 */
export function IntervalComparison({ exception, proposed }: IntervalComparisonProps) {
  const stored = useStoredIntervals(exception);
  const [versions, setVersions] = useState<IntervalRef | null>(null);
  if (!INTERVAL_CHANNELS.has(exception.channel ?? '')) {
    return <Alert severity="info">{exception.channel} is a register: its reads are shown on the meter's page.</Alert>;
  }
  return (
    <QueryStatus query={stored}>
      {({ unit, points }) => (
        <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
          <Table size="small" stickyHeader aria-label="Stored and proposed values">
            <TableHead>
              <TableRow>
                <TableCell>Interval end (IST)</TableCell>
                <TableCell align="right">Stored now</TableCell>
                <TableCell align="right">Proposed</TableCell>
                <TableCell>History</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {points.map((p) => {
                const value = hasValue(p) ? (p.value as number) : null;
                const when = formatIstDateTime(p.end ?? '');
                return (
                  <TableRow key={p.end}>
                    <TableCell>{when}</TableCell>
                    <TableCell align="right">
                      {value === null ? 'missing' : `${formatQuantity(value, unit)}${originOf(p) === 'actual' ? '' : ` (${originOf(p)})`}`}
                    </TableCell>
                    <TableCell align="right">{proposed(value, unit)}</TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        aria-label={`Versions of the interval ending ${when}`}
                        onClick={() => setVersions({ meterId: exception.meter_id ?? '', channel: exception.channel ?? '', at: p.end ?? '' })}
                      >
                        Versions
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <IntervalHistoryDialog interval={versions} onClose={() => setVersions(null)} />
        </Box>
      )}
    </QueryStatus>
  );
}
