import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { FormTextField } from '../../components/FormTextField';

/** "2026-11-25T10:15" typed as IST → an ISO instant with the +05:30 offset. */
export function istLocalToIso(local: string): string {
  return `${local}:00+05:30`;
}

/** Pick an interval by its end time (IST) to see its versions; the keyboard way to what a bar click does. */
export function IntervalPicker({ onPick }: { onPick(end: string): void }) {
  const [local, setLocal] = useState('');
  const [error, setError] = useState<string>();
  function submit() {
    const problem = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? undefined : 'Give the interval end, date and time';
    setError(problem);
    if (!problem) onPick(istLocalToIso(local));
  }
  return (
    <Stack direction="row" spacing={1} component="form" aria-label="Interval history" noValidate sx={{ alignItems: 'flex-start' }}
      onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <FormTextField size="small" type="datetime-local" label="Interval end (IST)" value={local} onChange={setLocal}
        error={error} fullWidth={false} slotProps={{ inputLabel: { shrink: true } }} />
      <Button type="submit" sx={{ mt: 2 }}>
        Show versions
      </Button>
    </Stack>
  );
}
