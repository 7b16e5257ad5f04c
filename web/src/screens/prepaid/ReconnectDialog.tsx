import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { useReconnect } from './prepaidQueries';
import { reasonProblem } from './rechargeForm';

/** An operator reconnects the supply now whatever the balance, saying why (audited). */
export function ReconnectDialog({ accountId, accountNo, open, onClose }: { accountId: string; accountNo: string; open: boolean; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [formError, setFormError] = useState<string>();
  const reconnect = useReconnect();
  const close = () => {
    reconnect.reset();
    setReason('');
    setFormError(undefined);
    onClose();
  };
  function submit() {
    const problem = reasonProblem(reason);
    setFormError(problem);
    if (problem) return;
    reconnect.mutate({ id: accountId, reason: reason.trim() }, { onSuccess: close });
  }
  const errors = fieldErrorsOf(reconnect.error);

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>Reconnect {accountNo} now</DialogTitle>
      <DialogContent>
        <DialogContentText>
          A reconnection is sent to the meter at once, whatever the balance; disconnections not yet sent are cancelled. Who and
          why are kept in the audit trail.
        </DialogContentText>
        {reconnect.isError && !errors.reason && <Alert severity="error">{messageOf(reconnect.error)}</Alert>}
        <FormTextField
          label="Reason"
          required
          multiline
          minRows={2}
          value={reason}
          onChange={setReason}
          error={formError ?? errors.reason}
          hint="E.g. the consumer paid at the sub-division office; a medical emergency"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={reconnect.isPending}>
          Reconnect now
        </Button>
      </DialogActions>
    </Dialog>
  );
}
