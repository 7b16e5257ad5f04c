import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Link, Paper, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { messageOf } from '../../../api/problem';
import { FilterSelect } from '../../../components/FilterSelect';
import { useUrlListState } from '../../../components/useUrlListState';
import { formatCount, formatDecimal, formatIstDateTime } from '../../../format/indian';
import { DETERMINANT_STATUSES, formatDay, formatRupees, formatShare } from './billingLabels';
import { useSummary, useSummaryCsv, type SummaryLine } from './billingQueries';
import { quantityOrDash } from './determinants';
import { SectionCard } from './SectionCard';
import { StatusChip } from './StatusChip';

const PAGE_SIZES = [25, 50, 100];

function billedText(line: SummaryLine): string {
  const billed = line.billed;
  if (!billed?.bill_number) return '';
  return `${billed.bill_number} of ${formatDay(billed.bill_date)}, ${formatRupees(billed.total)}`;
}

const COLUMNS: GridColDef<SummaryLine>[] = [
  {
    field: 'account_no',
    headerName: 'Account',
    width: 140,
    valueGetter: (_v, row) => row.determinants?.account_no,
    renderCell: ({ row, value, tabIndex }) => (
      <Link component={RouterLink} to={`/billing/determinants/${row.determinants_id}`} tabIndex={tabIndex}>
        {value}
      </Link>
    ),
  },
  { field: 'category', headerName: 'Category', width: 150, valueGetter: (_v, row) => row.determinants?.category },
  { field: 'status', headerName: 'Status', width: 120, renderCell: ({ row }) => <StatusChip status={row.status} of="determinants" /> },
  { field: 'version', headerName: 'Version', width: 80, type: 'number' },
  {
    field: 'kwh_import', headerName: 'Import', width: 140, align: 'right', headerAlign: 'right',
    valueGetter: (_v, row) => quantityOrDash(row.determinants?.energy?.kwh_import, 'kWh'),
  },
  {
    field: 'kvah_import', headerName: 'Import kVAh', width: 140, align: 'right', headerAlign: 'right',
    valueGetter: (_v, row) => quantityOrDash(row.determinants?.energy?.kvah_import, 'kVAh'),
  },
  {
    field: 'md_kw', headerName: 'MD', width: 120, align: 'right', headerAlign: 'right',
    valueGetter: (_v, row) => quantityOrDash(row.determinants?.demand?.md_kw, 'kW'),
  },
  {
    field: 'md_kw_at', headerName: 'MD at (IST)', width: 180,
    valueGetter: (_v, row) => (row.determinants?.demand?.md_kw_at ? formatIstDateTime(row.determinants.demand.md_kw_at) : ''),
  },
  {
    field: 'power_factor', headerName: 'PF', width: 70, align: 'right', headerAlign: 'right',
    valueGetter: (_v, row) => (row.determinants?.power_factor == null ? '—' : formatDecimal(row.determinants.power_factor, 3)),
  },
  {
    field: 'estimated_share', headerName: 'Estimated', width: 100, align: 'right', headerAlign: 'right',
    valueGetter: (_v, row) => formatShare(row.determinants?.coverage?.estimated_share),
  },
  {
    field: 'missing_share', headerName: 'Missing', width: 100, align: 'right', headerAlign: 'right',
    valueGetter: (_v, row) => formatShare(row.determinants?.coverage?.missing_share),
  },
  { field: 'billed', headerName: 'Billed', flex: 1, minWidth: 220, valueGetter: (_v, row) => billedText(row) },
];

/** The run's determinants (the latest version of each consumer-period), paged by the server, with a CSV download. */
export function RunDeterminantsGrid({ runId }: { runId: string }) {
  const { state, update } = useUrlListState(['status'] as const, 25);
  const filter = useMemo(() => ({ run_id: runId, status: state.status || undefined }), [runId, state.status]);
  const summary = useSummary(filter, state.page, state.size);
  const csv = useSummaryCsv();
  return (
    <SectionCard
      title="Determinants"
      actions={
        <Button
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={() => csv.mutate({ filter, fileName: `determinants-${runId}.csv` })}
          disabled={csv.isPending}
        >
          Download CSV
        </Button>
      }
    >
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
        <FilterSelect
          label="Status"
          anyLabel="Any status"
          value={state.status}
          options={DETERMINANT_STATUSES.map(({ status, label }) => ({ value: status, label }))}
          onChange={(status) => update({ status })}
        />
        <span aria-live="polite">{summary.data ? `${formatCount(summary.data.total ?? 0)} consumer-periods` : ''}</span>
      </Stack>
      {summary.isError && <Alert severity="error">{messageOf(summary.error)}</Alert>}
      {csv.isError && <Alert severity="error">{messageOf(csv.error)}</Alert>}
      <Paper variant="outlined" sx={{ height: 480, width: '100%' }}>
        <DataGrid
          aria-label="Determinants of the run"
          rows={summary.data?.items ?? []}
          getRowId={(row) => row.determinants_id ?? ''}
          columns={COLUMNS}
          loading={summary.isFetching && !summary.data}
          paginationMode="server"
          rowCount={summary.data?.total ?? 0}
          paginationModel={{ page: state.page, pageSize: state.size }}
          onPaginationModelChange={(model) => update({ page: model.page, size: model.pageSize })}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          disableColumnSorting
          density="compact"
        />
      </Paper>
    </SectionCard>
  );
}
