import { useMemo } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Alert, Link, Paper, Stack, TextField } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { messageOf } from '../../api/problem';
import { formatCount, formatIstDateTime } from '../../format/indian';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useUrlListState } from '../../components/useUrlListState';
import { fromSortParam, toSortParam } from '../../components/serverSort';
import { hasAnyRole, VENDOR_READERS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { useVendorCodes } from '../vendors/vendorQueries';
import { LIFECYCLE_STAGES, METER_CATEGORIES, stageLabel, type LifecycleStage, type Meter, type MeterCategory } from './meterLabels';
import { useMeterPage } from './meterQueries';

const PAGE_SIZES = [25, 50, 100];
/** The columns GET /meters sorts by (its `sort` parameter); the others are not sortable. */
const SORTABLE = ['serial', 'category', 'phase', 'make', 'lifecycle_stage', 'stage_changed_at'];

function columns(vendorCodes: Map<string, string>): GridColDef<Meter>[] {
  return [
    {
      field: 'serial',
      headerName: 'Serial',
      flex: 1,
      minWidth: 140,
      renderCell: ({ row }) => (
        <Link component={RouterLink} to={`/meters/${row.id}`} tabIndex={-1}>
          {row.serial}
        </Link>
      ),
    },
    { field: 'category', headerName: 'Category', width: 120 },
    { field: 'phase', headerName: 'Phase', width: 80 },
    { field: 'make', headerName: 'Make', flex: 1, minWidth: 120 },
    {
      field: 'hes_vendor_id',
      headerName: 'HES',
      width: 100,
      sortable: false,
      valueGetter: (value: string | undefined) => (value ? vendorCodes.get(value) ?? '' : ''),
    },
    {
      field: 'lifecycle_stage',
      headerName: 'Stage',
      width: 170,
      valueGetter: (value: string | undefined) => stageLabel(value),
    },
    {
      field: 'stage_changed_at',
      headerName: 'Stage since (IST)',
      width: 200,
      valueFormatter: (value: string | undefined) => (value ? formatIstDateTime(value) : ''),
    },
  ];
}

export default function MetersPage() {
  const session = useSignedIn();
  const navigate = useNavigate();
  const { state, update } = useUrlListState(['serial', 'stage', 'category', 'vendor', 'sort'] as const);
  const vendorCodes = useVendorCodes(hasAnyRole(session.roles, VENDOR_READERS));
  const serial = useDebouncedValue(state.serial.trim());
  const filter = {
    serial: serial || undefined,
    stage: (state.stage || undefined) as LifecycleStage | undefined,
    category: (state.category || undefined) as MeterCategory | undefined,
    hes_vendor_id: state.vendor || undefined,
    sort: state.sort || undefined,
  };
  const meters = useMeterPage(filter, state.page, state.size);
  const gridColumns = useMemo(() => columns(vendorCodes), [vendorCodes]);
  const sortModel = useMemo(() => fromSortParam(state.sort, SORTABLE), [state.sort]);
  const paginationModel: GridPaginationModel = { page: state.page, pageSize: state.size };

  return (
    <>
      <PageHeader
        title="Meters"
        subtitle={
          meters.data
            ? `${formatCount(meters.data.total ?? 0)} meters match. Sorted by the server across pages; Enter opens a meter.`
            : 'Loading meters…'
        }
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          label="Serial starts with"
          value={state.serial}
          onChange={(e) => update({ serial: e.target.value })}
          size="small"
          type="search"
        />
        <FilterSelect
          label="Lifecycle stage"
          anyLabel="Any stage"
          value={state.stage}
          options={LIFECYCLE_STAGES.map(({ stage, label }) => ({ value: stage, label }))}
          onChange={(stage) => update({ stage })}
        />
        <FilterSelect
          label="Category"
          anyLabel="Any category"
          value={state.category}
          options={METER_CATEGORIES.map((category) => ({ value: category, label: category }))}
          onChange={(category) => update({ category })}
        />
        {vendorCodes.size > 0 && (
          <FilterSelect
            label="HES vendor"
            anyLabel="Any vendor"
            value={state.vendor}
            options={[...vendorCodes].map(([id, code]) => ({ value: id, label: code }))}
            onChange={(vendor) => update({ vendor })}
          />
        )}
      </Stack>
      {meters.isError && <Alert severity="error">{messageOf(meters.error)}</Alert>}
      <Paper sx={{ height: 600, width: '100%' }}>
        <DataGrid
          aria-label="Meters"
          rows={meters.data?.items ?? []}
          getRowId={(row) => row.id ?? row.serial ?? ''}
          columns={gridColumns}
          loading={meters.isFetching}
          paginationMode="server"
          sortingMode="server"
          sortModel={sortModel}
          onSortModelChange={(model) => update({ sort: toSortParam(model, SORTABLE) })}
          rowCount={meters.data?.total ?? 0}
          paginationModel={paginationModel}
          onPaginationModelChange={(model) => update({ page: model.page, size: model.pageSize })}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          onRowClick={({ row }) => navigate(`/meters/${row.id}`)}
          onCellKeyDown={({ row }, event) => {
            if (event.key === 'Enter') navigate(`/meters/${row.id}`);
          }}
          density="compact"
        />
      </Paper>
    </>
  );
}
