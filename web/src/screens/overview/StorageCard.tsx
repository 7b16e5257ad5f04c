import { useQuery } from '@tanstack/react-query';
import { Card, CardContent, Typography } from '@mui/material';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FactsTable } from '../../components/FactsTable';
import { QueryStatus } from '../../components/QueryStatus';
import { formatBytes, formatCount, formatDecimal } from '../../format/indian';

/** Platform-wide storage of interval and register data (platform administrators only). */
export function StorageCard() {
  const storage = useQuery({
    queryKey: ['platform', 'storage'],
    queryFn: async () => unwrap(await api.GET('/api/v1/platform/storage')),
  });
  return (
    <Card component="section" aria-labelledby="storage-title" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id="storage-title" component="h2" variant="h6" gutterBottom>
          Storage (all tenants)
        </Typography>
        <QueryStatus query={storage}>
          {(s) => (
            <FactsTable
              label="Storage"
              alignValues="right"
              facts={[
                  ['Interval values stored', formatCount(s.interval_values ?? 0)],
                  ['Register values stored', formatCount(s.register_values ?? 0)],
                  ['Interval data', formatBytes(s.interval_bytes ?? 0)],
                  ['Interval history', formatBytes(s.interval_history_bytes ?? 0)],
                  ['Register data', formatBytes(s.register_bytes ?? 0)],
                  ['Bytes per interval value', formatDecimal(s.bytes_per_interval_value ?? 0, 2)],
                ]}
            />
          )}
        </QueryStatus>
      </CardContent>
    </Card>
  );
}
