import { Link as RouterLink, useNavigate } from 'react-router';
import { Alert, Checkbox, FormControlLabel, Link, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { messageOf } from '../../api/problem';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useUrlListState } from '../../components/useUrlListState';
import { formatCount, formatIstDateTime, formatRupees } from '../../format/indian';
import { formatDay, holdRuleLabel, SUPPLIES } from './prepaidLabels';
import { useAccounts, type AccountFilter, type PrepaidAccount } from './prepaidQueries';
import { Balance } from './Rupees';
import { SupplyChip } from './SupplyChip';

const PAGE_SIZES = [25, 50, 100];

const COLUMNS: GridColDef<PrepaidAccount>[] = [
  {
    field: 'account_no',
    headerName: 'Account',
    width: 190,
    renderCell: ({ row, value, tabIndex }) => (
      <Link component={RouterLink} to={`/prepaid/accounts/${row.id}`} tabIndex={tabIndex}>
        {value}
      </Link>
    ),
  },
  {
    field: 'balance', headerName: 'Balance', width: 140, align: 'right', headerAlign: 'right',
    renderCell: ({ row }) => <Balance amount={row.balance} />,
  },
  { field: 'supply', headerName: 'Supply', width: 140, renderCell: ({ row }) => <SupplyChip supply={row.supply} /> },
  { field: 'charged_through', headerName: 'Charged through', width: 130, valueGetter: (_v, row) => formatDay(row.charged_through) },
  {
    field: 'last_recharge', headerName: 'Last recharge', width: 240,
    valueGetter: (_v, row) =>
      row.last_recharge_at ? `${formatRupees(row.last_recharge_amount)} on ${formatIstDateTime(row.last_recharge_at)}` : '—',
  },
  { field: 'hold_rule', headerName: 'Held by', width: 170, valueGetter: (_v, row) => holdRuleLabel(row.hold_rule) },
  {
    field: 'hold_explanation', headerName: 'Why', flex: 1, minWidth: 320,
    renderCell: ({ value }) => (
      <Typography variant="body2" sx={{ whiteSpace: 'normal', py: 0.5 }}>
        {value}
      </Typography>
    ),
  },
  {
    field: 'hold_goes_at', headerName: 'Goes at (IST)', width: 180,
    valueGetter: (_v, row) => (row.hold_goes_at ? formatIstDateTime(row.hold_goes_at) : row.hold_rule ? 'When the rule ends' : ''),
  },
];

/** Prepaid accounts, the lowest balance first, with what holds a negative account's disconnection back and until when. */
export default function PrepaidAccountsPage() {
  const navigate = useNavigate();
  const { state, update } = useUrlListState(['negative', 'supply', 'account_no'] as const);
  const accountNo = useDebouncedValue(state.account_no.trim());
  const filter: AccountFilter = {
    negative: state.negative === 'true' ? true : undefined,
    supply: (state.supply || undefined) as AccountFilter['supply'],
    account_no: accountNo || undefined,
  };
  const accounts = useAccounts(filter, state.page, state.size);

  return (
    <>
      <PageHeader
        title="Prepaid accounts"
        subtitle={
          accounts.data
            ? `${formatCount(accounts.data.total ?? 0)} ${accounts.data.total === 1 ? 'account' : 'accounts'}, the lowest balance first; times in IST. Enter opens an account.`
            : 'Loading accounts…'
        }
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <TextField
          label="Account number"
          value={state.account_no}
          onChange={(e) => update({ account_no: e.target.value })}
          size="small"
          type="search"
        />
        <FilterSelect
          label="Supply"
          anyLabel="Any supply"
          value={state.supply}
          options={SUPPLIES}
          onChange={(supply) => update({ supply })}
        />
        <FormControlLabel
          control={<Checkbox checked={state.negative === 'true'} onChange={(e) => update({ negative: e.target.checked ? 'true' : '' })} />}
          label="Zero or negative balance only"
        />
      </Stack>
      {accounts.isError && <Alert severity="error">{messageOf(accounts.error)}</Alert>}
      <Paper sx={{ height: 600, width: '100%' }}>
        <DataGrid
          aria-label="Prepaid accounts"
          rows={accounts.data?.items ?? []}
          getRowId={(row) => row.id ?? row.account_no ?? ''}
          getRowHeight={() => 'auto'}
          columns={COLUMNS}
          loading={accounts.isFetching && !accounts.data}
          paginationMode="server"
          rowCount={accounts.data?.total ?? 0}
          paginationModel={{ page: state.page, pageSize: state.size }}
          onPaginationModelChange={(model) => update({ page: model.page, size: model.pageSize })}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          disableColumnSorting
          onCellKeyDown={({ row }, event) => {
            if (event.key === 'Enter') navigate(`/prepaid/accounts/${row.id}`);
          }}
          density="compact"
        />
      </Paper>
    </>
  );
}
