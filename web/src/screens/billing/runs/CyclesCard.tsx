import { Alert, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { QueryStatus } from '../../../components/QueryStatus';
import { cycleSchedule } from './billingLabels';
import { useCycles, useNode } from './billingQueries';
import { SectionCard } from './SectionCard';
import type { ReactNode } from 'react';

function NodeChip({ id }: { id: string }) {
  const node = useNode(id);
  return <Chip size="small" label={node.data ? `${node.data.code} · ${node.data.name}` : '…'} />;
}

/** The tenant's billing cycles with the network nodes whose consumers each bills. */
export function CyclesCard({ actions }: { actions?: ReactNode }) {
  const cycles = useCycles();
  return (
    <SectionCard title="Billing cycles" actions={actions}>
      <QueryStatus query={cycles}>
        {(list) =>
          list.length === 0 ? (
            <Alert severity="info">No billing cycles yet.</Alert>
          ) : (
            <Table size="small" aria-label="Billing cycles">
              <TableHead>
                <TableRow>
                  <TableCell>Code</TableCell>
                  <TableCell>Name</TableCell>
                  <TableCell>Schedule</TableCell>
                  <TableCell>Network nodes</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.map((cycle) => (
                  <TableRow key={cycle.id}>
                    <TableCell>{cycle.code}</TableCell>
                    <TableCell>{cycle.name}</TableCell>
                    <TableCell>{cycleSchedule(cycle)}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        {(cycle.node_ids ?? []).map((id) => (
                          <NodeChip key={id} id={id} />
                        ))}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </QueryStatus>
    </SectionCard>
  );
}
