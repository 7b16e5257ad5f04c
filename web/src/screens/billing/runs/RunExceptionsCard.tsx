import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { QueryStatus } from '../../../components/QueryStatus';
import { reasonLabel } from './billingLabels';
import { useExceptions, type DeterminantsVersion } from './billingQueries';
import { AcceptExceptionDialog } from './AcceptExceptionDialog';
import { SectionCard } from './SectionCard';

/** The run's determinants held in the exception queue, with their reasons; operators accept one with a reason. */
export function RunExceptionsCard({ runId, runStatus, canAccept }: { runId: string; runStatus: string | undefined; canAccept: boolean }) {
  const exceptions = useExceptions(runId, runStatus);
  const [accepting, setAccepting] = useState<DeterminantsVersion | null>(null);
  return (
    <SectionCard title="Exceptions">
      <QueryStatus query={exceptions}>
        {(list) =>
          list.length === 0 ? (
            <Alert severity="success">No determinants of this run wait in the exception queue.</Alert>
          ) : (
            <TableContainer sx={{ maxHeight: 420 }}>
              <Table size="small" stickyHeader aria-label="Exceptions of the run">
                <TableHead>
                  <TableRow>
                    <TableCell>Account</TableCell>
                    <TableCell>Category</TableCell>
                    <TableCell>Reasons</TableCell>
                    {canAccept && <TableCell>Action</TableCell>}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {list.map((held) => (
                    <TableRow key={held.id}>
                      <TableCell>
                        <Link component={RouterLink} to={`/billing/determinants/${held.id}`}>
                          {held.determinants?.account_no}
                        </Link>
                      </TableCell>
                      <TableCell>{held.determinants?.category}</TableCell>
                      <TableCell>
                        {(held.determinants?.exceptions ?? []).map((reason) => (
                          <Typography key={`${reason.code}-${reason.message}`} variant="body2">
                            <strong>{reasonLabel(reason.code)}</strong>: {reason.message}
                          </Typography>
                        ))}
                      </TableCell>
                      {canAccept && (
                        <TableCell>
                          <Button size="small" onClick={() => setAccepting(held)} aria-label={`Accept ${held.determinants?.account_no}`}>
                            Accept…
                          </Button>
                        </TableCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )
        }
      </QueryStatus>
      {canAccept && <AcceptExceptionDialog held={accepting} onClose={() => setAccepting(null)} />}
    </SectionCard>
  );
}
