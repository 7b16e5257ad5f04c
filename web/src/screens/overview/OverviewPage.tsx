import { Grid } from '@mui/material';
import { PageHeader } from '../../components/PageHeader';
import { formatCount } from '../../format/indian';
import { hasAnyRole, PLATFORM_ADMINS, VENDOR_READERS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { LIFECYCLE_STAGES } from '../meters/meterLabels';
import { useMeterCount } from '../meters/meterQueries';
import { useVendors } from '../vendors/vendorQueries';
import { CountBreakdownCard } from './CountBreakdownCard';
import { PendingServiceCard } from './PendingServiceCard';
import { StorageCard } from './StorageCard';

const STAGE_BUCKETS = LIFECYCLE_STAGES.map(({ stage, label }) => ({ label, filter: { stage } }));

function VendorBreakdown() {
  const vendors = useVendors();
  const buckets = (vendors.data ?? []).map((v) => ({ label: v.code ?? '', filter: { hes_vendor_id: v.id } }));
  return <CountBreakdownCard title="Meters by HES vendor" buckets={buckets} />;
}

export function OverviewPage() {
  const session = useSignedIn();
  const total = useMeterCount({});
  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={total.data === undefined ? 'Counting meters…' : `${formatCount(total.data)} meters registered`}
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <CountBreakdownCard title="Meters by lifecycle stage" buckets={STAGE_BUCKETS} />
        </Grid>
        {hasAnyRole(session.roles, VENDOR_READERS) && (
          <Grid size={{ xs: 12, md: 6 }}>
            <VendorBreakdown />
          </Grid>
        )}
        <Grid size={{ xs: 12, sm: 6 }}>
          <PendingServiceCard title="Open alarms" service="alarms" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <PendingServiceCard title="VEE pass rate and data completeness" service="VEE" />
        </Grid>
        {hasAnyRole(session.roles, PLATFORM_ADMINS) && (
          <Grid size={{ xs: 12, md: 6 }}>
            <StorageCard />
          </Grid>
        )}
      </Grid>
    </>
  );
}
