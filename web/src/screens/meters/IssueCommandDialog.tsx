import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import { api } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { checkCommand, commandLabel, COMMAND_TYPES, toCommandIssue, type CommandDraft } from './commandForm';

const BLANK: CommandDraft = { type: '', limitKw: '' };

interface IssueCommandDialogProps {
  meterId: string;
  serial: string;
  open: boolean;
  onClose(): void;
}

/** Pick a command, check it, then confirm it before it goes to the meter's HES. */
export function IssueCommandDialog({ meterId, serial, open, onClose }: IssueCommandDialogProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<CommandDraft>(BLANK);
  const [confirming, setConfirming] = useState(false);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const issue = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/commands', { body: toCommandIssue(draft, meterId, idempotencyKey) })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['commands', meterId] }),
  });
  const serverErrors = fieldErrorsOf(issue.error);
  const errors = { ...formErrors, ...serverErrors };

  function close() {
    setDraft(BLANK);
    setConfirming(false);
    setFormErrors({});
    setIdempotencyKey(crypto.randomUUID());
    issue.reset();
    onClose();
  }

  function review() {
    const problems = checkCommand(draft);
    setFormErrors(problems);
    if (Object.keys(problems).length === 0) setConfirming(true);
  }

  function send() {
    issue.mutate(undefined, {
      onSuccess: close,
      onError: (error) => {
        if (Object.keys(fieldErrorsOf(error)).length > 0) setConfirming(false);
      },
    });
  }

  const what = draft.type === 'LOAD_LIMIT' ? `${commandLabel(draft.type)} to ${draft.limitKw.trim()} kW` : commandLabel(draft.type);
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{confirming ? 'Confirm command' : `Issue a command to meter ${serial}`}</DialogTitle>
      <DialogContent>
        {issue.isError && Object.keys(serverErrors).length === 0 && <Alert severity="error">{messageOf(issue.error)}</Alert>}
        {confirming ? (
          <DialogContentText>
            Send “{what}” to meter {serial} through its HES? This acts on the consumer's supply or meter.
          </DialogContentText>
        ) : (
          <>
            <TextField select fullWidth margin="normal" label="Command" value={draft.type}
              onChange={(e) => setDraft({ ...draft, type: e.target.value as CommandDraft['type'] })}
              error={Boolean(errors.type)} helperText={errors.type ?? ' '}>
              {COMMAND_TYPES.map((c) => (
                <MenuItem key={c.type} value={c.type}>
                  {c.label}
                </MenuItem>
              ))}
            </TextField>
            {draft.type === 'LOAD_LIMIT' && (
              <FormTextField label="Load limit (kW)" inputMode="decimal" value={draft.limitKw}
                onChange={(limitKw) => setDraft({ ...draft, limitKw })} error={errors['params.limit_kw']} />
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={confirming ? () => setConfirming(false) : close}>{confirming ? 'Back' : 'Cancel'}</Button>
        {confirming ? (
          <Button variant="contained" color="warning" onClick={send} disabled={issue.isPending}>
            Send command
          </Button>
        ) : (
          <Button variant="contained" onClick={review}>
            Review
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
