import { useQuery } from '@tanstack/react-query';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime, formatQuantity } from '../../format/indian';

export interface IntervalRef {
  meterId: string;
  channel: string;
  /** The interval's end, ISO-8601. */
  at: string;
}

export function useIntervalHistory(interval: IntervalRef | null) {
  return useQuery({
    queryKey: ['interval-history', interval?.meterId, interval?.channel, interval?.at],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/meters/{meter_id}/intervals/history', {
          params: { path: { meter_id: interval?.meterId ?? '' }, query: { at: interval?.at ?? '', channel: interval?.channel } },
        }),
      ),
    enabled: interval !== null,
  });
}

/** Every version one interval has had, oldest first: as received, estimates, re-sends, edits. */
export function IntervalVersionsTable({ interval }: { interval: IntervalRef }) {
  const history = useIntervalHistory(interval);
  return (
    <QueryStatus query={history}>
      {(h) => (
        <Table size="small" aria-label={`Versions of the interval ending ${formatIstDateTime(interval.at)}`}>
          <TableHead>
            <TableRow>
              <TableCell>Value</TableCell>
              <TableCell>Quality</TableCell>
              <TableCell>Written by</TableCell>
              <TableCell>Valid from (IST)</TableCell>
              <TableCell>Valid to (IST)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(h.versions ?? []).length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>No value was ever stored for this interval.</TableCell>
              </TableRow>
            )}
            {(h.versions ?? []).map((v, i) => (
              <TableRow key={`${v.valid_from}-${i}`} selected={v.current}>
                <TableCell>{v.value == null ? 'missing' : formatQuantity(v.value, h.unit)}</TableCell>
                <TableCell>{(v.quality ?? []).join(', ') || '—'}</TableCell>
                <TableCell>{v.written_by ?? '—'}</TableCell>
                <TableCell>{v.valid_from ? formatIstDateTime(v.valid_from) : '—'}</TableCell>
                <TableCell>{v.current ? 'current' : v.valid_to ? formatIstDateTime(v.valid_to) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </QueryStatus>
  );
}

/** A dialog with the version history of one interval. */
export function IntervalHistoryDialog({ interval, onClose }: { interval: IntervalRef | null; onClose(): void }) {
  return (
    <Dialog open={interval !== null} onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>Interval ending {interval ? formatIstDateTime(interval.at) : ''}: versions</DialogTitle>
      <DialogContent>{interval && <IntervalVersionsTable interval={interval} />}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
