import { useQueries } from '@tanstack/react-query';
import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/problem';
import { FactsTable } from '../../components/FactsTable';
import { formatCount } from '../../format/indian';
import type { MeterFilter } from '../meters/meterQueries';

export interface CountBucket {
  label: string;
  filter: MeterFilter;
}

/** Meters counted per bucket (stage, vendor …): a bar chart and the same figures as a table. */
export function CountBreakdownCard({ title, buckets }: { title: string; buckets: readonly CountBucket[] }) {
  const counts = useQueries({
    queries: buckets.map((bucket) => ({
      queryKey: ['meters', 'count', bucket.filter],
      queryFn: async () =>
        unwrap(await api.GET('/api/v1/meters', { params: { query: { ...bucket.filter, page: 0, size: 1 } } })).total ?? 0,
    })),
  });
  const failed = counts.find((c) => c.isError);
  const loading = counts.some((c) => c.isPending);
  const values = counts.map((c) => c.data ?? 0);
  const headingId = `card-${title.replace(/\W+/g, '-').toLowerCase()}`;

  return (
    <Card component="section" aria-labelledby={headingId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography id={headingId} component="h2" variant="h6" gutterBottom>
          {title}
        </Typography>
        {failed && <Alert severity="error">{messageOf(failed.error)}</Alert>}
        {loading && <LinearProgress aria-label={`Loading ${title}`} />}
        {!loading && !failed && (
          <>
            <BarChart
              height={220}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: buckets.map((b) => b.label), width: 150 }]}
              xAxis={[{ valueFormatter: (v: number | null) => (v == null ? '' : formatCount(v)) }]}
              series={[{ data: values, label: 'Meters', valueFormatter: (v) => (v == null ? '' : formatCount(v)) }]}
              hideLegend
            />
            <FactsTable
              label={title}
              alignValues="right"
              facts={buckets.map((bucket, i) => [bucket.label, formatCount(values[i])] as [string, string])}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
