import { useMemo, useState } from 'react';
import { Alert, Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import PowerOffIcon from '@mui/icons-material/PowerOff';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { messageOf } from '../../api/problem';
import { DATA_OPERATORS, hasAnyRole } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { fromSortParam, toSortParam } from '../../components/serverSort';
import { useUrlListState } from '../../components/useUrlListState';
import { formatCount, formatIstDateTime } from '../../format/indian';
import { AlarmActions } from './AlarmActions';
import { ALARM_KINDS, ALARM_SORTABLE, ALARM_STATUSES, alarmPlace, isOutage, kindLabel, type Alarm, type AlarmKind, type AlarmStatus } from './alarmLabels';
import { useAlarmPage } from './alarmQueries';
import { useAlarmStream, type StreamState } from './useAlarmStream';

const PAGE_SIZES = [25, 50, 100];
const istTime = (value: string | undefined) => (value ? formatIstDateTime(value) : '');

function columns(canAct: boolean, onFailure: (error: unknown) => void): GridColDef<Alarm>[] {
  const kind: GridColDef<Alarm> = {
    field: 'kind',
    headerName: 'Kind',
    width: 170,
    valueGetter: (value: string | undefined) => kindLabel(value),
    renderCell: ({ row, value }) => (
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
        {isOutage(row) && <PowerOffIcon fontSize="small" color="error" aria-hidden />}
        <span>{value}</span>
      </Stack>
    ),
  };
  const actions: GridColDef<Alarm> = {
    field: 'actions',
    headerName: 'Actions',
    width: 210,
    sortable: false,
    renderCell: ({ row, tabIndex }) => <AlarmActions alarm={row} tabIndex={tabIndex} onFailure={onFailure} />,
  };
  // what and where first, then the actions, so they show without scrolling sideways
  return [
    kind,
    { field: 'place', headerName: 'Where', width: 190, valueGetter: (_v, row) => alarmPlace(row) },
    { field: 'status', headerName: 'Status', width: 120 },
    ...(canAct ? [actions] : []),
    { field: 'acknowledged_by', headerName: 'Acknowledged by', width: 130 },
    { field: 'title', headerName: 'Alarm', flex: 1, minWidth: 180 },
    { field: 'severity', headerName: 'Severity', width: 100 },
    { field: 'occurrences', headerName: 'Times', width: 70, type: 'number' },
    { field: 'last_at', headerName: 'Last (IST)', width: 180, valueFormatter: istTime },
  ];
}

const STREAM_LABELS: Record<StreamState, string> = {
  connecting: 'Connecting to the live stream…',
  live: 'Live',
  reconnecting: 'Live stream interrupted, reconnecting…',
};

/** Alarms of the tenant, newest first, kept current by the live stream; outages stand out. */
export default function AlarmsPage() {
  const session = useSignedIn();
  const canAct = hasAnyRole(session.roles, DATA_OPERATORS);
  const { state, update } = useUrlListState(['status', 'kind', 'sort'] as const);
  const alarms = useAlarmPage(
    {
      status: (state.status || undefined) as AlarmStatus | undefined,
      kind: (state.kind || undefined) as AlarmKind | undefined,
      sort: state.sort || undefined,
    },
    state.page,
    state.size,
  );
  const stream = useAlarmStream();
  const [actionError, setActionError] = useState<unknown>();
  const gridColumns = useMemo(() => columns(canAct, setActionError), [canAct]);
  const sortModel = useMemo(() => fromSortParam(state.sort, ALARM_SORTABLE), [state.sort]);

  return (
    <>
      <PageHeader
        title="Alarms"
        subtitle={alarms.data ? `${formatCount(alarms.data.total ?? 0)} alarms match; ${state.sort ? 'sorted by the server across pages' : 'newest first'}, times in IST.` : 'Loading alarms…'}
        actions={<Chip label={STREAM_LABELS[stream.state]} color={stream.state === 'live' ? 'success' : 'default'} variant="outlined" />}
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <FilterSelect label="Status" anyLabel="Any status" value={state.status}
          options={ALARM_STATUSES.map(({ status, label }) => ({ value: status, label }))} onChange={(status) => update({ status })} />
        <FilterSelect label="Kind" anyLabel="Any kind" value={state.kind}
          options={ALARM_KINDS.map(({ kind, label }) => ({ value: kind, label }))} onChange={(kind) => update({ kind })} />
        <Box sx={{ flexGrow: 1 }} />
        <Typography variant="body2" color="text.secondary" aria-live="polite" data-testid="alarm-last-change">
          {stream.last ? `Latest: ${stream.last.change} · ${stream.last.alarm.title ?? ''} · ${alarmPlace(stream.last.alarm)}` : ''}
        </Typography>
      </Stack>
      {alarms.isError && <Alert severity="error">{messageOf(alarms.error)}</Alert>}
      {actionError !== undefined && (
        <Alert severity="error" onClose={() => setActionError(undefined)}>
          {messageOf(actionError)}
        </Alert>
      )}
      <Paper sx={{ height: 600, width: '100%' }}>
        <DataGrid
          aria-label="Alarms"
          rows={alarms.data?.items ?? []}
          getRowId={(row) => row.id ?? ''}
          columns={gridColumns}
          loading={alarms.isFetching && !alarms.data}
          paginationMode="server"
          sortingMode="server"
          sortModel={sortModel}
          onSortModelChange={(model) => update({ sort: toSortParam(model, ALARM_SORTABLE) })}
          rowCount={alarms.data?.total ?? 0}
          paginationModel={{ page: state.page, pageSize: state.size }}
          onPaginationModelChange={(model) => update({ page: model.page, size: model.pageSize })}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          getRowClassName={({ row }) => (isOutage(row) && row.status !== 'RESOLVED' ? 'alarm-outage' : '')}
          sx={(theme) => ({ '& .alarm-outage': { bgcolor: alpha(theme.palette.error.main, 0.12), fontWeight: 600 } })}
          density="compact"
        />
      </Paper>
    </>
  );
}
