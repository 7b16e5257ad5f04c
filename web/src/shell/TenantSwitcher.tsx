import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { messageOf } from '../api/problem';
import { useSignedIn, useSession } from '../auth/SessionProvider';
import { useTenants } from '../screens/platform/platformQueries';

/** A platform administrator picks the tenant to act in. */
export function TenantSwitcher({ open, onClose }: { open: boolean; onClose(): void }) {
  const session = useSignedIn();
  const { switchTenant } = useSession();
  const [tenant, setTenant] = useState(session.tenant ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const tenants = useTenants(open);

  async function confirm() {
    setFailure(null);
    try {
      await switchTenant(tenant);
      onClose();
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>Switch tenant</DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error">{failure}</Alert>}
        {tenants.isError && <Alert severity="error">{messageOf(tenants.error)}</Alert>}
        <TextField
          select
          fullWidth
          margin="normal"
          label="Tenant"
          value={tenant}
          onChange={(e) => setTenant(e.target.value)}
        >
          {(tenants.data ?? []).map((t) => (
            <MenuItem key={t.code} value={t.code}>
              {t.name} ({t.code})
            </MenuItem>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={confirm} disabled={!tenant}>
          Switch
        </Button>
      </DialogActions>
    </Dialog>
  );
}
