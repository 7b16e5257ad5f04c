import { Grid } from '@mui/material';
import { PageHeader } from '../../components/PageHeader';
import { formatCount } from '../../format/indian';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { DATA_ANALYSTS, hasAnyRole, PLATFORM_ADMINS, INGEST_OPERATORS, VENDOR_READERS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { LIFECYCLE_STAGES } from '../meters/meterLabels';
import { meterCountBucket, useMeterCount } from '../meters/meterQueries';
import { useVendors } from '../vendors/vendorQueries';
import { ALARM_KINDS } from '../alarms/alarmLabels';
import { countAlarms } from '../alarms/alarmQueries';
import { VeeStatisticsCard } from '../vee/VeeStatisticsCard';
import { CompletenessCard } from './CompletenessCard';
import { CountBreakdownCard } from './CountBreakdownCard';
import { DemoBackfillCard, useDemoBackfill } from './DemoBackfillCard';
import { backfillUnderWay, describeBackfill } from './demoBackfill';
import { StorageCard } from './StorageCard';

const STAGE_BUCKETS = LIFECYCLE_STAGES.map(({ stage, label }) => meterCountBucket(label, { stage }));

function VendorBreakdown() {
  const vendors = useVendors();
  const buckets = (vendors.data ?? []).map((v) => meterCountBucket(v.code ?? '', { hes_vendor_id: v.id }));
  return <CountBreakdownCard title="Meters by HES vendor" unitLabel="Meters" buckets={buckets} />;
}

/** Rows HES systems sent that could not be stored and await a re-drive or discard, per vendor. */
function QuarantineBreakdown() {
  const vendors = useVendors();
  const buckets = (vendors.data ?? []).map((v) => ({
    label: v.code ?? '',
    queryKey: ['quarantine', 'open', v.id],
    count: async () =>
      unwrap(await api.GET('/api/v1/quarantine', { params: { query: { vendor_id: v.id, status: 'OPEN', size: 1 } } }))
        .total ?? 0,
  }));
  return <CountBreakdownCard title="Ingest: rows in quarantine by HES vendor" unitLabel="Open rows" buckets={buckets} />;
}

const OPEN_ALARM_BUCKETS = ALARM_KINDS.map(({ kind, label }) => ({
  label,
  queryKey: ['alarms', 'count', 'OPEN', kind],
  count: () => countAlarms({ status: 'OPEN', kind }),
}));

export function OverviewPage() {
  const session = useSignedIn();
  const total = useMeterCount({});
  const backfill = useDemoBackfill(session.tenant);
  // while the demo back-fills, today's figures move by the second: count again often
  const refreshMs = backfillUnderWay(backfill.data) ? 10_000 : undefined;
  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={total.data === undefined ? 'Counting meters…' : `${formatCount(total.data)} meters registered`}
      />
      <Grid container spacing={2}>
        {backfill.data && describeBackfill(backfill.data) && (
          <Grid size={12}>
            <DemoBackfillCard backfill={backfill} />
          </Grid>
        )}
        <Grid size={{ xs: 12, md: 6 }}>
          <CountBreakdownCard title="Meters by lifecycle stage" unitLabel="Meters" buckets={STAGE_BUCKETS} />
        </Grid>
        {hasAnyRole(session.roles, VENDOR_READERS) && (
          <Grid size={{ xs: 12, md: 6 }}>
            <VendorBreakdown />
          </Grid>
        )}
        {hasAnyRole(session.roles, INGEST_OPERATORS) && (
          <Grid size={{ xs: 12, md: 6 }}>
            <QuarantineBreakdown />
          </Grid>
        )}
        {hasAnyRole(session.roles, DATA_ANALYSTS) && (
          <>
            <Grid size={{ xs: 12, md: 6 }}>
              <CountBreakdownCard
                title="Open alarms by kind"
                unitLabel="Open alarms"
                buckets={OPEN_ALARM_BUCKETS}
                refreshMs={refreshMs ?? 60_000}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <VeeStatisticsCard />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <CompletenessCard refreshMs={refreshMs} />
            </Grid>
          </>
        )}
        {hasAnyRole(session.roles, PLATFORM_ADMINS) && (
          <Grid size={{ xs: 12, md: 6 }}>
            <StorageCard />
          </Grid>
        )}
      </Grid>
    </>
  );
}
