import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { api } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { checkNewUser } from '../users/CreateUserDialog';

/** A tenant administrator for a tenant, typically its first, who then creates the tenant's other users. */
export function TenantAdminDialog({ tenantCode, onClose }: { tenantCode: string; onClose(): void }) {
  const [username, setUsername] = useState(`${tenantCode}.`);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const user = { username, display_name: displayName, password, roles: ['TENANT_ADMIN' as const] };
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/platform/tenants/{code}/admins', { params: { path: { code: tenantCode } }, body: user }),
      ),
  });
  // a taken username comes back as a conflict: it belongs beside the username
  const errors = { ...formErrors, ...fieldErrorsOf(create.error, 'username') };

  function submit() {
    const problems = checkNewUser(user, tenantCode);
    setFormErrors(problems);
    if (Object.keys(problems).length === 0) create.mutate();
  }

  const created = create.data;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>New administrator of {tenantCode}</DialogTitle>
      <DialogContent>
        {created ? (
          <Alert severity="success">
            {created.username} can now sign in as the tenant&apos;s administrator, with the password you set.
          </Alert>
        ) : (
          <>
            {create.isError && <Alert severity="error">{messageOf(create.error)}</Alert>}
            <FormTextField label="Username" value={username} onChange={setUsername} error={errors.username} />
            <FormTextField label="Display name" value={displayName} onChange={setDisplayName} error={errors.display_name} />
            <FormTextField
              label="Initial password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              error={errors.password}
              hint="12 to 128 characters; give it to the administrator privately"
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{created ? 'Close' : 'Cancel'}</Button>
        {!created && (
          <Button variant="contained" onClick={submit} disabled={create.isPending}>
            Create administrator
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
