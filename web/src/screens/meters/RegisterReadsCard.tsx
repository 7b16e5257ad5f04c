import { useQuery } from '@tanstack/react-query';
import { Alert, Card, CardContent, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime, formatQuantity } from '../../format/indian';

const SHOWN = 100;

/** The meter's register reads of the last 31 days, newest first. */
export function RegisterReadsCard({ meterId }: { meterId: string }) {
  const reads = useQuery({
    queryKey: ['registers', meterId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/meters/{meter_id}/registers', { params: { path: { meter_id: meterId } } })),
  });
  return (
    <Card component="section" aria-labelledby="register-reads-title">
      <CardContent>
        <Typography id="register-reads-title" component="h2" variant="h6" gutterBottom>
          Register reads (last 31 days)
        </Typography>
        <QueryStatus query={reads}>
          {(rows) => {
            const newestFirst = [...rows].sort((a, b) => (b.read_at ?? '').localeCompare(a.read_at ?? '')).slice(0, SHOWN);
            if (newestFirst.length === 0) return <Alert severity="info">No register reads in the last 31 days.</Alert>;
            return (
              <TableContainer sx={{ maxHeight: 360 }}>
                <Table size="small" stickyHeader aria-label="Register reads">
                  <TableHead>
                    <TableRow>
                      <TableCell>Read at (IST)</TableCell>
                      <TableCell>Channel</TableCell>
                      <TableCell align="right">Value</TableCell>
                      <TableCell>Quality</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {newestFirst.map((read) => (
                      <TableRow key={`${read.channel}-${read.read_at}`}>
                        <TableCell>{read.read_at ? formatIstDateTime(read.read_at) : '—'}</TableCell>
                        <TableCell>{read.channel}</TableCell>
                        <TableCell align="right">{formatQuantity(read.value ?? 0, read.unit)}</TableCell>
                        <TableCell>{(read.quality ?? []).join(', ')}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            );
          }}
        </QueryStatus>
      </CardContent>
    </Card>
  );
}
