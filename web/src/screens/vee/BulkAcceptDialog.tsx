import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { formatCount } from '../../format/indian';
import { REASON_CODES, type ReasonCode } from './veeLabels';
import { useResolveExceptions } from './veeQueries';

interface BulkAcceptDialogProps {
  ids: readonly string[];
  open: boolean;
  onClose(): void;
  onDone(): void;
}

/** Accepts the selected exceptions as they are, all with one reason (bulk approve). */
export function BulkAcceptDialog({ ids, open, onClose, onDone }: BulkAcceptDialogProps) {
  const resolve = useResolveExceptions();
  const [reason, setReason] = useState<ReasonCode | ''>('VALIDATION_OVERRIDE');
  const [note, setNote] = useState('');
  const [formError, setFormError] = useState<string>();
  const serverErrors = fieldErrorsOf(resolve.error);
  const reasonError = formError ?? serverErrors.reason_code;

  function submit() {
    const problem = reason ? undefined : 'Every resolution states a reason';
    setFormError(problem);
    if (problem || !reason) return;
    resolve.mutate(
      { ids: [...ids], resolution: { action: 'ACCEPT', reason_code: reason, note: note.trim() || undefined } },
      { onSuccess: () => { setNote(''); onDone(); } },
    );
  }

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Accept {formatCount(ids.length)} exceptions</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The values stay as stored and are released to billing. Every selected exception gets the same reason.
        </DialogContentText>
        {resolve.isError && !reasonError && <Alert severity="error">{messageOf(resolve.error)}</Alert>}
        <TextField select fullWidth margin="normal" label="Reason" value={reason}
          onChange={(e) => setReason(e.target.value as ReasonCode)} error={Boolean(reasonError)} helperText={reasonError ?? ' '}>
          {REASON_CODES.map((r) => (
            <MenuItem key={r.code} value={r.code}>
              {r.label}
            </MenuItem>
          ))}
        </TextField>
        <FormTextField label="Note" value={note} onChange={setNote} error={serverErrors.note} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={resolve.isPending || ids.length === 0}>
          Accept selected
        </Button>
      </DialogActions>
    </Dialog>
  );
}
