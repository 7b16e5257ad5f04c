import { useMemo, useState } from 'react';
import { Alert, Button, Grid, Paper } from '@mui/material';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { messageOf } from '../../api/problem';
import { DATA_OPERATORS, hasAnyRole } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { PageHeader } from '../../components/PageHeader';
import { fromSortParam, toSortParam } from '../../components/serverSort';
import { useUrlListState } from '../../components/useUrlListState';
import { formatCount, formatIstDateTime } from '../../format/indian';
import { useVendorCodes } from '../vendors/vendorQueries';
import { BulkAcceptDialog } from './BulkAcceptDialog';
import { ExceptionFilters, EXCEPTION_FILTER_KEYS, type ExceptionFilterState } from './ExceptionFilters';
import { EditApprovalsCard } from './EditApprovalsCard';
import { ExceptionPanel } from './ExceptionPanel';
import { ruleLabel, VEE_SORTABLE, type VeeException, type VeeRule } from './veeLabels';
import { useExceptionPage, type ExceptionFilter } from './veeQueries';
import { VeeStatisticsCard } from './VeeStatisticsCard';

const PAGE_SIZES = [25, 50, 100];

function columns(vendorCodes: Map<string, string>): GridColDef<VeeException>[] {
  return [
    { field: 'meter_serial', headerName: 'Meter', flex: 1, minWidth: 130 },
    { field: 'rule', headerName: 'Rule', width: 150, valueGetter: (value: string | undefined) => ruleLabel(value) },
    { field: 'channel', headerName: 'Channel', width: 120 },
    {
      field: 'first_at',
      headerName: 'First interval end (IST)',
      width: 190,
      valueFormatter: (value: string | undefined) => (value ? formatIstDateTime(value) : ''),
    },
    { field: 'blocking', headerName: 'Blocking', width: 90, type: 'boolean' },
    { field: 'status', headerName: 'Status', width: 100 },
    { field: 'vendor_id', headerName: 'HES', width: 90, sortable: false, valueGetter: (value: string | undefined) => (value ? vendorCodes.get(value) ?? '' : '') },
    { field: 'assigned_to', headerName: 'Assigned to', width: 130 },
    {
      field: 'detected_at',
      headerName: 'Detected (IST)',
      width: 190,
      valueFormatter: (value: string | undefined) => (value ? formatIstDateTime(value) : ''),
    },
  ];
}

function toFilter(state: ExceptionFilterState & { sort: string }): ExceptionFilter {
  return {
    sort: state.sort || undefined,
    status: state.status || undefined,
    meter_id: state.meter || undefined,
    rule: (state.rule || undefined) as VeeRule | undefined,
    vendor_id: state.vendor || undefined,
    dt_id: state.dt || undefined,
    blocking: state.blocking === '' ? undefined : state.blocking === 'true',
    older_than_hours: state.age ? Number(state.age) : undefined,
  };
}

const NO_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };

/** The VEE exceptions queue: filter, pick one to see and resolve it, or accept many at once. */
export default function VeeWorkbenchPage() {
  const session = useSignedIn();
  const canResolve = hasAnyRole(session.roles, DATA_OPERATORS);
  const { state, update } = useUrlListState([...EXCEPTION_FILTER_KEYS, 'sort'] as const);
  const filterState: ExceptionFilterState = state;
  const exceptions = useExceptionPage(toFilter(state), state.page, state.size);
  const sortModel = useMemo(() => fromSortParam(state.sort, VEE_SORTABLE), [state.sort]);
  const vendorCodes = useVendorCodes(true);
  const gridColumns = useMemo(() => columns(vendorCodes), [vendorCodes]);
  const [openId, setOpenId] = useState<string>();
  const [selection, setSelection] = useState<GridRowSelectionModel>(NO_SELECTION);
  const [bulkOpen, setBulkOpen] = useState(false);
  const selectedIds = [...selection.ids].map(String);

  return (
    <>
      <PageHeader
        title="VEE workbench"
        subtitle={
          exceptions.data
            ? `${formatCount(exceptions.data.total ?? 0)} exceptions match, sorted by the server across pages. Enter or a click opens one; times in IST.`
            : 'Loading exceptions…'
        }
        actions={
          canResolve && (
            <Button variant="contained" disabled={selectedIds.length === 0} onClick={() => setBulkOpen(true)}>
              Accept selected ({formatCount(selectedIds.length)})
            </Button>
          )
        }
      />
      <ExceptionFilters state={filterState} onChange={(changes) => { update(changes); setSelection(NO_SELECTION); }} />
      {exceptions.isError && <Alert severity="error">{messageOf(exceptions.error)}</Alert>}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: openId ? 7 : 12 }}>
          <Paper sx={{ height: 560, width: '100%' }}>
            <DataGrid
              aria-label="VEE exceptions"
              rows={exceptions.data?.items ?? []}
              getRowId={(row) => row.id ?? ''}
              columns={gridColumns}
              loading={exceptions.isFetching}
              paginationMode="server"
              sortingMode="server"
              sortModel={sortModel}
              onSortModelChange={(model) => update({ sort: toSortParam(model, VEE_SORTABLE) })}
              rowCount={exceptions.data?.total ?? 0}
              paginationModel={{ page: state.page, pageSize: state.size }}
              onPaginationModelChange={(model) => update({ page: model.page, size: model.pageSize })}
              pageSizeOptions={PAGE_SIZES}
              checkboxSelection={canResolve}
              isRowSelectable={({ row }) => row.status === 'OPEN'}
              rowSelectionModel={selection}
              onRowSelectionModelChange={setSelection}
              keepNonExistentRowsSelected
              disableRowSelectionOnClick
              onRowClick={({ row }) => setOpenId(row.id)}
              onCellKeyDown={({ row, field }, event) => {
                if (event.key === 'Enter' && field !== '__check__') setOpenId(row.id);
              }}
              density="compact"
            />
          </Paper>
        </Grid>
        {openId && (
          <Grid size={{ xs: 12, lg: 5 }}>
            <ExceptionPanel key={openId} exceptionId={openId} onClose={() => setOpenId(undefined)} />
          </Grid>
        )}
        <Grid size={{ xs: 12 }}>
          <EditApprovalsCard />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <VeeStatisticsCard />
        </Grid>
      </Grid>
      <BulkAcceptDialog
        ids={selectedIds}
        open={bulkOpen}
        onClose={() => setBulkOpen(false)}
        onDone={() => {
          setBulkOpen(false);
          setSelection(NO_SELECTION);
        }}
      />
    </>
  );
}
