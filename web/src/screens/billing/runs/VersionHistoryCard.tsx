import { Link as RouterLink } from 'react-router';
import { Link, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatIstDateTime } from '../../../format/indian';
import { formatDay, formatRupees } from './billingLabels';
import { useDeterminantsHistory } from './billingQueries';
import { SectionCard } from './SectionCard';
import { StatusChip } from './StatusChip';

/** Every version of the consumer-period, the latest first, with who accepted it and what the billing system billed. */
export function VersionHistoryCard({ determinantsId }: { determinantsId: string }) {
  const history = useDeterminantsHistory(determinantsId);
  return (
    <SectionCard title="Versions">
      <QueryStatus query={history}>
        {(versions) => (
          <Table size="small" aria-label="Versions of the determinants">
            <TableHead>
              <TableRow>
                <TableCell>Version</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Computed (IST)</TableCell>
                <TableCell>Data version</TableCell>
                <TableCell>Accepted</TableCell>
                <TableCell>Billed</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.id}>
                  <TableCell>
                    {v.id === determinantsId ? (
                      <strong>{`${v.version} (shown)`}</strong>
                    ) : (
                      <Link component={RouterLink} to={`/billing/determinants/${v.id}`}>
                        {`Version ${v.version}`}
                      </Link>
                    )}
                  </TableCell>
                  <TableCell>
                    <StatusChip status={v.status} of="determinants" />
                  </TableCell>
                  <TableCell>
                    {v.created_at ? formatIstDateTime(v.created_at) : ''}
                    {v.run_id && (
                      <>
                        {' · '}
                        <Link component={RouterLink} to={`/billing/runs/${v.run_id}`}>
                          run
                        </Link>
                      </>
                    )}
                  </TableCell>
                  <TableCell>{v.determinants?.data_version}</TableCell>
                  <TableCell>{v.accepted_by ? `${v.accepted_by}: ${v.accepted_reason ?? ''}` : ''}</TableCell>
                  <TableCell>
                    {v.billed?.bill_number
                      ? `Bill ${v.billed.bill_number} of ${formatDay(v.billed.bill_date)}, ${formatRupees(v.billed.total)}`
                      : 'Not billed yet'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryStatus>
    </SectionCard>
  );
}
