import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { hasAnyRole } from '../../../auth/roles';
import { useSignedIn } from '../../../auth/SessionProvider';
import { FactsTable } from '../../../components/FactsTable';
import { PageHeader } from '../../../components/PageHeader';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatCount, formatDecimal, formatIstDateTime, formatQuantity } from '../../../format/indian';
import { AcceptExceptionDialog } from './AcceptExceptionDialog';
import { formatPeriod, formatShare, reasonLabel } from './billingLabels';
import { BILLING_OPERATORS } from '../../../auth/roles';
import { useBillingSettings, useDeterminants, type DeterminantsVersion } from './billingQueries';
import { BillPreviewCard } from './BillPreviewCard';
import { quantityOrDash, sumCheck, sumCheckText, type CycleDeterminants } from './determinants';
import { SectionCard } from './SectionCard';
import { StatusChip, ToneChip } from './StatusChip';
import { TodZoneChart } from './TodZoneChart';
import { VersionHistoryCard } from './VersionHistoryCard';

const at = (instant: string | undefined) => (instant ? formatIstDateTime(instant) : '—');

function EnergyCard({ d }: { d: CycleDeterminants }) {
  return (
    <SectionCard title="Energy">
      <FactsTable
        label="Energy of the period"
        alignValues="right"
        facts={[
          ['Import', quantityOrDash(d.energy?.kwh_import, 'kWh')],
          ['Import (apparent)', quantityOrDash(d.energy?.kvah_import, 'kVAh')],
          ['Export', quantityOrDash(d.energy?.kwh_export, 'kWh')],
          ['Export (apparent)', quantityOrDash(d.energy?.kvah_export, 'kVAh')],
          ['Average power factor', d.power_factor == null ? '— (no kVAh)' : formatDecimal(d.power_factor, 3)],
          ['Days', formatCount(d.days ?? 0)],
        ]}
      />
    </SectionCard>
  );
}

function DemandCard({ d }: { d: CycleDeterminants }) {
  const demand = d.demand ?? {};
  const window = `${demand.integration_minutes ?? ''}-minute ${demand.sliding ? 'sliding window' : 'blocks from midnight'}`;
  return (
    <SectionCard title="Maximum demand">
      {demand.load_revision && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          The sanctioned load is to be revised: MD exceeded it in {demand.exceedances_in_year} cycles of this financial year (Rules 2023).
        </Alert>
      )}
      <FactsTable
        label="Maximum demand"
        facts={[
          ['MD', `${quantityOrDash(demand.md_kw, 'kW')} at ${at(demand.md_kw_at)}`],
          ['MD (apparent)', `${quantityOrDash(demand.md_kva, 'kVA')} at ${at(demand.md_kva_at)}`],
          ['Integration', window],
          ['Sanctioned load', quantityOrDash(demand.sanctioned_load_kw, 'kW')],
          ['Above sanctioned load', demand.exceeds_load ? 'Yes' : 'No'],
          ['Exceedances this financial year', formatCount(demand.exceedances_in_year ?? 0)],
        ]}
      />
    </SectionCard>
  );
}

function NetMeteringCard({ d }: { d: CycleDeterminants }) {
  const net = d.net_metering;
  if (!net) return null;
  return (
    <SectionCard title="Net metering">
      <FactsTable
        label="Net metering"
        alignValues="right"
        facts={[
          ['Import', quantityOrDash(net.import_kwh, 'kWh')],
          ['Export', quantityOrDash(net.export_kwh, 'kWh')],
          ['Net', quantityOrDash(net.net_kwh, 'kWh')],
          ['Banked at the start', quantityOrDash(net.banked_opening_kwh, 'kWh')],
          ['Bank used', quantityOrDash(net.banked_used_kwh, 'kWh')],
          ['Banked at the end', quantityOrDash(net.banked_closing_kwh, 'kWh')],
          ['Billed', quantityOrDash(net.billed_kwh, 'kWh')],
        ]}
      />
    </SectionCard>
  );
}

function MetersCard({ d }: { d: CycleDeterminants }) {
  const settings = useBillingSettings();
  const meters = d.meters ?? [];
  return (
    <SectionCard title="Register reads and sum check">
      {meters.length === 0 ? (
        <Alert severity="info">No meter in the period.</Alert>
      ) : (
        <Table size="small" aria-label="Register reads of the period">
          <TableHead>
            <TableRow>
              <TableCell>Meter</TableCell>
              <TableCell>Opening read</TableCell>
              <TableCell>Closing read</TableCell>
              <TableCell>Sum check</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {meters.map((meter) => {
              const verdict = sumCheck(meter, settings.data).verdict;
              return (
                <TableRow key={meter.meter_id}>
                  <TableCell>
                    {meter.serial}
                    {meter.in_service ? '' : ' (removed)'}
                  </TableCell>
                  <TableCell>{meter.opening_kwh == null ? '—' : `${formatQuantity(meter.opening_kwh, 'kWh')} at ${at(meter.opening_at)}`}</TableCell>
                  <TableCell>{meter.closing_kwh == null ? '—' : `${formatQuantity(meter.closing_kwh, 'kWh')} at ${at(meter.closing_at)}`}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      {verdict !== 'unknown' && (
                        <ToneChip color={verdict === 'agrees' ? 'success' : 'warning'} label={verdict === 'agrees' ? 'Agrees' : 'Differs'} />
                      )}
                      <Typography variant="body2">{sumCheckText(meter, settings.data)}</Typography>
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}

function CoverageCard({ d }: { d: CycleDeterminants }) {
  const c = d.coverage ?? {};
  return (
    <SectionCard title="Coverage">
      <FactsTable
        label="Coverage of the period"
        alignValues="right"
        facts={[
          [`Expected ${c.interval_minutes ?? ''}-minute intervals`, formatCount(c.expected ?? 0)],
          ['Actual', formatCount(c.actual ?? 0)],
          ['Estimated', `${formatCount(c.estimated ?? 0)} (${formatShare(c.estimated_share)})`],
          ['Edited', formatCount(c.edited ?? 0)],
          ['Held back by VEE', formatCount(c.withheld ?? 0)],
          ['Missing', `${formatCount(c.missing ?? 0)} (${formatShare(c.missing_share)})`],
          ['Data version', String(d.data_version ?? '')],
        ]}
      />
    </SectionCard>
  );
}

function StandingAlert({ version, canAccept, onAccept }: { version: DeterminantsVersion; canAccept: boolean; onAccept(): void }) {
  const reasons = version.determinants?.exceptions ?? [];
  if (version.status === 'ACCEPTED') {
    return (
      <Alert severity="info" sx={{ mb: 2 }}>
        Accepted for billing by {version.accepted_by}: {version.accepted_reason}
      </Alert>
    );
  }
  if (version.status !== 'EXCEPTION') return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      action={canAccept && <Button color="inherit" size="small" onClick={onAccept}>Accept…</Button>}
    >
      Held in the exception queue:
      <ul style={{ margin: 0 }}>
        {reasons.map((r) => (
          <li key={`${r.code}-${r.message}`}>
            <strong>{reasonLabel(r.code)}</strong>: {r.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** One consumer-period's determinants: energy, the ToD breakdown, MD, net metering, reads, coverage, the bill and versions. */
export default function DeterminantsPage() {
  const { id = '' } = useParams();
  const session = useSignedIn();
  const canAccept = hasAnyRole(session.roles, BILLING_OPERATORS);
  const version = useDeterminants(id);
  const [accepting, setAccepting] = useState<DeterminantsVersion | null>(null);
  const d = version.data?.determinants;
  return (
    <>
      <PageHeader
        title={d ? `Determinants of ${d.account_no}` : 'Determinants'}
        subtitle={d ? `${d.category} · ${formatPeriod(d.first_day, d.last_day)} · version ${version.data?.version}; times in IST.` : undefined}
        actions={
          <>
            {version.data && <StatusChip status={version.data.status} of="determinants" />}
            {version.data?.run_id && (
              <Button component={RouterLink} to={`/billing/runs/${version.data.run_id}`}>
                The run
              </Button>
            )}
          </>
        }
      />
      <QueryStatus query={version}>
        {(data) => {
          const det = data.determinants ?? {};
          return (
            <>
              <StandingAlert version={data} canAccept={canAccept} onAccept={() => setAccepting(data)} />
              <Grid container spacing={2}>
                <Grid size={{ xs: 12, md: 4 }}>
                  <EnergyCard d={det} />
                </Grid>
                <Grid size={{ xs: 12, md: 8 }}>
                  <SectionCard title="Energy by ToD zone">
                    <TodZoneChart zones={det.zones ?? []} />
                  </SectionCard>
                </Grid>
                <Grid size={{ xs: 12, md: 6 }}>
                  <DemandCard d={det} />
                </Grid>
                <Grid size={{ xs: 12, md: 6 }}>
                  <CoverageCard d={det} />
                </Grid>
                {det.net_metering && (
                  <Grid size={{ xs: 12, md: 6 }}>
                    <NetMeteringCard d={det} />
                  </Grid>
                )}
                <Grid size={{ xs: 12 }}>
                  <MetersCard d={det} />
                </Grid>
                <Grid size={{ xs: 12, md: 7 }}>
                  <BillPreviewCard determinantsId={id} />
                </Grid>
                <Grid size={{ xs: 12, md: 5 }}>
                  <VersionHistoryCard determinantsId={id} />
                </Grid>
              </Grid>
            </>
          );
        }}
      </QueryStatus>
      {canAccept && <AcceptExceptionDialog held={accepting} onClose={() => setAccepting(null)} />}
    </>
  );
}
