import { Link as RouterLink } from 'react-router';
import { Alert, Link, Paper, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { messageOf } from '../../api/problem';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useUrlListState } from '../../components/useUrlListState';
import { formatCount, formatIstDateTime } from '../../format/indian';
import { ToneChip } from '../billing/runs/StatusChip';
import { SWITCH_ACTIONS, SWITCH_STATUSES, switchActionLabel } from './prepaidLabels';
import { useSwitching, type SwitchingFilter, type SwitchOrder } from './prepaidQueries';
import { SwitchStatusChip } from './SupplyChip';

const PAGE_SIZES = [25, 50, 100];

const COLUMNS: GridColDef<SwitchOrder>[] = [
  { field: 'action', headerName: 'Action', width: 120, valueGetter: (_v, row) => switchActionLabel(row.action) },
  { field: 'status', headerName: 'Status', width: 130, renderCell: ({ row }) => <SwitchStatusChip status={row.status} /> },
  {
    field: 'account_no',
    headerName: 'Account',
    width: 140,
    renderCell: ({ row, value, tabIndex }) => (
      <Link component={RouterLink} to={`/prepaid/accounts/${row.account_id}`} tabIndex={tabIndex}>
        {value}
      </Link>
    ),
  },
  { field: 'send_at', headerName: 'Send at (IST)', width: 180, valueGetter: (_v, row) => (row.send_at ? formatIstDateTime(row.send_at) : '') },
  { field: 'deadline', headerName: 'Deadline (IST)', width: 180, valueGetter: (_v, row) => (row.deadline ? formatIstDateTime(row.deadline) : '') },
  {
    field: 'late', headerName: 'Late', width: 90,
    renderCell: ({ row }) => (row.late ? <ToneChip label="Late" color="error" /> : ''),
  },
  { field: 'attempts', headerName: 'Attempts', width: 90, type: 'number' },
  {
    field: 'reason', headerName: 'Reason / last error', flex: 1, minWidth: 320,
    renderCell: ({ row }) => (
      <Typography variant="body2" sx={{ whiteSpace: 'normal', py: 0.5 }}>
        {row.reason}
        {row.last_error && (
          <>
            <br />
            <Typography component="span" variant="body2" color="error">
              Last error: {row.last_error}
            </Typography>
          </>
        )}
      </Typography>
    ),
  },
  { field: 'requested_by', headerName: 'Requested by', width: 140 },
];

/** Prepaid disconnections and reconnections, latest first: when each is sent, its deadline and whether it was late. */
export default function PrepaidSwitchingPage() {
  const { state, update } = useUrlListState(['action', 'status'] as const);
  const filter: SwitchingFilter = {
    action: (state.action || undefined) as SwitchingFilter['action'],
    status: (state.status || undefined) as SwitchingFilter['status'],
  };
  const orders = useSwitching(filter, state.page, state.size);

  return (
    <>
      <PageHeader
        title="Prepaid switching"
        subtitle={
          orders.data
            ? `${formatCount(orders.data.total ?? 0)} disconnections and reconnections, latest first; times in IST.`
            : 'Loading disconnections and reconnections…'
        }
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <FilterSelect label="Action" anyLabel="Any action" value={state.action} options={SWITCH_ACTIONS} onChange={(action) => update({ action })} />
        <FilterSelect label="Status" anyLabel="Any status" value={state.status} options={SWITCH_STATUSES} onChange={(status) => update({ status })} />
      </Stack>
      {orders.isError && <Alert severity="error">{messageOf(orders.error)}</Alert>}
      <Paper sx={{ height: 600, width: '100%' }}>
        <DataGrid
          aria-label="Disconnections and reconnections"
          rows={orders.data?.items ?? []}
          getRowId={(row) => row.id ?? ''}
          getRowHeight={() => 'auto'}
          columns={COLUMNS}
          loading={orders.isFetching && !orders.data}
          paginationMode="server"
          rowCount={orders.data?.total ?? 0}
          paginationModel={{ page: state.page, pageSize: state.size }}
          onPaginationModelChange={(model) => update({ page: model.page, size: model.pageSize })}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          disableColumnSorting
          density="compact"
        />
      </Paper>
    </>
  );
}
