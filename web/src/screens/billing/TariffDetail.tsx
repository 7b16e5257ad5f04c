import { Alert, Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { FactsTable } from '../../components/FactsTable';
import { formatIstDate, formatIstDateTime } from '../../format/indian';
import { TariffPreviewPanel } from './TariffPreviewPanel';
import { CONSUMER_CLASSES, MONTH_NAMES, SLOT_KINDS, toSlotDraft, type CategoryTariff, type TariffVersion } from './tariffForm';
import { describeCharge, describeDemandCharge, describeTaxes, formatAmount, formatRate, unitsOf } from './tariffFormat';
import { TodTimeline } from './TodTimeline';

function SlabsTable({ category }: { category: CategoryTariff }) {
  const { energy } = unitsOf(category);
  const slabs = category.slabs ?? [];
  return (
    <Table size="small" aria-label={`Energy slabs of ${category.code}`}>
      <TableHead>
        <TableRow>
          <TableCell>Units a month ({energy})</TableCell>
          <TableCell align="right">Rate per {energy}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {slabs.map((slab, i) => {
          const lower = i === 0 ? 0 : slabs[i - 1].up_to;
          return (
            <TableRow key={i}>
              <TableCell>
                {slab.up_to === undefined || slab.up_to === null ? `Above ${formatAmount(lower)}` : `${formatAmount(lower)}–${formatAmount(slab.up_to)}`}
              </TableCell>
              <TableCell align="right">{formatRate(slab.rate)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function monthsOf(slot: NonNullable<CategoryTariff['tod_slots']>[number]): string {
  if (!slot.from_month || !slot.to_month) return 'All year';
  return `${MONTH_NAMES[slot.from_month - 1]}–${MONTH_NAMES[slot.to_month - 1]}`;
}

function SlotsTable({ category }: { category: CategoryTariff }) {
  return (
    <Table size="small" aria-label={`Time-of-day slots of ${category.code}`}>
      <TableHead>
        <TableRow>
          <TableCell>Zone</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>Hours (IST)</TableCell>
          <TableCell>Months</TableCell>
          <TableCell align="right">Multiplier</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {(category.tod_slots ?? []).map((slot, i) => (
          <TableRow key={i}>
            <TableCell>{slot.zone}</TableCell>
            <TableCell>{SLOT_KINDS.find((k) => k.value === slot.kind)?.label ?? slot.kind}</TableCell>
            <TableCell>
              {slot.from}–{slot.to === '00:00' ? '24:00' : slot.to}
            </TableCell>
            <TableCell>{monthsOf(slot)}</TableCell>
            <TableCell align="right">× {formatAmount(slot.multiplier)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function CategoryCard({ category }: { category: CategoryTariff }) {
  const { energy } = unitsOf(category);
  const slots = category.tod_slots ?? [];
  return (
    <Card variant="outlined" component="section" aria-label={`Category ${category.code}`}>
      <CardContent>
        <Typography component="h3" variant="subtitle1">
          {category.code}
          {category.description ? ` — ${category.description}` : ''}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Box sx={{ flex: 1 }}>
            <FactsTable
              label={`Charges of ${category.code}`}
              facts={[
                ['Consumer class', CONSUMER_CLASSES.find((c) => c.value === category.consumer_class)?.label ?? '—'],
                ['Units', `Energy in ${energy}, load and demand in ${unitsOf(category).load}`],
                ['Fixed charge', describeCharge(category.fixed_charge, category)],
                ['Demand charge', describeDemandCharge(category)],
                ['Minimum charge', describeCharge(category.minimum_charge, category)],
                ['Electricity duty', `${formatAmount(category.duty_percent ?? 0)} % of the energy charges`],
                ['Free units', `${formatAmount(category.free_units ?? 0, energy)} a month`],
                ['Taxes', describeTaxes(category)],
              ]}
            />
          </Box>
          <Box sx={{ flex: 1 }}>
            <SlabsTable category={category} />
          </Box>
        </Stack>
        <Typography component="h4" variant="body2" sx={{ mt: 2, mb: 1, fontWeight: 500 }}>
          Time of day
        </Typography>
        <TodTimeline slots={slots.map(toSlotDraft)} category={category.code ?? ''} />
        {slots.length > 0 && <SlotsTable category={category} />}
      </CardContent>
    </Card>
  );
}

/** One stored version whole: what it charges per category, its ToD timelines, and a bill preview under it. */
export function TariffDetail({ version }: { version: TariffVersion }) {
  const tariff = version.tariff ?? {};
  const categories = tariff.categories ?? [];
  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Typography component="h2" variant="h6">
            Version {version.version}: {version.name}
          </Typography>
          <FactsTable
            label={`Version ${version.version}`}
            facts={[
              ['In force from', version.effective_from ? formatIstDate(version.effective_from) : '—'],
              ['Bill total rounded', tariff.rounding === 'PAISA' ? 'To the paisa' : 'To the rupee'],
              ['Added by', version.created_by ?? '—'],
              ['Added', version.created_at ? formatIstDateTime(version.created_at) : '—'],
            ]}
          />
          {(version.warnings ?? []).length > 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              Accepted with warnings:
              <ul style={{ margin: 0 }}>
                {version.warnings!.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Alert>
          )}
        </CardContent>
      </Card>
      {categories.map((category) => (
        <CategoryCard key={category.code} category={category} />
      ))}
      {version.id && categories.length > 0 && <TariffPreviewPanel versionId={version.id} categories={categories} />}
    </Stack>
  );
}
