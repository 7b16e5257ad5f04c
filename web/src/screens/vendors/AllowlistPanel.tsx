import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { api, type Schemas } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';

/** An IPv4/IPv6 address or CIDR block, as far as a form can tell; the server has the last word. */
const ADDRESS = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

/** Addresses the vendor's HES may call from. */
export function AllowlistPanel({ vendor, canEdit }: { vendor: Schemas['HesVendor']; canEdit: boolean }) {
  const vendorId = vendor.id ?? '';
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<string[]>(vendor.ip_allowlist ?? []);
  const [candidate, setCandidate] = useState('');
  const [candidateError, setCandidateError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/hes-vendors/{id}', {
          params: { path: { id: vendorId } },
          body: { name: vendor.name, protocol: vendor.protocol, ip_allowlist: entries },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(['vendor', vendorId], saved),
  });

  function add() {
    const value = candidate.trim();
    if (!ADDRESS.test(value)) {
      setCandidateError('Enter an IP address or CIDR block, e.g. 10.20.0.0/16');
      return;
    }
    if (!entries.includes(value)) setEntries([...entries, value]);
    setCandidate('');
    setCandidateError(null);
    save.reset();
  }

  const serverError = fieldErrorsOf(save.error).ip_allowlist;
  return (
    <Card component="section" aria-labelledby="allowlist-title" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id="allowlist-title" component="h2" variant="h6" gutterBottom>
          IP allowlist
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{mb: 2, flexWrap: "wrap" }} aria-label="Allowed addresses">
          {entries.length === 0 && <Typography color="text.secondary">Any address may call.</Typography>}
          {entries.map((entry) => (
            <Chip
              key={entry}
              label={entry}
              onDelete={canEdit ? () => setEntries(entries.filter((e) => e !== entry)) : undefined}
            />
          ))}
        </Stack>
        {canEdit && (
          <Stack direction="row" spacing={1} sx={{ alignItems: "flex-start" }}>
            <TextField
              size="small"
              label="Add address or CIDR"
              value={candidate}
              onChange={(e) => setCandidate(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') add();
              }}
              error={Boolean(candidateError ?? serverError)}
              helperText={candidateError ?? serverError ?? ' '}
            />
            <Button onClick={add}>Add</Button>
            <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending}>
              Save allowlist
            </Button>
          </Stack>
        )}
        {save.isSuccess && <Alert severity="success">Allowlist saved.</Alert>}
        {save.isError && !serverError && <Alert severity="error">{messageOf(save.error)}</Alert>}
      </CardContent>
    </Card>
  );
}
