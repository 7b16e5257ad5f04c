import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDecimal, formatQuantity } from '../../format/indian';
import { LoadProfileChart } from './LoadProfileChart';
import { hasValue } from './loadProfile';
import { IntervalHistoryDialog, type IntervalRef } from './IntervalHistoryDialog';
import { IntervalPicker } from './IntervalPicker';
import { ManualEditDialog } from './ManualEditDialog';

const CHANNELS = [
  { channel: 'KWH_IMPORT', label: 'kWh import' },
  { channel: 'KWH_EXPORT', label: 'kWh export' },
  { channel: 'KVAH_IMPORT', label: 'kVAh import' },
  { channel: 'VOLTAGE_R_AVG', label: 'Voltage R (average)' },
  { channel: 'CURRENT_R_AVG', label: 'Current R (average)' },
] as const;

const RANGES = [
  { days: 1, label: 'Last 24 hours', resolution: '15m' },
  { days: 2, label: 'Last 2 days', resolution: '15m' },
  { days: 7, label: 'Last 7 days', resolution: '1h' },
  { days: 31, label: 'Last 31 days', resolution: '1d' },
] as const;

type Channel = (typeof CHANNELS)[number]['channel'];

/** The meter's load profile: pick channel and range; bars by interval with quality shown. */
export function LoadProfileCard({ meterId, withHistory, canEdit = false }: { meterId: string; withHistory: boolean; canEdit?: boolean }) {
  const [editing, setEditing] = useState(false);
  const [versionsOf, setVersionsOf] = useState<IntervalRef | null>(null);
  const [channel, setChannel] = useState<Channel>('KWH_IMPORT');
  const [days, setDays] = useState<number>(1);
  const range = RANGES.find((r) => r.days === days) ?? RANGES[0];
  const series = useQuery({
    queryKey: ['consumption', meterId, channel, days],
    queryFn: async () => {
      const to = new Date();
      const from = new Date(to.getTime() - range.days * 86_400_000);
      return unwrap(
        await api.GET('/api/v1/meters/{meter_id}/consumption', {
          params: {
            path: { meter_id: meterId },
            query: { from: from.toISOString(), to: to.toISOString(), resolution: range.resolution, channel },
          },
        }),
      );
    },
  });

  return (
    <Card component="section" aria-labelledby="load-profile-title">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{mb: 1, alignItems: { sm: 'center' } }}>
          <Typography id="load-profile-title" component="h2" variant="h6" sx={{ flexGrow: 1 }}>
            Load profile
          </Typography>
          <TextField select size="small" label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <MenuItem key={c.channel} value={c.channel}>
                {c.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label="Range" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {RANGES.map((r) => (
              <MenuItem key={r.days} value={r.days}>
                {r.label} ({r.resolution})
              </MenuItem>
            ))}
          </TextField>
          {canEdit && (
            <Button variant="outlined" onClick={() => setEditing(true)}>
              Edit intervals…
            </Button>
          )}
        </Stack>
        <QueryStatus query={series}>
          {(s) =>
            !(s.points ?? []).some(hasValue) ? (
              <Alert severity="info">No intervals stored for this meter and channel in the range.</Alert>
            ) : (
              <>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="load-profile-total">
                  Total {formatQuantity(s.total?.value ?? 0, s.unit)} from {s.total?.intervals ?? 0} of{' '}
                  {s.total?.expected_intervals ?? 0} expected intervals (
                  {formatDecimal((s.total?.completeness ?? 0) * 100, 1)}% complete)
                </Typography>
                <LoadProfileChart
                  points={s.points ?? []}
                  unit={s.unit ?? ''}
                  onPickInterval={withHistory ? (at) => setVersionsOf({ meterId, channel, at }) : undefined}
                />
              </>
            )
          }
        </QueryStatus>
        {canEdit && (
          <ManualEditDialog meterId={meterId} channel={channel}
            channelLabel={CHANNELS.find((c) => c.channel === channel)?.label ?? channel} open={editing} onClose={() => setEditing(false)} />
        )}
        {withHistory && (
          <>
            <IntervalPicker onPick={(at) => setVersionsOf({ meterId, channel, at })} />
            <IntervalHistoryDialog interval={versionsOf} onClose={() => setVersionsOf(null)} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
