import { useMemo, useState } from 'react';
import { Alert, Button, Card, CardContent, Grid, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { TariffCategoryEditor } from './TariffCategoryEditor';
import {
  categoryPath,
  checkTariff,
  emptyCategory,
  emptyTariffDraft,
  toTariff,
  unplacedErrors,
  type CategoryDraft,
  type Rounding,
  type TariffDraft,
  type TariffVersion,
} from './tariffForm';
import { useCreateTariff } from './tariffQueries';

interface Props {
  initial: TariffDraft;
  /** What the draft started from, said at the top: "a copy of version 3" or "empty". */
  startedFrom: string;
  onSaved(version: TariffVersion): void;
  onCancel(): void;
}

/**
 * A new tariff version, written whole and sent once. The form's own checks (coverage of the day, Rules 2023, slab
 * order) run on saving and from then on while typing; the server's 422 field errors appear beside the same fields.
 */
export function TariffEditor({ initial, startedFrom, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [origin, setOrigin] = useState(startedFrom);
  const [submitted, setSubmitted] = useState(false);
  const create = useCreateTariff();
  const liveErrors = useMemo(() => checkTariff(draft), [draft]);
  const formErrors = submitted ? liveErrors : {};
  const serverErrors = fieldErrorsOf(create.error);
  const errors = { ...formErrors, ...serverErrors };
  const unplaced = unplacedErrors(errors, draft);

  function submit() {
    setSubmitted(true);
    create.reset();
    if (Object.keys(liveErrors).length === 0) create.mutate(toTariff(draft), { onSuccess: onSaved });
  }

  const updateCategory = (c: number) => (update: (category: CategoryDraft) => CategoryDraft) =>
    setDraft((d) => ({ ...d, categories: d.categories.map((category, i) => (i === c ? update(category) : category)) }));

  return (
    <form
      aria-label="New tariff version"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack spacing={2}>
        <Card variant="outlined">
          <CardContent>
            <Typography component="h2" variant="h6">
              New tariff version
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Starts as {origin}. Versions are only added: this one is in force from its day until a later version&apos;s.
            </Typography>
            {create.isError && Object.keys(serverErrors).length === 0 && <Alert severity="error">{messageOf(create.error)}</Alert>}
            {Object.keys(errors).length > 0 && (
              <Alert severity="error" role="alert" sx={{ mt: 1 }}>
                {Object.keys(serverErrors).length > 0 ? 'The server refused this version' : 'Some values need correcting before saving'}: see
                the fields marked below.
                {unplaced.length > 0 && (
                  <ul style={{ margin: 0 }}>
                    {unplaced.map(([field, message]) => (
                      <li key={field}>
                        {field}: {message}
                      </li>
                    ))}
                  </ul>
                )}
              </Alert>
            )}
            <Grid container spacing={1}>
              <Grid size={{ xs: 12, md: 6 }}>
                <FormTextField size="small" label="Name" value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} error={errors.name} hint="e.g. Tariff order 2027-28" />
              </Grid>
              <Grid size={{ xs: 6, md: 3 }}>
                <FormTextField
                  size="small"
                  type="date"
                  label="In force from"
                  value={draft.effective_from}
                  onChange={(effective_from) => setDraft((d) => ({ ...d, effective_from }))}
                  error={errors.effective_from}
                  hint="The tenant's day (IST)"
                  slotProps={{ inputLabel: { shrink: true } }}
                />
              </Grid>
              <Grid size={{ xs: 6, md: 3 }}>
                <TextField
                  select
                  fullWidth
                  size="small"
                  margin="normal"
                  label="Bill total rounded"
                  value={draft.rounding}
                  onChange={(e) => setDraft((d) => ({ ...d, rounding: e.target.value as Rounding }))}
                  error={Boolean(errors.rounding)}
                  helperText={errors.rounding ?? ' '}
                >
                  <MenuItem value="RUPEE">To the rupee</MenuItem>
                  <MenuItem value="PAISA">To the paisa</MenuItem>
                </TextField>
              </Grid>
            </Grid>
            {errors.categories && <Alert severity="error">{errors.categories}</Alert>}
          </CardContent>
        </Card>
        {draft.categories.map((category, c) => (
          <TariffCategoryEditor
            key={c}
            index={c}
            category={category}
            errors={errors}
            coverage={liveErrors[`${categoryPath(c)}.tod_slots`]}
            onChange={updateCategory(c)}
            onRemove={
              draft.categories.length > 1
                ? () => setDraft((d) => ({ ...d, categories: d.categories.filter((_, i) => i !== c) }))
                : undefined
            }
          />
        ))}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" disabled={create.isPending}>
            Save version
          </Button>
          <Button onClick={() => setDraft((d) => ({ ...d, categories: [...d.categories, emptyCategory()] }))}>Add category</Button>
          <Button
            onClick={() => {
              setDraft(emptyTariffDraft());
              setOrigin('empty');
              setSubmitted(false);
              create.reset();
            }}
          >
            Start from empty
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </Stack>
      </Stack>
    </form>
  );
}
