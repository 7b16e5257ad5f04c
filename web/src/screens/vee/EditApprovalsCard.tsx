import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { api, type Schemas } from '../../api/client';
import { messageOf, unwrap } from '../../api/problem';
import { hasAnyRole, TENANT_ADMINS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { QueryStatus } from '../../components/QueryStatus';
import { formatCount, formatIstDateTime } from '../../format/indian';
import { useMeter } from '../meters/meterQueries';
import { REASON_CODES } from './veeLabels';

type VeeEdit = Schemas['VeeEdit'];

const ACTIONS: Record<string, string> = { SET: 'Set to a value', SCALE: 'Scale by a factor', ESTIMATE: 'Estimate' };

function reasonLabel(code: string | undefined): string {
  return REASON_CODES.find((r) => r.code === code)?.label ?? code ?? '—';
}

function usePendingEdits() {
  return useQuery({
    queryKey: ['vee', 'edits', 'PENDING'],
    queryFn: async () => unwrap(await api.GET('/api/v1/vee/edits', { params: { query: { status: 'PENDING', size: 200 } } })),
  });
}

function MeterLink({ meterId }: { meterId: string }) {
  const meter = useMeter(meterId);
  return (
    <Link component={RouterLink} to={`/meters/${meterId}`}>
      {meter.data?.serial ?? 'Meter'}
    </Link>
  );
}

/**
 * Edits waiting for a second tenant administrator (when the VEE settings ask for approval): who asked,
 * what and why; an administrator other than the requester approves (the edit is applied) or rejects.
 */
export function EditApprovalsCard() {
  const session = useSignedIn();
  const canDecide = hasAnyRole(session.roles, TENANT_ADMINS);
  const pending = usePendingEdits();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string>();
  const decide = useMutation({
    mutationFn: async ({ edit, approve }: { edit: VeeEdit; approve: boolean }) => {
      const options = { params: { path: { id: edit.id ?? '' } } };
      return unwrap(
        approve
          ? await api.POST('/api/v1/vee/edits/{id}/approve', options)
          : await api.POST('/api/v1/vee/edits/{id}/reject', options),
      );
    },
    onSuccess: (edit) => {
      setOutcome(edit.status === 'APPLIED' ? 'Edit approved and applied.' : 'Edit rejected: the data stays as it was.');
      void queryClient.invalidateQueries({ queryKey: ['vee'] });
      void queryClient.invalidateQueries({ queryKey: ['consumption'] });
      void queryClient.invalidateQueries({ queryKey: ['interval-history'] });
    },
    onMutate: () => setOutcome(undefined),
  });

  return (
    <Card component="section" aria-labelledby="edit-approvals-title">
      <CardContent>
        <Typography id="edit-approvals-title" component="h2" variant="h6" gutterBottom>
          Edits awaiting approval
          {pending.data ? ` (${formatCount(pending.data.total ?? 0)})` : ''}
        </Typography>
        {decide.isError && <Alert severity="error">{messageOf(decide.error)}</Alert>}
        {outcome && (
          <Alert severity="success" role="status" onClose={() => setOutcome(undefined)}>
            {outcome}
          </Alert>
        )}
        <QueryStatus query={pending}>
          {(page) =>
            (page.items ?? []).length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                No edit is waiting for approval.
              </Typography>
            ) : (
              <Table size="small" aria-label="Edits awaiting approval">
                <TableHead>
                  <TableRow>
                    <TableCell>Meter</TableCell>
                    <TableCell>Change</TableCell>
                    <TableCell>Range (IST)</TableCell>
                    <TableCell>Reason</TableCell>
                    <TableCell>Asked by</TableCell>
                    {canDecide && <TableCell>Decision</TableCell>}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(page.items ?? []).map((edit) => {
                    const own = edit.requested_by === session.username;
                    return (
                      <TableRow key={edit.id}>
                        <TableCell>{edit.meter_id && <MeterLink meterId={edit.meter_id} />}</TableCell>
                        <TableCell>
                          {ACTIONS[edit.action ?? ''] ?? edit.action}
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                            {edit.channel}
                          </Typography>
                        </TableCell>
                        <TableCell>
                          {edit.first_at ? formatIstDateTime(edit.first_at) : '—'}
                          {edit.last_at && edit.last_at !== edit.first_at ? ` to ${formatIstDateTime(edit.last_at)}` : ''}
                        </TableCell>
                        <TableCell>
                          {reasonLabel(edit.reason_code)}
                          {edit.note && (
                            <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                              {edit.note}
                            </Typography>
                          )}
                        </TableCell>
                        <TableCell>
                          {edit.requested_by}
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                            {edit.requested_at ? formatIstDateTime(edit.requested_at) : ''}
                          </Typography>
                        </TableCell>
                        {canDecide && (
                          <TableCell>
                            {own ? (
                              <Typography variant="caption" color="text.secondary">
                                Your own edit: another tenant administrator decides it
                              </Typography>
                            ) : (
                              <Stack direction="row" spacing={1}>
                                <Button
                                  size="small"
                                  variant="contained"
                                  disabled={decide.isPending}
                                  aria-label={`Approve the edit asked by ${edit.requested_by} at ${
                                    edit.requested_at ? formatIstDateTime(edit.requested_at) : ''
                                  }`}
                                  onClick={() => decide.mutate({ edit, approve: true })}
                                >
                                  Approve
                                </Button>
                                <Button
                                  size="small"
                                  color="error"
                                  disabled={decide.isPending}
                                  aria-label={`Reject the edit asked by ${edit.requested_by} at ${
                                    edit.requested_at ? formatIstDateTime(edit.requested_at) : ''
                                  }`}
                                  onClick={() => decide.mutate({ edit, approve: false })}
                                >
                                  Reject
                                </Button>
                              </Stack>
                            )}
                          </TableCell>
                        )}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )
          }
        </QueryStatus>
      </CardContent>
    </Card>
  );
}
