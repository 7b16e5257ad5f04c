import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { ApiError, fieldErrorsOf, messageOf } from '../../../api/problem';
import { FormTextField } from '../../../components/FormTextField';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatBytes, formatCount, formatIstDateTime } from '../../../format/indian';
import { exportModeLabel } from './billingLabels';
import { useBillingSystems, useExportRun, useRunExportFailures, useRunExports } from './billingQueries';
import { SectionCard } from './SectionCard';

/** A failed delivery (502) says whether trying again later may help. */
function exportFailure(error: unknown): string {
  const retryable = error instanceof ApiError ? (error.problem as { retryable?: boolean }).retryable : undefined;
  const advice = retryable === true ? ' Try again later.' : retryable === false ? ' Trying again will not help: fix the billing system profile.' : '';
  const message = messageOf(error);
  return `${message}${advice && !/[.!?]$/.test(message) ? '.' : ''}${advice}`;
}

function ExportDialog({ runId, open, onClose }: { runId: string; open: boolean; onClose(): void }) {
  const systems = useBillingSystems(open);
  const [systemCode, setSystemCode] = useState('');
  const [formError, setFormError] = useState<string>();
  const exportRun = useExportRun(runId);
  const close = () => {
    exportRun.reset();
    setFormError(undefined);
    onClose();
  };
  function submit() {
    setFormError(systemCode ? undefined : 'Choose a billing system');
    if (systemCode) exportRun.mutate(systemCode, { onSuccess: close });
  }
  const fieldError = fieldErrorsOf(exportRun.error).system_code;

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>Export to a billing system</DialogTitle>
      <DialogContent>
        {exportRun.isError && !fieldError && <Alert severity="error">{exportFailure(exportRun.error)}</Alert>}
        {systems.isError && <Alert severity="error">{messageOf(systems.error)}</Alert>}
        {systems.data?.length === 0 && <Alert severity="info">The tenant has no billing systems yet: a tenant administrator adds them.</Alert>}
        <FormTextField
          select
          label="Billing system"
          value={systemCode}
          onChange={setSystemCode}
          error={formError ?? fieldError}
          hint="Ready and accepted determinants go; those in the exception queue stay"
        >
          {(systems.data ?? []).map((system) => (
            <MenuItem key={system.code} value={system.code}>
              {`${system.code} · ${system.name} (${system.delivery?.mode ?? ''})`}
            </MenuItem>
          ))}
        </FormTextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={exportRun.isPending}>
          Export
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Automatic deliveries to a billing system in its window that failed: when they are tried again, or that a person must act. */
function FailedDeliveries({ runId }: { runId: string }) {
  const failures = useRunExportFailures(runId);
  return (
    <>
      {(failures.data ?? []).map((failure) => (
        <Alert key={failure.system_code} severity={failure.next_at ? 'warning' : 'error'} sx={{ mb: 1 }}>
          {`Automatic export to ${failure.system_code} failed ${formatCount(failure.attempts ?? 0)} time(s), last at `
            + `${failure.last_at ? formatIstDateTime(failure.last_at) : ''}: ${failure.last_error}. `
            + (failure.next_at
              ? `Tried again at ${formatIstDateTime(failure.next_at)}.`
              : 'Not tried again: fix the billing system profile and export the run by hand.')}
        </Alert>
      ))}
    </>
  );
}

/** What the run was sent as, oldest first, and (for operators of a finished run) another export. */
export function RunExportsCard({ runId, canExport }: { runId: string; canExport: boolean }) {
  const exports = useRunExports(runId);
  const [open, setOpen] = useState(false);
  return (
    <SectionCard
      title="Exports"
      actions={canExport && <Button variant="outlined" onClick={() => setOpen(true)}>Export to billing system</Button>}
    >
      <FailedDeliveries runId={runId} />
      <QueryStatus query={exports}>
        {(list) =>
          list.length === 0 ? (
            <Alert severity="info">Not exported yet.</Alert>
          ) : (
            <Table size="small" aria-label="Exports of the run">
              <TableHead>
                <TableRow>
                  <TableCell>Exported (IST)</TableCell>
                  <TableCell>Billing system</TableCell>
                  <TableCell>Delivery</TableCell>
                  <TableCell align="right">Lines</TableCell>
                  <TableCell>Refused</TableCell>
                  <TableCell>By</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.map((sent) => (
                  <TableRow key={sent.id}>
                    <TableCell>{sent.exported_at ? formatIstDateTime(sent.exported_at) : ''}</TableCell>
                    <TableCell>{sent.system_code}</TableCell>
                    <TableCell>
                      {exportModeLabel(sent.mode)}
                      {sent.file_name ? ` · ${sent.file_name} (${formatBytes(sent.bytes ?? 0)})` : ''}
                      {sent.outbox_message_id ? ' · queued in the outbox' : ''}
                    </TableCell>
                    <TableCell align="right">{formatCount(sent.lines ?? 0)}</TableCell>
                    <TableCell>
                      {(sent.refused ?? []).length === 0
                        ? 'None'
                        : (sent.refused ?? []).map((r) => `${r.account_no}: ${r.reason}`).join('; ')}
                    </TableCell>
                    <TableCell>{sent.exported_by}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </QueryStatus>
      {canExport && <ExportDialog runId={runId} open={open} onClose={() => setOpen(false)} />}
    </SectionCard>
  );
}
