import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { api, type Schemas } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';

type Protocol = Schemas['CreateVendor']['protocol'];
const PROTOCOLS: readonly Protocol[] = ['REST', 'MQTT', 'DLMS', 'FILE'];
const CODE = /^[A-Z0-9_-]{2,32}$/;

/** Registers a new HES vendor; its first API key is shown once, then the vendor opens for its mapping. */
export function CreateVendorDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [protocol, setProtocol] = useState<Protocol>('REST');
  const [allowlist, setAllowlist] = useState('');
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/hes-vendors', {
          body: {
            code,
            name,
            protocol,
            ip_allowlist: allowlist
              .split(/[\s,]+/)
              .map((entry) => entry.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['vendors'] }),
  });
  const errors = { ...formErrors, ...fieldErrorsOf(create.error) };

  function submit() {
    const problems: Record<string, string> = {};
    if (!CODE.test(code)) problems.code = '2 to 32 capital letters, digits, - or _';
    if (name.trim() === '') problems.name = 'Enter the vendor’s name';
    setFormErrors(problems);
    if (Object.keys(problems).length === 0) create.mutate();
  }

  const created = create.data;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>New HES vendor</DialogTitle>
      <DialogContent>
        {created ? (
          <Alert severity="success" sx={{ wordBreak: 'break-all' }}>
            Vendor {created.vendor?.code} registered. Its API key (shown only now; give it to the vendor):{' '}
            <code>{created.api_key}</code>
          </Alert>
        ) : (
          <>
            {create.isError && <Alert severity="error">{messageOf(create.error)}</Alert>}
            <FormTextField
              label="Code"
              value={code}
              onChange={(value) => setCode(value.toUpperCase())}
              error={errors.code}
              hint="Short and stable, e.g. ACME"
            />
            <FormTextField label="Name" value={name} onChange={setName} error={errors.name} />
            <TextField
              select
              fullWidth
              margin="normal"
              label="Protocol"
              value={protocol}
              onChange={(e) => setProtocol(e.target.value as Protocol)}
            >
              {PROTOCOLS.map((p) => (
                <MenuItem key={p} value={p}>
                  {p}
                </MenuItem>
              ))}
            </TextField>
            <FormTextField
              label="IP allowlist"
              value={allowlist}
              onChange={setAllowlist}
              error={errors.ip_allowlist}
              hint="Addresses or CIDR blocks, separated by commas; empty allows any"
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{created ? 'Close' : 'Cancel'}</Button>
        {created ? (
          <Button variant="contained" onClick={() => navigate(`/vendors/${created.vendor?.id}`)}>
            Open vendor
          </Button>
        ) : (
          <Button variant="contained" onClick={submit} disabled={create.isPending}>
            Register vendor
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
