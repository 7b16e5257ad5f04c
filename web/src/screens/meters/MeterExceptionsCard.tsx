import { Link as RouterLink } from 'react-router';
import { Alert, Card, CardContent, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime } from '../../format/indian';
import { ruleLabel } from '../vee/veeLabels';
import { useExceptionPage } from '../vee/veeQueries';

/** The meter's VEE exceptions, open and resolved (resolve them in the VEE workbench). */
export function MeterExceptionsCard({ meterId }: { meterId: string }) {
  const exceptions = useExceptionPage({ meter_id: meterId }, 0, 50);
  return (
    <Card component="section" aria-labelledby="meter-exceptions-title" sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography id="meter-exceptions-title" component="h2" variant="h6" sx={{ flexGrow: 1 }}>
            VEE exceptions
          </Typography>
          <Link component={RouterLink} to={`/vee?meter=${meterId}`}>
            Open in the VEE workbench
          </Link>
        </Stack>
        <QueryStatus query={exceptions}>
          {(page) =>
            (page.items ?? []).length === 0 ? (
              <Alert severity="info">No VEE exceptions for this meter.</Alert>
            ) : (
              <Table size="small" aria-label="VEE exceptions of the meter">
                <TableHead>
                  <TableRow>
                    <TableCell>Rule</TableCell>
                    <TableCell>Channel</TableCell>
                    <TableCell>Interval end (IST)</TableCell>
                    <TableCell>Status</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(page.items ?? []).map((e) => (
                    <TableRow key={e.id}>
                      <TableCell>{ruleLabel(e.rule)}{e.blocking ? ' (blocking)' : ''}</TableCell>
                      <TableCell>{e.channel}</TableCell>
                      <TableCell>{e.first_at ? formatIstDateTime(e.first_at) : '—'}</TableCell>
                      <TableCell>{e.status === 'RESOLVED' ? `Resolved (${e.resolution ?? ''})` : 'Open'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )
          }
        </QueryStatus>
      </CardContent>
    </Card>
  );
}
