import { Button, Stack } from '@mui/material';
import type { Alarm } from './alarmLabels';
import { useAlarmAction } from './alarmQueries';

/** Acknowledge (when open) and resolve (until resolved) buttons for one alarm, e.g. in a grid cell. */
export function AlarmActions({ alarm, tabIndex, onFailure }: { alarm: Alarm; tabIndex?: number; onFailure(error: unknown): void }) {
  const acknowledge = useAlarmAction('acknowledge');
  const resolve = useAlarmAction('resolve');
  const id = alarm.id ?? '';
  const busy = acknowledge.isPending || resolve.isPending;
  const where = alarm.meter_serial ?? alarm.network_node_code ?? '';
  return (
    <Stack direction="row" spacing={1}>
      {alarm.status === 'OPEN' && (
        <Button size="small" variant="outlined" tabIndex={tabIndex} disabled={busy}
          aria-label={`Acknowledge ${alarm.title ?? 'alarm'} ${where}`.trim()}
          onClick={(e) => { e.stopPropagation(); acknowledge.mutate({ id }, { onError: onFailure }); }}>
          Acknowledge
        </Button>
      )}
      {alarm.status !== 'RESOLVED' && (
        <Button size="small" tabIndex={tabIndex} disabled={busy}
          aria-label={`Resolve ${alarm.title ?? 'alarm'} ${where}`.trim()}
          onClick={(e) => { e.stopPropagation(); resolve.mutate({ id }, { onError: onFailure }); }}>
          Resolve
        </Button>
      )}
    </Stack>
  );
}
