import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Switch } from '@mui/material';
import { api, type Schemas } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { GRANTABLE_ROLES, RolePicker, type GrantableRole } from './RolePicker';

type User = Schemas['UserAccount'];

function grantable(roles: User['roles']): GrantableRole[] {
  return GRANTABLE_ROLES.map((r) => r.role).filter((role) => (roles ?? []).includes(role));
}

/** Change a user's roles or enable/disable the account. */
export function EditRolesDialog({ user, onClose }: { user: User; onClose(): void }) {
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<GrantableRole[]>(grantable(user.roles));
  const [enabled, setEnabled] = useState(user.enabled ?? true);
  const [rolesError, setRolesError] = useState<string | undefined>();
  const update = useMutation({
    mutationFn: async () =>
      unwrap(await api.PUT('/api/v1/users/{id}', { params: { path: { id: user.id ?? '' } }, body: { roles, enabled } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });

  function submit() {
    const error = roles.length === 0 ? 'Give the user at least one role' : undefined;
    setRolesError(error);
    if (!error) update.mutate();
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Roles of {user.username}</DialogTitle>
      <DialogContent>
        {update.isError && <Alert severity="error">{messageOf(update.error)}</Alert>}
        <RolePicker value={roles} onChange={setRoles} error={rolesError ?? fieldErrorsOf(update.error).roles} />
        <FormControlLabel
          control={<Switch checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />}
          label="Account enabled"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={update.isPending}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
