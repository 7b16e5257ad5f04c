import { useParams } from 'react-router';
import { Card, CardContent, Grid, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { DATA_ANALYSTS, DATA_OPERATORS, hasAnyRole, VENDOR_READERS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { FactsTable } from '../../components/FactsTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDecimal, formatIstDateTime } from '../../format/indian';
import { stageLabel, type Meter } from './meterLabels';
import { useMeter } from './meterQueries';
import { LoadProfileCard } from './LoadProfileCard';
import { RegisterReadsCard } from './RegisterReadsCard';
import { CommandsCard } from './CommandsCard';
import { EventsTimelineCard } from './EventsTimelineCard';
import { MeterExceptionsCard } from './MeterExceptionsCard';
import { useVendorCodes } from '../vendors/vendorQueries';

/** The consumer a meter supplies, by account number and name. */
function useConsumerLabel(consumerId: string | undefined): string {
  const consumer = useQuery({
    queryKey: ['consumer', consumerId],
    queryFn: async () => unwrap(await api.GET('/api/v1/consumers/{id}', { params: { path: { id: consumerId ?? '' } } })),
    enabled: Boolean(consumerId),
  });
  if (!consumerId) return '—';
  return consumer.data ? `${consumer.data.account_no} · ${consumer.data.name}` : '…';
}

function MeterFacts({ meter }: { meter: Meter }) {
  const session = useSignedIn();
  const vendorCodes = useVendorCodes(hasAnyRole(session.roles, VENDOR_READERS));
  const consumer = useConsumerLabel(meter.consumer_id);
  const facts: [string, string][] = [
    ['Consumer', consumer],
    ['HES vendor', (meter.hes_vendor_id && vendorCodes.get(meter.hes_vendor_id)) || '—'],
    ['Category', meter.category ?? '—'],
    ['Phase', meter.phase ?? '—'],
    ['Make and model', [meter.make, meter.model].filter(Boolean).join(' ') || '—'],
    ['CT × PT multiplier', meter.multiplier === undefined ? '—' : formatDecimal(meter.multiplier, 0)],
    ['Lifecycle stage', stageLabel(meter.lifecycle_stage)],
    ['Stage since', meter.stage_changed_at ? formatIstDateTime(meter.stage_changed_at) : '—'],
  ];
  return (
    <Card component="section" aria-labelledby="meter-facts">
      <CardContent>
        <Typography id="meter-facts" component="h2" variant="h6" gutterBottom>
          Meter
        </Typography>
        <FactsTable label="Meter facts" facts={facts} />
      </CardContent>
    </Card>
  );
}

export default function MeterDetailPage() {
  const { meterId = '' } = useParams();
  const meter = useMeter(meterId);
  const session = useSignedIn();
  const analyst = hasAnyRole(session.roles, DATA_ANALYSTS);
  return (
    <QueryStatus query={meter}>
      {(m) => (
        <>
          <PageHeader title={`Meter ${m.serial}`} subtitle="Times in IST (Asia/Kolkata)" />
          <Grid container spacing={2}>
            <Grid size={{ xs: 12 }}>
              <LoadProfileCard meterId={meterId} withHistory={analyst} canEdit={hasAnyRole(session.roles, DATA_OPERATORS)} />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <MeterFacts meter={m} />
            </Grid>
            <Grid size={{ xs: 12, md: 8 }}>
              <RegisterReadsCard meterId={meterId} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <EventsTimelineCard meterId={meterId} />
            </Grid>
            {analyst && (
              <>
                <Grid size={{ xs: 12, md: 6 }}>
                  <MeterExceptionsCard meterId={meterId} />
                </Grid>
                <Grid size={{ xs: 12 }}>
                  <CommandsCard meterId={meterId} serial={m.serial ?? ''} />
                </Grid>
              </>
            )}
          </Grid>
        </>
      )}
    </QueryStatus>
  );
}
