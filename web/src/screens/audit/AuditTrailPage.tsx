import { useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Stack, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import VerifiedIcon from '@mui/icons-material/Verified';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { messageOf } from '../../api/problem';
import { FactsTable } from '../../components/FactsTable';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useUrlListState } from '../../components/useUrlListState';
import { formatCount, formatIstDateTime } from '../../format/indian';
import { StateDiffTable } from './StateDiffTable';
import { ACTION_GROUPS, auditQuery } from './auditTrail';
import { useAuditPage, useChainCheck, useCsvDownload, type AuditEvent, type ChainCheck } from './auditQueries';

const PAGE_SIZES = [25, 50, 100];

function columns(onOpen: (row: AuditEvent) => void): GridColDef<AuditEvent>[] {
  return [
    { field: 'at', headerName: 'When (IST)', width: 180, valueFormatter: (value: string | undefined) => (value ? formatIstDateTime(value) : '') },
    { field: 'actor', headerName: 'Who', width: 170 },
    { field: 'action', headerName: 'Action', width: 190 },
    {
      field: 'target',
      headerName: 'Target',
      flex: 1,
      minWidth: 200,
      valueGetter: (_value, row) => [row.target_type, row.target_id].filter(Boolean).join(' '),
    },
    { field: 'address', headerName: 'From', width: 130 },
    {
      field: 'details',
      headerName: 'Before / after',
      width: 130,
      sortable: false,
      renderCell: ({ row, tabIndex }) => (
        <Button size="small" tabIndex={tabIndex} onClick={() => onOpen(row)} aria-label={`Details of ${row.action} #${row.seq}`}>
          Details
        </Button>
      ),
    },
  ];
}

function ChainStatus({ check }: { check: ChainCheck }) {
  if (check.intact) {
    return (
      <Alert severity="success">
        Chain intact: {formatCount(check.rows ?? 0)} rows checked
        {check.last_seq ? `; last row #${check.last_seq}, hash ${check.last_hash?.slice(0, 16)}…` : ''}. Note the last
        row and hash elsewhere to detect rows later removed from the end.
      </Alert>
    );
  }
  return (
    <Alert severity="error">
      Chain broken at row #{check.first_break?.seq}: {check.first_break?.reason}. Rows from there on cannot be trusted.
    </Alert>
  );
}

function DetailsDialog({ row, onClose }: { row: AuditEvent; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="audit-details-title">
      <DialogTitle id="audit-details-title">
        {row.action} #{row.seq}
      </DialogTitle>
      <DialogContent>
        <FactsTable
          label="Who, when and where"
          facts={[
            ['When', row.at ? formatIstDateTime(row.at) : ''],
            ['Who', `${row.actor ?? ''}${row.actor_roles?.length ? ` (${row.actor_roles.join(', ')})` : ''}`],
            ['From', row.address ?? '—'],
            ['Request id', row.request_id ?? '—'],
            ['Target', [row.target_type, row.target_id].filter(Boolean).join(' ') || '—'],
            ['Hash', <Typography key="hash" variant="body2" sx={{ fontFamily: 'ui-monospace, monospace', wordBreak: 'break-all' }}>{row.hash}</Typography>],
          ]}
        />
        <Box sx={{ mt: 2 }}>
          <StateDiffTable before={row.before} after={row.after} />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Who did what, when and from where: the tenant's trail (the platform's in platform scope), searchable and exportable. */
export default function AuditTrailPage() {
  const { state, update } = useUrlListState(['fromDay', 'toDay', 'actor', 'action', 'targetId'] as const);
  const [actorText, setActorText] = useState(state.actor);
  const [targetText, setTargetText] = useState(state.targetId);
  const actor = useDebouncedValue(actorText);
  const targetId = useDebouncedValue(targetText);
  const query = useMemo(
    () => auditQuery({ fromDay: state.fromDay, toDay: state.toDay, actor, action: state.action, targetId }),
    [state.fromDay, state.toDay, actor, state.action, targetId],
  );
  const trail = useAuditPage(query, state.page, state.size);
  const check = useChainCheck();
  const download = useCsvDownload();
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const gridColumns = useMemo(() => columns(setOpen), []);

  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle={trail.data ? `${formatCount(trail.data.total ?? 0)} actions match; newest first, times in IST.` : 'Loading the audit trail…'}
        actions={
          <>
            <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={() => check.mutate()} disabled={check.isPending}>
              Verify chain
            </Button>
            <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => download.mutate(query)} disabled={download.isPending}>
              Download CSV
            </Button>
          </>
        }
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField size="small" type="date" label="From (IST)" value={state.fromDay} onChange={(e) => update({ fromDay: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" type="date" label="To (IST)" value={state.toDay} onChange={(e) => update({ toDay: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }} />
        <FilterSelect label="Action" anyLabel="Any action" value={state.action} options={ACTION_GROUPS}
          onChange={(action) => update({ action })} />
        <TextField size="small" label="Who (username)" value={actorText}
          onChange={(e) => { setActorText(e.target.value); update({ actor: e.target.value }); }} />
        <TextField size="small" label="Target id" value={targetText}
          onChange={(e) => { setTargetText(e.target.value); update({ targetId: e.target.value }); }} />
      </Stack>
      {check.data && <Box sx={{ mb: 2 }}><ChainStatus check={check.data} /></Box>}
      {check.isError && <Alert severity="error" sx={{ mb: 2 }}>{messageOf(check.error)}</Alert>}
      {download.isError && <Alert severity="error" sx={{ mb: 2 }}>{messageOf(download.error)}</Alert>}
      {trail.isError && <Alert severity="error" sx={{ mb: 2 }}>{messageOf(trail.error)}</Alert>}
      <Paper sx={{ height: 600, width: '100%' }}>
        <DataGrid
          aria-label="Audit trail"
          rows={trail.data?.items ?? []}
          getRowId={(row) => String(row.seq)}
          columns={gridColumns}
          loading={trail.isFetching && !trail.data}
          paginationMode="server"
          rowCount={trail.data?.total ?? 0}
          paginationModel={{ page: state.page, pageSize: state.size }}
          onPaginationModelChange={(model) => update({ page: model.page, size: model.pageSize })}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          disableColumnSorting
          density="compact"
        />
      </Paper>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Chip size="small" variant="outlined" label="Append-only, hash-chained" />
        <Typography variant="body2" color="text.secondary">Secrets (passwords, keys, tokens) are never recorded.</Typography>
      </Stack>
      {open && <DetailsDialog row={open} onClose={() => setOpen(null)} />}
    </>
  );
}
