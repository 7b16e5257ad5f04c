import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../../api/problem';
import { FormTextField } from '../../../components/FormTextField';
import { useAcceptException, type DeterminantsVersion } from './billingQueries';

const MOST_REASON = 500;

/** An operator bills held determinants as they stand, saying why; who and why are kept with the version. */
export function AcceptExceptionDialog({ held, onClose }: { held: DeterminantsVersion | null; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [formError, setFormError] = useState<string>();
  const accept = useAcceptException();
  const close = () => {
    accept.reset();
    setReason('');
    setFormError(undefined);
    onClose();
  };
  function submit() {
    const text = reason.trim();
    const problem = text === '' ? 'Say why these determinants may be billed as they stand' : text.length > MOST_REASON ? `At most ${MOST_REASON} characters` : undefined;
    setFormError(problem);
    if (problem || !held?.id) return;
    accept.mutate({ id: held.id, reason: text }, { onSuccess: close });
  }
  const errors = fieldErrorsOf(accept.error);

  return (
    <Dialog open={held !== null} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>Accept the exception of {held?.determinants?.account_no}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The determinants are billed as they stand and go with the run's next export. A re-run after the data is corrected
          would replace them instead.
        </DialogContentText>
        {accept.isError && !errors.reason && <Alert severity="error">{messageOf(accept.error)}</Alert>}
        <FormTextField
          label="Reason"
          multiline
          minRows={2}
          value={reason}
          onChange={setReason}
          error={formError ?? errors.reason}
          hint="Kept with the determinants, e.g. the meter was replaced and the field read confirms the energy"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={accept.isPending}>
          Accept for billing
        </Button>
      </DialogActions>
    </Dialog>
  );
}
