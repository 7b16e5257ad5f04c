import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Grid } from '@mui/material';
import { hasAnyRole } from '../../../auth/roles';
import { useSignedIn } from '../../../auth/SessionProvider';
import { FactsTable } from '../../../components/FactsTable';
import { PageHeader } from '../../../components/PageHeader';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatIstDateTime } from '../../../format/indian';
import { formatPeriod, isRunning, runKindLabel, type BillingRun } from './billingLabels';
import { BILLING_OPERATORS } from '../../../auth/roles';
import { useCycles, useRun } from './billingQueries';
import { RunDeterminantsGrid } from './RunDeterminantsGrid';
import { RunExceptionsCard } from './RunExceptionsCard';
import { RunExportsCard } from './RunExportsCard';
import { RunProgress } from './RunProgress';
import { SectionCard } from './SectionCard';
import { StatusChip } from './StatusChip';

function ProgressCard({ run }: { run: BillingRun }) {
  const cycles = useCycles();
  const cycle = cycles.data?.find((c) => c.id === run.cycle_id);
  return (
    <SectionCard title="Progress">
      {run.status === 'FAILED' && <Alert severity="error">The run failed: {run.error}</Alert>}
      <FactsTable
        label="The run"
        facts={[
          ['Status', <StatusChip key="status" status={run.status} of="run" />],
          ['Consumers', <RunProgress key="progress" run={run} label="Progress of the run" />],
          ['Kind', run.kind === 'CYCLE' ? `Cycle ${cycle ? `${cycle.code} · ${cycle.name}` : ''}` : runKindLabel(run.kind)],
          ['Period', formatPeriod(run.first_day, run.last_day)],
          ['Started', `${run.started_at ? formatIstDateTime(run.started_at) : ''} by ${run.started_by ?? ''}`],
          ['Finished', run.finished_at ? formatIstDateTime(run.finished_at) : 'Not yet'],
        ]}
      />
    </SectionCard>
  );
}

/** One run: its progress (followed while it runs), the exception queue, its determinants and exports. */
export default function BillingRunPage() {
  const { runId = '' } = useParams();
  const session = useSignedIn();
  const canOperate = hasAnyRole(session.roles, BILLING_OPERATORS);
  const run = useRun(runId);
  const running = isRunning(run.data);
  return (
    <>
      <PageHeader
        title="Billing run"
        subtitle={run.data ? `${runKindLabel(run.data.kind)} run for ${formatPeriod(run.data.first_day, run.data.last_day)}; times in IST.` : undefined}
        actions={<Button component={RouterLink} to="/billing/runs">All runs</Button>}
      />
      <QueryStatus query={run}>
        {(data) => (
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 5 }}>
              <ProgressCard run={data} />
            </Grid>
            <Grid size={{ xs: 12, md: 7 }}>
              <RunExceptionsCard runId={runId} runStatus={data.status} canAccept={canOperate} />
            </Grid>
            <Grid size={{ xs: 12 }}>
              {running ? (
                <Alert severity="info">The determinants show when the run is done.</Alert>
              ) : (
                <RunDeterminantsGrid runId={runId} />
              )}
            </Grid>
            <Grid size={{ xs: 12 }}>
              <RunExportsCard runId={runId} canExport={canOperate && data.status === 'DONE'} />
            </Grid>
          </Grid>
        )}
      </QueryStatus>
    </>
  );
}
