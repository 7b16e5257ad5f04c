import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { api } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { RolePicker, type GrantableRole } from './RolePicker';

const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;
const MIN_PASSWORD = 8;

interface NewUser {
  username: string;
  display_name: string;
  password: string;
  roles: GrantableRole[];
}

function checkNewUser(user: NewUser): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!USERNAME.test(user.username)) errors.username = '3 to 64 letters, digits or . _ @ -';
  if (user.password.length < MIN_PASSWORD) errors.password = `At least ${MIN_PASSWORD} characters`;
  if (user.roles.length === 0) errors.roles = 'Give the user at least one role';
  return errors;
}

const BLANK: NewUser = { username: '', display_name: '', password: '', roles: [] };

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<NewUser>(BLANK);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/users', { body: user })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      setUser(BLANK);
      onClose();
    },
  });
  const errors = { ...formErrors, ...fieldErrorsOf(create.error) };
  const set = (changes: Partial<NewUser>) => setUser({ ...user, ...changes });
  function submit() {
    const problems = checkNewUser(user);
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
