import { useState } from 'react';
import { Alert, Button, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { checkResolution, toResolution, type ResolutionDraft } from './resolutionForm';
import { ESTIMATION_METHODS, REASON_CODES, type ResolutionAction, type VeeException } from './veeLabels';
import { useResolveException } from './veeQueries';

interface ResolveFormProps {
  exceptionId: string;
  unit: string;
  /** A RESEND_CHANGE exception: its held re-sent values can be taken (REPLACE). */
  heldResend?: boolean;
  draft: ResolutionDraft;
  onChange(draft: ResolutionDraft): void;
  onResolved(result: VeeException): void;
}

/**
 * Accept, edit to a value, estimate, or (for a held re-send) take the re-sent values: with a reason; checked before
 * sending, server field errors beside the fields.
 */
export function ResolveForm({ exceptionId, unit, heldResend = false, draft, onChange, onResolved }: ResolveFormProps) {
  const resolve = useResolveException(exceptionId);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const errors = { ...formErrors, ...fieldErrorsOf(resolve.error) };
  const set = (changes: Partial<ResolutionDraft>) => onChange({ ...draft, ...changes });
  const fieldLevel = Object.keys(fieldErrorsOf(resolve.error)).length > 0;

  function submit() {
    const problems = checkResolution(draft);
    setFormErrors(problems);
    resolve.reset();
    if (Object.keys(problems).length === 0) resolve.mutate(toResolution(draft), { onSuccess: onResolved });
  }

  return (
    <Stack component="form" aria-label="Resolve exception" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Typography component="h3" variant="subtitle1">
        Resolve
      </Typography>
      {resolve.isError && !fieldLevel && <Alert severity="error">{messageOf(resolve.error)}</Alert>}
      <ToggleButtonGroup
        exclusive
        size="small"
        aria-label="Resolution"
        value={draft.action}
        onChange={(_e, action: ResolutionAction | null) => action && set({ action })}
        sx={{ mt: 1 }}
      >
        <ToggleButton value="ACCEPT">Accept</ToggleButton>
        <ToggleButton value="EDIT">Edit</ToggleButton>
        <ToggleButton value="ESTIMATE">Estimate</ToggleButton>
        {heldResend && <ToggleButton value="REPLACE">Take re-sent</ToggleButton>}
      </ToggleButtonGroup>
      {errors.action && <Alert severity="error" sx={{ mt: 1 }}>{errors.action}</Alert>}
      <TextField
        select
        fullWidth
        margin="normal"
        label="Reason"
        value={draft.reason_code}
        onChange={(e) => set({ reason_code: e.target.value as ResolutionDraft['reason_code'] })}
        error={Boolean(errors.reason_code)}
        helperText={errors.reason_code ?? ' '}
      >
        {REASON_CODES.map((r) => (
          <MenuItem key={r.code} value={r.code}>
            {r.label}
          </MenuItem>
        ))}
      </TextField>
      {draft.action === 'EDIT' && (
        <FormTextField
          label={`Value to store (${unit || 'unit of the channel'})`}
          inputMode="decimal"
          value={draft.value}
          onChange={(value) => set({ value })}
          error={errors.value}
          hint="Stored for every interval the exception covers"
        />
      )}
      {draft.action === 'ESTIMATE' && (
        <TextField
          select
          fullWidth
          margin="normal"
          label="Estimation method"
          value={draft.method}
          onChange={(e) => set({ method: e.target.value as ResolutionDraft['method'] })}
          error={Boolean(errors.method)}
          helperText={errors.method ?? 'Left empty, VEE picks the method its settings name'}
        >
          <MenuItem value="">As the settings say</MenuItem>
          {ESTIMATION_METHODS.map((m) => (
            <MenuItem key={m.method} value={m.method}>
              {m.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      <FormTextField label="Note" value={draft.note} onChange={(note) => set({ note })} error={errors.note} multiline minRows={2} />
      <Button type="submit" variant="contained" disabled={resolve.isPending}>
        Resolve exception
      </Button>
    </Stack>
  );
}
