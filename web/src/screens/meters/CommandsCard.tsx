import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/problem';
import { DATA_OPERATORS, hasAnyRole } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime } from '../../format/indian';
import { commandLabel, type Command } from './commandForm';
import { IssueCommandDialog } from './IssueCommandDialog';

const FINAL_STATES = ['EXECUTED', 'FAILED', 'TIMED_OUT', 'CANCELLED'];
/** How often the list is read again while a command is on its way (the HES answers within seconds). */
const IN_FLIGHT_REFRESH_MS = 2000;

/** The meter's latest commands, read again every couple of seconds while any of them has not ended. */
function useMeterCommands(meterId: string) {
  return useQuery({
    queryKey: ['commands', meterId],
    queryFn: async () => unwrap(await api.GET('/api/v1/commands', { params: { query: { meter_id: meterId, size: 20 } } })),
    refetchInterval: (query) =>
      (query.state.data?.items ?? []).some((c) => !FINAL_STATES.includes(c.status ?? '')) ? IN_FLIGHT_REFRESH_MS : false,
  });
}

function useCancelCommand(meterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/v1/commands/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['commands', meterId] }),
  });
}

/** The latest step of a command: "Executed 25 Nov 2026, 10:15 IST", or why it failed. */
function commandState(c: Command): string {
  const at = c.completed_at ?? c.acknowledged_at ?? c.sent_at ?? c.requested_at;
  const when = at ? ` ${formatIstDateTime(at)}` : '';
  return `${c.status ?? ''}${when}${c.reason ? ` — ${c.reason}` : ''}`;
}

/** Commands issued to the meter with their states; operators issue one (after confirming) or cancel one not yet sent. */
export function CommandsCard({ meterId, serial }: { meterId: string; serial: string }) {
  const session = useSignedIn();
  const canIssue = hasAnyRole(session.roles, DATA_OPERATORS);
  const commands = useMeterCommands(meterId);
  const cancel = useCancelCommand(meterId);
  const [issuing, setIssuing] = useState(false);
  return (
    <Card component="section" aria-labelledby="commands-title" sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography id="commands-title" component="h2" variant="h6" sx={{ flexGrow: 1 }}>
            Commands
          </Typography>
          {canIssue && (
            <Button variant="outlined" onClick={() => setIssuing(true)}>
              Issue command
            </Button>
          )}
        </Stack>
        {cancel.isError && <Alert severity="error">{messageOf(cancel.error)}</Alert>}
        <QueryStatus query={commands}>
          {(page) =>
            (page.items ?? []).length === 0 ? (
              <Alert severity="info">No commands issued to this meter.</Alert>
            ) : (
              <Table size="small" aria-label="Commands issued to the meter">
                <TableHead>
                  <TableRow>
                    <TableCell>Command</TableCell>
                    <TableCell>Asked by</TableCell>
                    <TableCell>Asked (IST)</TableCell>
                    <TableCell>State</TableCell>
                    {canIssue && <TableCell>Cancel</TableCell>}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(page.items ?? []).map((c) => (
                    <TableRow key={c.id}>
                      <TableCell>{commandLabel(c.type)}</TableCell>
                      <TableCell>{c.requested_by ?? '—'}</TableCell>
                      <TableCell>{c.requested_at ? formatIstDateTime(c.requested_at) : '—'}</TableCell>
                      <TableCell>{commandState(c)}</TableCell>
                      {canIssue && (
                        <TableCell>
                          {c.status === 'REQUESTED' && (
                            <Button size="small" disabled={cancel.isPending} onClick={() => cancel.mutate(c.id ?? '')}
                              aria-label={`Cancel ${commandLabel(c.type)}`}>
                              Cancel
                            </Button>
                          )}
                        </TableCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )
          }
        </QueryStatus>
      </CardContent>
      {canIssue && <IssueCommandDialog meterId={meterId} serial={serial} open={issuing} onClose={() => setIssuing(false)} />}
    </Card>
  );
}
