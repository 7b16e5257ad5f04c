import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { api } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { TimeZoneField } from '../../components/TimeZoneField';
import { TENANTS_KEY } from './platformQueries';
import { StateField } from './StateField';
import { checkTenant, formOf, NEW_TENANT, type Tenant, type TenantForm } from './tenantForm';

interface TenantDialogProps {
  /** The tenant to edit; without one, a new tenant is created. */
  tenant?: Tenant;
  onClose(): void;
  onSaved?(tenant: Tenant): void;
}

/** Creates a tenant (DISCOM), or edits one's name, time zone and state. */
export function TenantDialog({ tenant, onClose, onSaved }: TenantDialogProps) {
  const queryClient = useQueryClient();
  const creating = tenant === undefined;
  const [form, setForm] = useState<TenantForm>(tenant ? formOf(tenant) : NEW_TENANT);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async () => {
      const { code, ...changes } = form;
      return creating
        ? unwrap(await api.POST('/api/v1/platform/tenants', { body: form }))
        : unwrap(await api.PUT('/api/v1/platform/tenants/{code}', { params: { path: { code } }, body: changes }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: TENANTS_KEY });
      onSaved?.(saved);
      onClose();
    },
  });
  const errors = { ...formErrors, ...fieldErrorsOf(save.error, 'code') };
  const set = (changes: Partial<TenantForm>) => setForm({ ...form, ...changes });

  function submit() {
    const problems = checkTenant(form, creating);
    setFormErrors(problems);
    if (Object.keys(problems).length === 0) save.mutate();
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{creating ? 'New tenant' : `Edit tenant ${tenant.code}`}</DialogTitle>
      <DialogContent>
        {save.isError && <Alert severity="error">{messageOf(save.error)}</Alert>}
        {creating && (
          <FormTextField
            label="Code"
            value={form.code}
            onChange={(code) => set({ code: code.toLowerCase() })}
            error={errors.code}
            hint="Short and for good: it starts the tenant's usernames, e.g. dhbvn.ravi"
          />
        )}
        <FormTextField label="Name" value={form.name} onChange={(name) => set({ name })} error={errors.name} />
        <TimeZoneField
          margin="normal"
          value={form.time_zone}
          onChange={(time_zone) => set({ time_zone })}
          error={errors.time_zone}
          hint="Sets the DISCOM's day boundaries; India is Asia/Kolkata"
        />
        <StateField value={form.state} onChange={(state) => set({ state })} error={errors.state} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={save.isPending}>
          {creating ? 'Create tenant' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
