import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Box, Button, Chip, Grid, Paper, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { messageOf } from '../../api/problem';
import { hasAnyRole, PREPAID_OPERATORS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { FactsTable } from '../../components/FactsTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { formatCount, formatIstDateTime, formatRupees } from '../../format/indian';
import { SectionCard } from '../billing/runs/SectionCard';
import { CounterRechargeDialog } from './CounterRechargeDialog';
import { entryTypeLabel, formatDay, holdRuleLabel } from './prepaidLabels';
import { useAccount, useBalance, useLedger, useRecharges, type LedgerEntry, type PrepaidAccount, type Recharge } from './prepaidQueries';
import { ReconnectDialog } from './ReconnectDialog';
import { Balance, SignedAmount } from './Rupees';
import { SupplyChip } from './SupplyChip';

const PAGE_SIZES = [10, 25, 50];

const LEDGER_COLUMNS: GridColDef<LedgerEntry>[] = [
  { field: 'posted_at', headerName: 'Posted (IST)', width: 180, valueGetter: (_v, row) => (row.posted_at ? formatIstDateTime(row.posted_at) : '') },
  { field: 'type', headerName: 'Type', width: 160, valueGetter: (_v, row) => entryTypeLabel(row.type) },
  {
    field: 'amount', headerName: 'Amount', width: 130, align: 'right', headerAlign: 'right',
    renderCell: ({ row }) => <SignedAmount amount={row.amount} />,
  },
  {
    field: 'balance_after', headerName: 'Balance after', width: 140, align: 'right', headerAlign: 'right',
    renderCell: ({ row }) => <Balance amount={row.balance_after} />,
  },
  { field: 'day', headerName: 'Day', width: 120, valueGetter: (_v, row) => (row.day ? formatDay(row.day) : '') },
  {
    field: 'description', headerName: 'Description', flex: 1, minWidth: 300,
    renderCell: ({ value }) => (
      <Typography variant="body2" sx={{ whiteSpace: 'normal', py: 0.5 }}>
        {value}
      </Typography>
    ),
  },
  {
    field: 'tariff_version', headerName: 'Tariff version', width: 120, align: 'right', headerAlign: 'right',
    valueGetter: (_v, row) => (row.tariff_version == null ? '' : `v${row.tariff_version}`),
  },
];

const RECHARGE_COLUMNS: GridColDef<Recharge>[] = [
  { field: 'received_at', headerName: 'Credited (IST)', width: 180, valueGetter: (_v, row) => (row.received_at ? formatIstDateTime(row.received_at) : '') },
  {
    field: 'amount', headerName: 'Amount', width: 130, align: 'right', headerAlign: 'right',
    valueGetter: (_v, row) => formatRupees(row.amount),
  },
  { field: 'source', headerName: 'Source', width: 120 },
  { field: 'transaction_id', headerName: 'Transaction / receipt', flex: 1, minWidth: 180 },
  { field: 'mode', headerName: 'Mode', width: 120 },
  { field: 'received_by', headerName: 'Taken by', width: 140 },
  {
    field: 'reversed_at', headerName: 'Reversed', width: 260,
    valueGetter: (_v, row) => (row.reversed_at ? `${formatIstDateTime(row.reversed_at)}: ${row.reversal_reason ?? ''}` : ''),
  },
];

function BalanceCard({ accountId }: { accountId: string }) {
  const balance = useBalance(accountId);
  return (
    <SectionCard title="Balance">
      <QueryStatus query={balance}>
        {(b) => (
          <>
            <FactsTable
              label="Balance"
              alignValues="right"
              facts={[
                [
                  'Ledger balance',
                  <Box key="ledger" component="span" sx={{ fontWeight: 'bold', fontSize: '1.25rem' }}>
                    <Balance amount={b.balance} />
                  </Box>,
                ],
                ['Charged through', formatDay(b.charged_through)],
                [
                  'Provisional balance',
                  <Box key="provisional" component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
                    <Chip size="small" variant="outlined" label="provisional" />
                    <Balance amount={b.provisional_balance} />
                  </Box>,
                ],
                [
                  'Use since the last charge',
                  `${formatRupees(b.provisional_charges)}${b.provisional_from ? ` from ${formatDay(b.provisional_from)}` : ''}`,
                ],
                ['Average daily charge', formatRupees(b.average_daily_charge)],
                ['Days left', b.days_left == null ? '—' : formatCount(b.days_left)],
                ['Arrears to recover', formatRupees(b.arrears)],
                ['As of', b.as_of ? formatIstDateTime(b.as_of) : '—'],
              ]}
            />
            <Typography variant="caption" color="text.secondary">
              The provisional balance takes off the days since the last charge as far as their data has come; it moves until the
              day's data settles.
            </Typography>
          </>
        )}
      </QueryStatus>
    </SectionCard>
  );
}

function AccountCard({ account }: { account: PrepaidAccount }) {
  return (
    <SectionCard title="Account">
      {account.hold_rule && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          <strong>{holdRuleLabel(account.hold_rule)}</strong>: {account.hold_explanation}
          {account.hold_goes_at ? ` Goes at ${formatIstDateTime(account.hold_goes_at)}.` : ''}
        </Alert>
      )}
      <FactsTable
        label="The account"
        facts={[
          ['Supply', <SupplyChip key="supply" supply={account.supply} />],
          ['Status', account.status === 'ACTIVE' ? 'Active' : 'Closed'],
          ['Converted to prepaid', formatDay(account.converted_on)],
          ['At or below zero since', account.zero_since ? formatIstDateTime(account.zero_since) : '—'],
          [
            'Last recharge',
            account.last_recharge_at ? `${formatRupees(account.last_recharge_amount)} on ${formatIstDateTime(account.last_recharge_at)}` : '—',
          ],
          ['Opened', `${account.opened_at ? formatIstDateTime(account.opened_at) : ''} by ${account.opened_by ?? ''}`],
        ]}
      />
    </SectionCard>
  );
}

function PagedGrid<R extends { id?: string | number }>({
  label,
  query,
  columns,
  model,
  onModel,
}: {
  label: string;
  query: ReturnType<typeof useLedger> | ReturnType<typeof useRecharges>;
  columns: GridColDef<R>[];
  model: GridPaginationModel;
  onModel(model: GridPaginationModel): void;
}) {
  return (
    <>
      {query.isError && <Alert severity="error">{messageOf(query.error)}</Alert>}
      <Paper variant="outlined" sx={{ height: 440, width: '100%' }}>
        <DataGrid
          aria-label={label}
          rows={(query.data?.items ?? []) as R[]}
          getRowId={(row) => String(row.id ?? '')}
          getRowHeight={() => 'auto'}
          columns={columns}
          loading={query.isFetching && !query.data}
          paginationMode="server"
          rowCount={query.data?.total ?? 0}
          paginationModel={model}
          onPaginationModelChange={onModel}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          disableColumnSorting
          density="compact"
        />
      </Paper>
    </>
  );
}

/** One prepaid account: its balance (and the provisional one), what holds its disconnection, its ledger and recharges. */
export default function PrepaidAccountPage() {
  const { accountId = '' } = useParams();
  const session = useSignedIn();
  const canOperate = hasAnyRole(session.roles, PREPAID_OPERATORS);
  const account = useAccount(accountId);
  const [ledgerModel, setLedgerModel] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [rechargeModel, setRechargeModel] = useState<GridPaginationModel>({ page: 0, pageSize: 10 });
  const ledger = useLedger(accountId, ledgerModel.page, ledgerModel.pageSize);
  const recharges = useRecharges(accountId, rechargeModel.page, rechargeModel.pageSize);
  const [dialog, setDialog] = useState<'recharge' | 'reconnect' | null>(null);
  const accountNo = account.data?.account_no ?? '';

  return (
    <>
      <PageHeader
        title={accountNo ? `Prepaid account ${accountNo}` : 'Prepaid account'}
        subtitle="Money in rupees to the paisa; days and times in IST."
        actions={
          <>
            {canOperate && account.data && (
              <>
                <Button variant="contained" onClick={() => setDialog('recharge')}>
                  Counter recharge…
                </Button>
                <Button variant="outlined" onClick={() => setDialog('reconnect')}>
                  Reconnect now…
                </Button>
              </>
            )}
            <Button component={RouterLink} to="/prepaid/accounts">
              All accounts
            </Button>
          </>
        }
      />
      <QueryStatus query={account}>
        {(data) => (
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 5 }}>
              <BalanceCard accountId={accountId} />
            </Grid>
            <Grid size={{ xs: 12, md: 7 }}>
              <AccountCard account={data} />
            </Grid>
            <Grid size={{ xs: 12 }}>
              <SectionCard title="Ledger">
                <PagedGrid<LedgerEntry> label="Ledger" query={ledger} columns={LEDGER_COLUMNS} model={ledgerModel} onModel={setLedgerModel} />
              </SectionCard>
            </Grid>
            <Grid size={{ xs: 12 }}>
              <SectionCard title="Recharges">
                <PagedGrid<Recharge> label="Recharges" query={recharges} columns={RECHARGE_COLUMNS} model={rechargeModel} onModel={setRechargeModel} />
              </SectionCard>
            </Grid>
          </Grid>
        )}
      </QueryStatus>
      {canOperate && accountNo && (
        <>
          <CounterRechargeDialog accountNo={accountNo} open={dialog === 'recharge'} onClose={() => setDialog(null)} />
          <ReconnectDialog accountId={accountId} accountNo={accountNo} open={dialog === 'reconnect'} onClose={() => setDialog(null)} />
        </>
      )}
    </>
  );
}
