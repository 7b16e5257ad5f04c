import { useQueries } from '@tanstack/react-query';
import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { messageOf } from '../../api/problem';
import { FactsTable } from '../../components/FactsTable';
import { formatCount } from '../../format/indian';

/** One bar: what it is called, and how to count it (a one-row page of a list API, read its total). */
export interface CountBucket {
  label: string;
  queryKey: readonly unknown[];
  count(): Promise<number>;
}

interface CountBreakdownCardProps {
  title: string;
  /** What is counted, e.g. "Meters". */
  unitLabel: string;
  buckets: readonly CountBucket[];
  /** Count again this often (ms); by default only when the screen is opened again. */
  refreshMs?: number;
}

/** Counts per bucket (stage, vendor …): a bar chart and the same figures as a table. */
export function CountBreakdownCard({ title, unitLabel, buckets, refreshMs }: CountBreakdownCardProps) {
  const counts = useQueries({
    queries: buckets.map((bucket) => ({ queryKey: bucket.queryKey, queryFn: bucket.count, refetchInterval: refreshMs })),
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
              series={[{ data: values, label: unitLabel, valueFormatter: (v) => (v == null ? '' : formatCount(v)) }]}
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
