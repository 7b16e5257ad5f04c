import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { api } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { ESTIMATION_METHODS, REASON_CODES } from '../vee/veeLabels';
import { BLANK_EDIT, checkManualEdit, toEditRequest, type EditAction, type EditRequest, type ManualEditDraft } from './manualEditForm';

interface ManualEditDialogProps {
  meterId: string;
  channel: EditRequest['channel'];
  channelLabel: string;
  open: boolean;
  onClose(): void;
}

/**
 * A manual edit of a range of the meter's intervals, outside any exception: set a value, scale, or
 * estimate, with a reason. Checked before sending; the server's field errors beside the fields; the
 * chart is read again afterwards. When the tenant requires approval, the edit waits and says so.
 */
export function ManualEditDialog({ meterId, channel, channelLabel, open, onClose }: ManualEditDialogProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ManualEditDraft>(BLANK_EDIT);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const edit = useMutation({
    mutationFn: async (body: EditRequest) => unwrap(await api.POST('/api/v1/vee/edits', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['consumption', meterId] });
      void queryClient.invalidateQueries({ queryKey: ['interval-history'] });
      void queryClient.invalidateQueries({ queryKey: ['vee'] });
    },
  });
  const serverErrors = fieldErrorsOf(edit.error);
  const errors = { ...formErrors, ...serverErrors };
  const fieldLevel = Object.keys(serverErrors).length > 0;
  const result = edit.data?.[0];
  const set = (changes: Partial<ManualEditDraft>) => setDraft({ ...draft, ...changes });

  function close() {
    setDraft(BLANK_EDIT);
    setFormErrors({});
    edit.reset();
    onClose();
  }

  function submit() {
    const problems = checkManualEdit(draft);
    setFormErrors(problems);
    edit.reset();
    if (Object.keys(problems).length === 0) edit.mutate(toEditRequest(draft, meterId, channel));
  }

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="manual-edit-title">
      <DialogTitle id="manual-edit-title">Edit intervals ({channelLabel})</DialogTitle>
      {result ? (
        <>
          <DialogContent>
            {result.status === 'PENDING' ? (
              <Alert severity="info">
                The edit waits for a second approver: a tenant administrator other than you approves it in the VEE workbench.
              </Alert>
            ) : (
              <Alert severity="success">The edit is applied; the chart shows the intervals as stored now.</Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} autoFocus>
              Close
            </Button>
          </DialogActions>
        </>
      ) : (
        <form noValidate aria-label="Manual edit" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <DialogContent>
            <DialogContentText>
              Changes the intervals ending from the first to the last time given (IST), both included. Every edit is kept
              as a new version of each interval, with the reason.
            </DialogContentText>
            {edit.isError && !fieldLevel && <Alert severity="error" sx={{ mt: 1 }}>{messageOf(edit.error)}</Alert>}
            <ToggleButtonGroup
              exclusive
              size="small"
              aria-label="Edit action"
              value={draft.action}
              onChange={(_e, action: EditAction | null) => action && set({ action })}
              sx={{ mt: 2 }}
            >
              <ToggleButton value="SET">Set a value</ToggleButton>
              <ToggleButton value="SCALE">Scale</ToggleButton>
              <ToggleButton value="ESTIMATE">Estimate</ToggleButton>
            </ToggleButtonGroup>
            {errors.action && <Alert severity="error" sx={{ mt: 1 }}>{errors.action}</Alert>}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormTextField type="datetime-local" label="First interval end (IST)" value={draft.from} onChange={(from) => set({ from })}
                error={errors.from} slotProps={{ inputLabel: { shrink: true } }} />
              <FormTextField type="datetime-local" label="Last interval end (IST)" value={draft.to} onChange={(to) => set({ to })}
                error={errors.to} slotProps={{ inputLabel: { shrink: true } }} />
            </Stack>
            {draft.action === 'SET' && (
              <FormTextField label="Value to store" inputMode="decimal" value={draft.value} onChange={(value) => set({ value })}
                error={errors.value ?? errors.values} hint="Stored for every interval of the range" />
            )}
            {draft.action === 'SCALE' && (
              <FormTextField label="Factor" inputMode="decimal" value={draft.factor} onChange={(factor) => set({ factor })}
                error={errors.factor} hint="Each stored value is multiplied by it" />
            )}
            {draft.action === 'ESTIMATE' && (
              <TextField select fullWidth margin="normal" label="Estimation method" value={draft.method}
                onChange={(e) => set({ method: e.target.value as ManualEditDraft['method'] })} error={Boolean(errors.method)}
                helperText={errors.method ?? 'Left empty, VEE picks the method its settings name'}>
                <MenuItem value="">As the settings say</MenuItem>
                {ESTIMATION_METHODS.map((m) => (
                  <MenuItem key={m.method} value={m.method}>
                    {m.label}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField select fullWidth margin="normal" label="Reason" value={draft.reason_code}
              onChange={(e) => set({ reason_code: e.target.value as ManualEditDraft['reason_code'] })}
              error={Boolean(errors.reason_code)} helperText={errors.reason_code ?? ' '}>
              {REASON_CODES.map((r) => (
                <MenuItem key={r.code} value={r.code}>
                  {r.label}
                </MenuItem>
              ))}
            </TextField>
            <FormTextField label="Note" value={draft.note} onChange={(note) => set({ note })} error={errors.note} multiline minRows={2} />
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={edit.isPending}>
              Request edit
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
