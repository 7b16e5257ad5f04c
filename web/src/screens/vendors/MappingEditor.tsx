import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardContent, Grid, List, ListItem, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { api } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { MONOSPACE_INPUT } from '../../components/monospace';
import { TimeZoneField } from '../../components/TimeZoneField';
import { formatIstDateTime } from '../../format/indian';
import { ChannelMappingPanel } from './ChannelMappingPanel';
import { checkDraft, parseDraft, withField } from './mappingDraft';

const STRUCTURED_FIELDS = ['time_zone', 'interval_stamp', 'interval_minutes'];

interface MappingEditorProps {
  vendorId: string;
  draft: string;
  onDraftChange(text: string): void;
  /** After a save: the saved mapping is in force, the draft is no longer needed. */
  onSaved?(): void;
  version?: number;
  savedAt?: string;
  savedBy?: string;
  canSave: boolean;
}

/** The vendor's payload mapping: structured fields for the common settings and the whole JSON. */
export function MappingEditor(props: MappingEditorProps) {
  const { vendorId, draft, onDraftChange, onSaved, version, savedAt, savedBy, canSave } = props;
  const queryClient = useQueryClient();
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const parsed = parseDraft(draft);
  const mapping = parsed.mapping;

  const save = useMutation({
    mutationFn: async () => {
      if (!mapping) throw new Error('Fix the JSON first');
      return unwrap(
        await api.PUT('/api/v1/hes-vendors/{id}/mapping', { params: { path: { id: vendorId } }, body: mapping }),
      );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['mapping', vendorId], saved);
      void queryClient.invalidateQueries({ queryKey: ['mapping-versions', vendorId] });
      onSaved?.();
    },
  });

  const errors = { ...formErrors, ...fieldErrorsOf(save.error) };
  const otherErrors = Object.entries(errors).filter(
    ([field]) => !STRUCTURED_FIELDS.includes(field) && !field.startsWith('codes.') && !field.startsWith('units.'),
  );

  function edit(text: string) {
    setFormErrors({});
    save.reset();
    onDraftChange(text);
  }

  function submit() {
    if (!mapping) return;
    const problems = checkDraft(mapping);
    setFormErrors(problems);
    if (Object.keys(problems).length === 0) save.mutate();
  }

  return (
    <Card component="section" aria-labelledby="mapping-title">
      <CardContent>
        <Typography id="mapping-title" component="h2" variant="h6">
          Payload mapping
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {version === undefined
            ? 'No mapping saved yet.'
            : `Version ${version} in force, saved ${savedAt ? formatIstDateTime(savedAt) : ''} by ${savedBy ?? 'unknown'}.`}
        </Typography>
        <Grid container spacing={2} sx={{ mt: 1 }}>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TimeZoneField
              value={mapping?.time_zone ?? ''}
              disabled={!mapping}
              onChange={(zone) => edit(withField(draft, 'time_zone', zone))}
              error={errors.time_zone}
              hint="IANA zone of the vendor’s timestamps, e.g. Asia/Kolkata"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              select
              fullWidth
              label="Timestamp marks"
              value={mapping?.interval_stamp ?? 'END'}
              disabled={!mapping}
              onChange={(e) => edit(withField(draft, 'interval_stamp', e.target.value as 'START' | 'END'))}
              error={Boolean(errors.interval_stamp)}
              helperText={errors.interval_stamp ?? 'Whether a timestamp is the interval’s start or end'}
            >
              <MenuItem value="START">Interval start</MenuItem>
              <MenuItem value="END">Interval end</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              fullWidth
              type="number"
              label="Interval minutes"
              value={mapping?.interval_minutes ?? ''}
              disabled={!mapping}
              onChange={(e) =>
                edit(withField(draft, 'interval_minutes', e.target.value === '' ? undefined : Number(e.target.value)))
              }
              error={Boolean(errors.interval_minutes)}
              helperText={errors.interval_minutes ?? 'Push interval, e.g. 15 or 30'}
              slotProps={{ htmlInput: { min: 1, step: 1 } }}
            />
          </Grid>
          <Grid size={{ xs: 12 }}>
            <ChannelMappingPanel draft={draft} mapping={mapping} errors={errors} onEdit={edit} />
          </Grid>
          <Grid size={{ xs: 12 }}>
            <TextField
              fullWidth
              multiline
              minRows={12}
              maxRows={30}
              label="Mapping JSON"
              value={draft}
              onChange={(e) => edit(e.target.value)}
              error={Boolean(parsed.syntaxError) || otherErrors.length > 0}
              helperText={parsed.syntaxError ?? 'Fields, codes, units and the rest of the mapping (see docs/hes-onboarding.md)'}
              slotProps={MONOSPACE_INPUT}
            />
            {otherErrors.length > 0 && (
              <List dense aria-label="Mapping errors">
                {otherErrors.map(([field, message]) => (
                  <ListItem key={field} sx={{ color: 'error.main' }}>
                    {field}: {message}
                  </ListItem>
                ))}
              </List>
            )}
          </Grid>
        </Grid>
        {save.isError && Object.keys(fieldErrorsOf(save.error)).length === 0 && (
          <Alert severity="error">{messageOf(save.error)}</Alert>
        )}
        {save.isError && Object.keys(fieldErrorsOf(save.error)).length > 0 && (
          <Alert severity="error">The server refused the mapping: see the fields marked above.</Alert>
        )}
        {save.isSuccess && <Alert severity="success">Saved as version {save.data.version}; in force now.</Alert>}
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          {canSave && (
            <Button variant="contained" onClick={submit} disabled={!mapping || save.isPending}>
              Save mapping
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
