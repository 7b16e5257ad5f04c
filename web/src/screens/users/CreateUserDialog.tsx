import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { api } from '../../api/client';
import { useSignedIn } from '../../auth/SessionProvider';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { RolePicker, type GrantableRole } from './RolePicker';

const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;
/** NIST SP 800-63B, as the server checks it (which also refuses common passwords and ones holding the username). */
const MIN_PASSWORD = 12;

interface NewUser {
  username: string;
  display_name: string;
  password: string;
  roles: GrantableRole[];
}

/** What the server would refuse, said before asking it; a tenant's usernames start with its code and a dot. */
export function checkNewUser(user: NewUser, tenant: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!USERNAME.test(user.username)) errors.username = '3 to 64 letters, digits or . _ @ -';
  else if (!user.username.toLowerCase().startsWith(`${tenant.toLowerCase()}.`) || user.username.length <= tenant.length + 1)
    errors.username = `Starts with ${tenant}. followed by a name`;
  if (user.password.length < MIN_PASSWORD) errors.password = `At least ${MIN_PASSWORD} characters`;
  if (user.roles.length === 0) errors.roles = 'Give the user at least one role';
  return errors;
}

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const queryClient = useQueryClient();
  const tenant = useSignedIn().tenant ?? '';
  const blank: NewUser = { username: `${tenant}.`, display_name: '', password: '', roles: [] };
  const [user, setUser] = useState<NewUser>(blank);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/users', { body: user })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      setUser(blank);
      onClose();
    },
  });
  const errors = { ...formErrors, ...fieldErrorsOf(create.error) };
  const set = (changes: Partial<NewUser>) => setUser({ ...user, ...changes });
  function submit() {
    const problems = checkNewUser(user, tenant);
    setFormErrors(problems);
    if (Object.keys(problems).length === 0) create.mutate();
  }

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>New user</DialogTitle>
      <DialogContent>
        {create.isError && <Alert severity="error">{messageOf(create.error)}</Alert>}
        <FormTextField label="Username" value={user.username} onChange={(username) => set({ username })} error={errors.username} />
        <FormTextField
          label="Display name"
          value={user.display_name}
          onChange={(display_name) => set({ display_name })}
          error={errors.display_name}
        />
        <FormTextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          value={user.password}
          onChange={(password) => set({ password })}
          error={errors.password}
        />
        <RolePicker value={user.roles} onChange={(roles) => set({ roles })} error={errors.roles} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={create.isPending}>
          Create user
        </Button>
      </DialogActions>
    </Dialog>
  );
}
