import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { api, type Schemas } from '../../api/client';
import { messageOf, unwrap } from '../../api/problem';
import { formatIstDateTime } from '../../format/indian';

/** The vendor's API keys: issue a new one (shown once), optionally revoking the others, or revoke one. */
export function ApiKeysPanel({ vendor }: { vendor: Schemas['HesVendor'] }) {
  const vendorId = vendor.id ?? '';
  const queryClient = useQueryClient();
  const [revokeOthers, setRevokeOthers] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['vendor', vendorId] });

  const rotate = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/hes-vendors/{id}/api-keys', {
          params: { path: { id: vendorId }, query: { revoke_others: revokeOthers } },
        }),
      ),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: async (keyId: string) => {
      const outcome = await api.DELETE('/api/v1/hes-vendors/{id}/api-keys/{keyId}', {
        params: { path: { id: vendorId, keyId } },
      });
      unwrap(outcome);
    },
    onSuccess: refresh,
  });

  return (
    <Card component="section" aria-labelledby="api-keys-title" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id="api-keys-title" component="h2" variant="h6" gutterBottom>
          API keys
        </Typography>
        <List dense aria-label="API keys">
          {(vendor.api_keys ?? []).filter((key) => !key.revoked_at).map((key) => (
            <ListItem
              key={key.id}
              secondaryAction={
                <Tooltip title="Revoke this key">
                  <IconButton
                    edge="end"
                    aria-label={`Revoke key ${key.prefix}…`}
                    onClick={() => key.id && revoke.mutate(key.id)}
                    disabled={revoke.isPending}
                  >
                    <DeleteIcon />
                  </IconButton>
                </Tooltip>
              }
            >
              <ListItemText
                primary={`${key.prefix}…`}
                secondary={key.created_at ? `Issued ${formatIstDateTime(key.created_at)}` : undefined}
              />
            </ListItem>
          ))}
        </List>
        <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
          <FormControlLabel
            control={<Checkbox checked={revokeOthers} onChange={(e) => setRevokeOthers(e.target.checked)} />}
            label="Revoke the other keys"
          />
          <Button variant="outlined" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
            Issue new key
          </Button>
        </Stack>
        {rotate.isSuccess && (
          <Alert severity="success" sx={{ mt: 1, wordBreak: 'break-all' }}>
            New key (shown only now; give it to the vendor): <code>{rotate.data.api_key}</code>
          </Alert>
        )}
        {(rotate.isError || revoke.isError) && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {messageOf(rotate.error ?? revoke.error)}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
