import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { QueryStatus } from '../../components/QueryStatus';
import { formatCount, formatDecimal } from '../../format/indian';
import { useVendorCodes } from '../vendors/vendorQueries';
import { useVeeStatistics } from './veeQueries';

/** A share (0–1) as a percentage with one decimal: 0.9734 → "97.3%". */
export function formatShare(share: number | undefined): string {
  return share === undefined || share === null ? '—' : `${formatDecimal(share * 100, 1)}%`;
}

/** Today's VEE figures per HES vendor: values validated, pass rate, share estimated. */
export function VeeStatisticsCard() {
  const statistics = useVeeStatistics();
  const vendorCodes = useVendorCodes(true);
  return (
    <Card component="section" aria-labelledby="vee-statistics-title" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id="vee-statistics-title" component="h2" variant="h6" gutterBottom>
          VEE pass rate today
        </Typography>
        <QueryStatus query={statistics}>
          {(s) =>
            (s.vendors ?? []).length === 0 ? (
              <Alert severity="info">No data validated today yet.</Alert>
            ) : (
              <Table size="small" aria-label="VEE pass rate per HES vendor">
                <TableHead>
                  <TableRow>
                    <TableCell>HES vendor</TableCell>
                    <TableCell align="right">Values validated</TableCell>
                    <TableCell align="right">Failed</TableCell>
                    <TableCell align="right">Pass rate</TableCell>
                    <TableCell align="right">Estimated</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(s.vendors ?? []).map((v) => (
                    <TableRow key={v.vendor_id ?? 'none'}>
                      <TableCell component="th" scope="row">
                        {(v.vendor_id && vendorCodes.get(v.vendor_id)) || 'No vendor'}
                      </TableCell>
                      <TableCell align="right">{formatCount(v.validated ?? 0)}</TableCell>
                      <TableCell align="right">{formatCount(v.failed ?? 0)}</TableCell>
                      <TableCell align="right">{formatShare(v.pass_rate)}</TableCell>
                      <TableCell align="right">{formatShare(v.estimated_share)}</TableCell>
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
