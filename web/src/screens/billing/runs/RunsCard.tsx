import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatIstDateTime } from '../../../format/indian';
import { formatPeriod, runKindLabel } from './billingLabels';
import { useCycles, useRuns } from './billingQueries';
import { RunProgress } from './RunProgress';
import { SectionCard } from './SectionCard';
import { StatusChip } from './StatusChip';

/** The latest runs, newest first; running ones show a bar and are asked again every few seconds. */
export function RunsCard({ actions }: { actions?: ReactNode }) {
  const runs = useRuns();
  const cycles = useCycles();
  const cycleCode = (id: string | undefined) => cycles.data?.find((c) => c.id === id)?.code ?? '';
  return (
    <SectionCard title="Billing runs" actions={actions}>
      <QueryStatus query={runs}>
        {(list) =>
          list.length === 0 ? (
            <Alert severity="info">No billing runs yet.</Alert>
          ) : (
            <TableContainer sx={{ maxHeight: 520 }}>
              <Table size="small" stickyHeader aria-label="Billing runs">
                <TableHead>
                  <TableRow>
                    <TableCell>Started (IST)</TableCell>
                    <TableCell>Kind</TableCell>
                    <TableCell>Period</TableCell>
                    <TableCell>Status</TableCell>
                    <TableCell>Progress</TableCell>
                    <TableCell>Started by</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {list.map((run) => (
                    <TableRow key={run.id}>
                      <TableCell>
                        <Link component={RouterLink} to={`/billing/runs/${run.id}`}>
                          {run.started_at ? formatIstDateTime(run.started_at) : 'Run'}
                        </Link>
                      </TableCell>
                      <TableCell>{run.kind === 'CYCLE' ? `Cycle ${cycleCode(run.cycle_id)}` : runKindLabel(run.kind)}</TableCell>
                      <TableCell>{formatPeriod(run.first_day, run.last_day)}</TableCell>
                      <TableCell>
                        <StatusChip status={run.status} of="run" />
                      </TableCell>
                      <TableCell>
                        <RunProgress run={run} label={`Progress of the run started ${run.started_at ? formatIstDateTime(run.started_at) : ''}`} />
                      </TableCell>
                      <TableCell>{run.started_by}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )
        }
      </QueryStatus>
    </SectionCard>
  );
}
