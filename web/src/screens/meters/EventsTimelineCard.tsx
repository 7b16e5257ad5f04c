import { useQuery } from '@tanstack/react-query';
import { Alert, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { QueryStatus } from '../../components/QueryStatus';
import { formatCount, formatIstDateTime } from '../../format/indian';

const EVENTS_SHOWN = 50;

/** "2 h 05 min", "45 min", "30 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${formatCount(Math.floor(hours / 24))} d ${hours % 24} h`;
}

function MeterEvents({ meterId }: { meterId: string }) {
  const events = useQuery({
    queryKey: ['meter-events', meterId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/meters/{meter_id}/events', { params: { path: { meter_id: meterId }, query: { size: EVENTS_SHOWN } } })),
  });
  return (
    <QueryStatus query={events}>
      {(page) =>
        (page.items ?? []).length === 0 ? (
          <Alert severity="info">No events in the last 31 days.</Alert>
        ) : (
          <Table size="small" aria-label="Meter events">
            <TableHead>
              <TableRow>
                <TableCell>When (IST)</TableCell>
                <TableCell>Event</TableCell>
                <TableCell>Code</TableCell>
                <TableCell>Category</TableCell>
                <TableCell>Severity</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(page.items ?? []).map((e, i) => (
                <TableRow key={`${e.occurred_at}-${e.code ?? e.raw_code}-${i}`}>
                  <TableCell>{e.occurred_at ? formatIstDateTime(e.occurred_at) : '—'}</TableCell>
                  <TableCell>{e.known ? e.name : `Unmapped vendor code ${e.raw_code ?? ''}`}</TableCell>
                  <TableCell>{e.code ?? e.raw_code ?? '—'}</TableCell>
                  <TableCell>{e.category ?? '—'}</TableCell>
                  <TableCell>{e.severity ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      }
    </QueryStatus>
  );
}

function MeterEpisodes({ meterId }: { meterId: string }) {
  const episodes = useQuery({
    queryKey: ['meter-episodes', meterId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/meters/{meter_id}/events/episodes', { params: { path: { meter_id: meterId } } })),
  });
  return (
    <QueryStatus query={episodes}>
      {(list) =>
        list.length === 0 ? (
          <Alert severity="info">No occurrences paired with restorations in the last 31 days.</Alert>
        ) : (
          <Table size="small" aria-label="Event episodes">
            <TableHead>
              <TableRow>
                <TableCell>Condition</TableCell>
                <TableCell>Started (IST)</TableCell>
                <TableCell>Ended (IST)</TableCell>
                <TableCell align="right">Lasted</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((e, i) => (
                <TableRow key={`${e.code}-${e.started_at}-${i}`}>
                  <TableCell>{e.name}</TableCell>
                  <TableCell>{e.started_at ? formatIstDateTime(e.started_at) : 'before the period'}</TableCell>
                  <TableCell>{e.ended_at ? formatIstDateTime(e.ended_at) : 'still on'}</TableCell>
                  <TableCell align="right">{e.duration_seconds == null ? '—' : formatDuration(e.duration_seconds)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      }
    </QueryStatus>
  );
}

/** The meter's events of the last 31 days, newest first, and its occurrences paired with restorations. */
export function EventsTimelineCard({ meterId }: { meterId: string }) {
  return (
    <Card component="section" aria-labelledby="events-title">
      <CardContent>
        <Stack spacing={2}>
          <Typography id="events-title" component="h2" variant="h6">
            Events (last 31 days)
          </Typography>
          <MeterEvents meterId={meterId} />
          <Typography component="h3" variant="subtitle1">
            Episodes: occurrence to restoration
          </Typography>
          <MeterEpisodes meterId={meterId} />
        </Stack>
      </CardContent>
    </Card>
  );
}
