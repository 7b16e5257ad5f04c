import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Link, Paper, Stack, TextField } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { api, type Schemas } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useUrlListState } from '../../components/useUrlListState';
import { formatCount, formatIstDateTime } from '../../format/indian';
import { useVendorCodes } from '../vendors/vendorQueries';
import { formatSilence } from './alarmRulesForm';

type SilentMeter = Schemas['SilentMeter'];

const PAGE_SIZES = [25, 50, 100];
const KEYS = ['hours'] as const;

function columns(vendorCodes: Map<string, string>): GridColDef<SilentMeter>[] {
  return [
    {
      field: 'serial',
      headerName: 'Meter',
      flex: 1,
      minWidth: 140,
      renderCell: ({ row }) => (
        <Link component={RouterLink} to={`/meters/${row.meter_id}`}>
          {row.serial}
        </Link>
      ),
    },
    {
      field: 'hes_vendor_id',
      headerName: 'HES vendor',
      width: 120,
      valueGetter: (value: string | undefined) => (value ? vendorCodes.get(value) ?? '' : ''),
    },
    {
      field: 'last_seen_at',
      headerName: 'Last heard (IST)',
      width: 200,
      valueFormatter: (value: string | undefined) => (value ? formatIstDateTime(value) : 'Never'),
    },
    {
      field: 'silent_since',
      headerName: 'Silent since (IST)',
      width: 200,
      valueFormatter: (value: string | undefined) => (value ? formatIstDateTime(value) : ''),
    },
    {
      field: 'silent_for',
      headerName: 'Silent for',
      width: 120,
      sortable: false,
      valueGetter: (_value: unknown, row: SilentMeter) => (row.silent_since ? formatSilence(row.silent_since) : ''),
    },
  ];
}

/**
 * The communication-loss exception report: commissioned and in-service meters not heard from
 * (readings or events) for longer than the chosen period, longest silent first, paged by the server.
 */
export default function CommunicationLossPage() {
  const { state, update } = useUrlListState(KEYS, 50);
  const hours = useDebouncedValue(state.hours, 400);
  const vendorCodes = useVendorCodes(true);
  const gridColumns = useMemo(() => columns(vendorCodes), [vendorCodes]);
  const report = useQuery({
    queryKey: ['alarms', 'communication-loss', hours, state.page, state.size],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/alarms/communication-loss', {
          params: { query: { silent_hours: hours ? Number(hours) : undefined, page: state.page, size: state.size } },
        }),
      ),
    placeholderData: (previous) => previous,
    enabled: hours === '' || /^[1-9]\d*$/.test(hours),
  });
  const hoursError = state.hours !== '' && !/^[1-9]\d*$/.test(state.hours) ? 'Whole hours, e.g. 48' : fieldErrorsOf(report.error).silent_hours;

  return (
    <>
      <PageHeader
        title="Communication loss"
        subtitle={
          report.data
            ? `${formatCount(report.data.total ?? 0)} meters in service silent for ${
                hours ? `${formatCount(Number(hours))} hours` : 'the period of the alarm rules'
              } or longer; times in IST.`
            : 'Loading the report…'
        }
      />
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <TextField
          size="small"
          label="Silent for at least (hours)"
          inputMode="numeric"
          value={state.hours}
          onChange={(e) => update({ hours: e.target.value.trim() })}
          error={Boolean(hoursError)}
          helperText={hoursError ?? 'Empty: as the alarm rules say'}
          sx={{ width: 260 }}
        />
      </Stack>
      {report.isError && !fieldErrorsOf(report.error).silent_hours && <Alert severity="error">{messageOf(report.error)}</Alert>}
      <Paper sx={{ height: 560, width: '100%' }}>
        <DataGrid
          aria-label="Silent meters"
          rows={report.data?.items ?? []}
          getRowId={(row) => row.meter_id ?? ''}
          columns={gridColumns}
          loading={report.isFetching}
          paginationMode="server"
          sortingMode="server"
          disableColumnSorting
          rowCount={report.data?.total ?? 0}
          paginationModel={{ page: state.page, pageSize: state.size }}
          onPaginationModelChange={(model) => update({ page: model.page, size: model.pageSize })}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          density="compact"
        />
      </Paper>
    </>
  );
}
