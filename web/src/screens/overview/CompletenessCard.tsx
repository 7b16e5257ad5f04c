import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { QueryStatus } from '../../components/QueryStatus';
import { formatCount, formatDecimal, formatIstDate, formatIstDateTime } from '../../format/indian';
import { formatShare } from '../vee/VeeStatisticsCard';
import { completenessRows, useCompleteness } from './completeness';

/**
 * Today's data completeness per HES vendor (intervals expected from meters in service, received,
 * validated) and the ingest rate of the last hour.
 */
export function CompletenessCard({ refreshMs }: { refreshMs?: number }) {
  const completeness = useCompleteness(refreshMs);
  return (
    <Card component="section" aria-labelledby="completeness-title" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id="completeness-title" component="h2" variant="h6" gutterBottom>
          Data completeness today
        </Typography>
        <QueryStatus query={completeness}>
          {(c) => {
            const window = c.rate_window_minutes ?? 60;
            const rows = completenessRows(c.vendors ?? [], window);
            return (
              <>
                <Typography variant="body2" color="text.secondary" gutterBottom>
                  Load-profile intervals (kWh import) of {c.day ? formatIstDate(`${c.day}T12:00:00+05:30`) : 'today'} that
                  have ended, from meters commissioned or in service
                  {c.as_of ? `, as of ${formatIstDateTime(c.as_of)}` : ''}. Readings per minute: rows accepted over the
                  last {formatCount(window)} minutes.
                </Typography>
                {rows.length === 0 ? (
                  <Alert severity="info">No meter in service expects data today.</Alert>
                ) : (
                  <Table size="small" aria-label="Data completeness per HES vendor">
                    <TableHead>
                      <TableRow>
                        <TableCell>HES vendor</TableCell>
                        <TableCell align="right">Expected</TableCell>
                        <TableCell align="right">Received</TableCell>
                        <TableCell align="right">Validated</TableCell>
                        <TableCell align="right">Readings/min</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {rows.map((row) => (
                        <TableRow key={row.key} data-testid={`completeness-${row.key === 'all' ? 'all' : row.label}`}>
                          <TableCell component="th" scope="row">
                            {row.label}
                            <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                              {formatCount(row.meters)} {row.meters === 1 ? 'meter' : 'meters'}
                            </Typography>
                          </TableCell>
                          <TableCell align="right">{formatCount(row.expected)}</TableCell>
                          <TableCell align="right">
                            {formatShare(row.receivedShare)}
                            <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                              {formatCount(row.received)}
                            </Typography>
                          </TableCell>
                          <TableCell align="right">
                            {formatShare(row.validatedShare)}
                            <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                              {formatCount(row.validated)}
                              {row.estimated > 0 ? ` (${formatCount(row.estimated)} estimated)` : ''}
                            </Typography>
                          </TableCell>
                          <TableCell align="right">{formatDecimal(row.rowsPerMinute, 1)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </>
            );
          }}
        </QueryStatus>
      </CardContent>
    </Card>
  );
}
