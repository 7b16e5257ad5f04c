import type { ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, Grid, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { FormTextField } from '../../components/FormTextField';
import {
  categoryPath,
  CONSUMER_CLASSES,
  emptySlab,
  minimumPeakMultiplier,
  MONTH_NAMES,
  nextSlot,
  SLOT_KINDS,
  slabPath,
  slotPath,
  taxPath,
  type CategoryDraft,
  type ChargeDraft,
  type FieldErrors,
  type SlotDraft,
  type SlotKind,
} from './tariffForm';
import { TodTimeline } from './TodTimeline';

interface Props {
  index: number;
  category: CategoryDraft;
  errors: FieldErrors;
  /** The category's slot coverage as judged now, shown under the timeline while typing. */
  coverage?: string;
  onChange(update: (category: CategoryDraft) => CategoryDraft): void;
  onRemove?: () => void;
}

function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

function removed<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** A select in the editor's style: small, its error beside it like a text field's. */
function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(value: T): void;
  error?: string;
  hint?: string;
}) {
  return (
    <TextField
      select
      fullWidth
      size="small"
      margin="normal"
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T)}
      error={Boolean(props.error)}
      helperText={props.error ?? props.hint ?? ' '}
      // an empty choice ("None", "all year") is shown by its name rather than as a blank field
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      {props.options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** A row of a list (slab, slot, tax): a named group, so its fields are told apart by the row's name. */
function Row({ name, onRemove, children }: { name: string; onRemove(): void; children: ReactNode }) {
  return (
    <Stack direction="row" role="group" aria-label={name} spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="caption" sx={{ width: 48, flexShrink: 0, pt: 3 }}>
        {name}
      </Typography>
      {/* 14 columns: a slot's seven fields side by side on a wide screen */}
      <Grid container spacing={1} columns={{ xs: 12, md: 14 }} sx={{ flexGrow: 1 }}>
        {children}
      </Grid>
      <IconButton aria-label={`Remove ${name.toLowerCase()}`} onClick={onRemove} sx={{ mt: 2 }}>
        <DeleteIcon />
      </IconButton>
    </Stack>
  );
}

function Cell({ children, size = 2 }: { children: ReactNode; size?: number }) {
  return <Grid size={{ xs: 6, md: size }}>{children}</Grid>;
}

const MONTH_OPTIONS = [{ value: '', label: 'All year' }, ...MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: name }))];

const MULTIPLIER_HINTS: Record<SlotKind, (minimumPeak: string) => string> = {
  NORMAL: () => 'Normal is 1',
  PEAK: (minimumPeak) => `At least ${minimumPeak}`,
  OFF_PEAK: () => 'At most 1',
  SOLAR: () => 'At most 0.80',
};

function SlotRow({ at, slot, position, errors, minimumPeak, onChange, onRemove }: {
  at: string;
  slot: SlotDraft;
  position: number;
  errors: FieldErrors;
  minimumPeak: string;
  onChange(slot: SlotDraft): void;
  onRemove(): void;
}) {
  const set = (changes: Partial<SlotDraft>) => onChange({ ...slot, ...changes });
  return (
    <Row name={`Slot ${position}`} onRemove={onRemove}>
      <Cell>
        <FormTextField size="small" label="Zone" value={slot.zone} onChange={(zone) => set({ zone })} error={errors[`${at}.zone`]} hint="e.g. PEAK" />
      </Cell>
      <Cell>
        <SelectField label="Kind" value={slot.kind} options={SLOT_KINDS} onChange={(kind) => set({ kind })} error={errors[`${at}.kind`]} />
      </Cell>
      <Cell>
        <FormTextField size="small" label="From" value={slot.from} onChange={(from) => set({ from })} error={errors[`${at}.from`]} hint="HH:mm, IST" />
      </Cell>
      <Cell>
        <FormTextField size="small" label="To" value={slot.to} onChange={(to) => set({ to })} error={errors[`${at}.to`]} hint="Excluded; 24:00 is midnight" />
      </Cell>
      <Cell>
        <SelectField label="From month" value={slot.from_month} options={MONTH_OPTIONS} onChange={(from_month) => set({ from_month })} error={errors[`${at}.from_month`]} />
      </Cell>
      <Cell>
        <SelectField label="To month" value={slot.to_month} options={MONTH_OPTIONS} onChange={(to_month) => set({ to_month })} error={errors[`${at}.to_month`]} />
      </Cell>
      <Cell>
        <FormTextField
          size="small"
          label="Multiplier"
          inputMode="decimal"
          value={slot.multiplier}
          onChange={(multiplier) => set({ multiplier })}
          error={errors[`${at}.multiplier`]}
          hint={MULTIPLIER_HINTS[slot.kind](minimumPeak)}
        />
      </Cell>
    </Row>
  );
}

function SlotsEditor({ index, category, errors, coverage, onChange }: Props) {
  const slots = category.tod_slots;
  const minimumPeak = category.consumer_class ? minimumPeakMultiplier(category.consumer_class) : '1.10';
  const setSlots = (tod_slots: SlotDraft[]) => onChange((c) => ({ ...c, tod_slots }));
  const slotsError = errors[`${categoryPath(index)}.tod_slots`];
  return (
    <Box sx={{ mt: 2 }}>
      <Typography component="h4" variant="body2" sx={{ fontWeight: 500 }}>
        Time-of-day slots
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Each month&apos;s 24 hours in exactly one slot (a slot may run past midnight; months may wrap past December). Rules 2023
        for this class: peak at least {minimumPeak} × normal, solar at most 0.80 ×, normal 1, off-peak at most 1. None: a flat tariff.
      </Typography>
      {slots.map((slot, s) => (
        <SlotRow
          key={s}
          at={slotPath(index, s)}
          slot={slot}
          position={s + 1}
          errors={errors}
          minimumPeak={minimumPeak}
          onChange={(changed) => setSlots(replaced(slots, s, changed))}
          onRemove={() => setSlots(removed(slots, s))}
        />
      ))}
      <Button size="small" onClick={() => setSlots([...slots, nextSlot(slots[slots.length - 1])])}>
        Add slot
      </Button>
      {slotsError && (
        <Alert severity="error" sx={{ my: 1 }}>
          {slotsError}
        </Alert>
      )}
      {!slotsError && coverage && (
        <Alert severity="info" sx={{ my: 1 }}>
          Not yet covered exactly once: {coverage}
        </Alert>
      )}
      <Box sx={{ mt: 1 }}>
        <TodTimeline slots={slots} category={category.code || `category ${index + 1}`} />
      </Box>
    </Box>
  );
}

function SlabsEditor({ index, category, errors, onChange }: Props) {
  const energy = category.billing_unit === 'KVAH' ? 'kVAh' : 'kWh';
  const slabs = category.slabs;
  const setSlabs = (next: typeof slabs) => onChange((c) => ({ ...c, slabs: next }));
  const slabsError = errors[`${categoryPath(index)}.slabs`];
  return (
    <Box sx={{ mt: 2 }}>
      <Typography component="h4" variant="body2" sx={{ fontWeight: 500 }}>
        Energy slabs (telescopic)
      </Typography>
      {slabs.map((slab, s) => {
        const at = slabPath(index, s);
        const last = s === slabs.length - 1;
        return (
          <Row key={s} name={`Slab ${s + 1}`} onRemove={() => setSlabs(removed(slabs, s))}>
            <Cell size={4}>
              <FormTextField
                size="small"
                label={`Up to (${energy} a month)`}
                inputMode="decimal"
                value={slab.up_to}
                onChange={(up_to) => setSlabs(replaced(slabs, s, { ...slab, up_to }))}
                error={errors[`${at}.up_to`]}
                hint={last ? 'Empty: the last slab is open' : undefined}
              />
            </Cell>
            <Cell size={4}>
              <FormTextField
                size="small"
                label={`Rate (₹ per ${energy})`}
                inputMode="decimal"
                value={slab.rate}
                onChange={(rate) => setSlabs(replaced(slabs, s, { ...slab, rate }))}
                error={errors[`${at}.rate`]}
              />
            </Cell>
          </Row>
        );
      })}
      <Button size="small" onClick={() => setSlabs([...slabs, emptySlab()])}>
        Add slab
      </Button>
      {slabsError && <Alert severity="error">{slabsError}</Alert>}
    </Box>
  );
}

const BASIS_OPTIONS: ReadonlyArray<{ value: ChargeDraft['basis']; label: string }> = [
  { value: '', label: 'None' },
  { value: 'PER_LOAD_UNIT', label: 'Per kW/kVA of sanctioned load' },
  { value: 'PER_CONNECTION', label: 'Per connection' },
];

function ChargesEditor({ index, category, errors, onChange }: Props) {
  const at = categoryPath(index);
  const energy = category.billing_unit === 'KVAH' ? 'kVAh' : 'kWh';
  const load = category.load_unit === 'KVA' ? 'kVA' : 'kW';
  const charge = (name: 'fixed_charge' | 'minimum_charge', label: string) => (
    <>
      <Cell size={3}>
        <SelectField
          label={`${label} basis`}
          value={category[name].basis}
          options={BASIS_OPTIONS}
          onChange={(basis) => onChange((c) => ({ ...c, [name]: { ...c[name], basis } }))}
          error={errors[`${at}.${name}.basis`]}
        />
      </Cell>
      <Cell size={3}>
        <FormTextField
          size="small"
          label={`${label} (₹ a month)`}
          inputMode="decimal"
          value={category[name].rate}
          onChange={(rate) => onChange((c) => ({ ...c, [name]: { ...c[name], rate } }))}
          error={errors[`${at}.${name}.rate`]}
        />
      </Cell>
    </>
  );
  return (
    <Box sx={{ mt: 2 }}>
      <Typography component="h4" variant="body2" sx={{ fontWeight: 500 }}>
        Charges
      </Typography>
      <Grid container spacing={1}>
        {charge('fixed_charge', 'Fixed charge')}
        {charge('minimum_charge', 'Minimum charge')}
        <Cell size={3}>
          <FormTextField
            size="small"
            label={`Demand (₹ per ${load} of MD)`}
            inputMode="decimal"
            value={category.demand_charge.rate}
            onChange={(rate) => onChange((c) => ({ ...c, demand_charge: { ...c.demand_charge, rate } }))}
            error={errors[`${at}.demand_charge.rate`]}
            hint="A month; empty: none"
          />
        </Cell>
        <Cell size={3}>
          <FormTextField
            size="small"
            label="MD floor (% of load)"
            inputMode="decimal"
            value={category.demand_charge.floor_percent}
            onChange={(floor_percent) => onChange((c) => ({ ...c, demand_charge: { ...c.demand_charge, floor_percent } }))}
            error={errors[`${at}.demand_charge.floor_percent`]}
            hint="Billed MD at least this share of sanctioned load"
          />
        </Cell>
        <Cell size={3}>
          <FormTextField
            size="small"
            label="Duty (% of energy charges)"
            inputMode="decimal"
            value={category.duty_percent}
            onChange={(duty_percent) => onChange((c) => ({ ...c, duty_percent }))}
            error={errors[`${at}.duty_percent`]}
          />
        </Cell>
        <Cell size={3}>
          <FormTextField
            size="small"
            label={`Free units (${energy} a month)`}
            inputMode="decimal"
            value={category.free_units}
            onChange={(free_units) => onChange((c) => ({ ...c, free_units }))}
            error={errors[`${at}.free_units`]}
          />
        </Cell>
      </Grid>
    </Box>
  );
}

function TaxesEditor({ index, category, errors, onChange }: Props) {
  const energy = category.billing_unit === 'KVAH' ? 'kVAh' : 'kWh';
  const taxes = category.taxes;
  const setTaxes = (next: typeof taxes) => onChange((c) => ({ ...c, taxes: next }));
  const basisOptions = [
    { value: 'percent' as const, label: '% of the charges' },
    { value: 'per_unit' as const, label: `₹ per ${energy}` },
  ];
  return (
    <Box sx={{ mt: 2 }}>
      <Typography component="h4" variant="body2" sx={{ fontWeight: 500 }}>
        Taxes
      </Typography>
      {taxes.map((tax, t) => {
        const at = taxPath(index, t);
        return (
          <Row key={t} name={`Tax ${t + 1}`} onRemove={() => setTaxes(removed(taxes, t))}>
            <Cell size={3}>
              <FormTextField size="small" label="Tax code" value={tax.code} onChange={(code) => setTaxes(replaced(taxes, t, { ...tax, code }))} error={errors[`${at}.code`]} />
            </Cell>
            <Cell size={3}>
              <SelectField label="Tax basis" value={tax.basis} options={basisOptions} onChange={(basis) => setTaxes(replaced(taxes, t, { ...tax, basis }))} />
            </Cell>
            <Cell size={3}>
              <FormTextField
                size="small"
                label={tax.basis === 'percent' ? 'Percent' : `₹ per ${energy}`}
                inputMode="decimal"
                value={tax.value}
                onChange={(value) => setTaxes(replaced(taxes, t, { ...tax, value }))}
                error={errors[`${at}.${tax.basis}`] ?? errors[at]}
              />
            </Cell>
          </Row>
        );
      })}
      <Button size="small" onClick={() => setTaxes([...taxes, { code: '', basis: 'percent', value: '' }])}>
        Add tax
      </Button>
    </Box>
  );
}

/** One category of the version being written: who it is for, slabs, ToD slots with their timeline, charges, taxes. */
export function TariffCategoryEditor(props: Props) {
  const { index, category, errors, onChange, onRemove } = props;
  const at = categoryPath(index);
  return (
    <Card variant="outlined" component="section" aria-label={`Category ${index + 1}`}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography component="h3" variant="subtitle1">
            Category {index + 1}
            {category.code ? `: ${category.code}` : ''}
          </Typography>
          {onRemove && (
            <Button size="small" color="error" onClick={onRemove}>
              Remove category {index + 1}
            </Button>
          )}
        </Stack>
        <Grid container spacing={1}>
          <Cell size={3}>
            <FormTextField size="small" label="Code" value={category.code} onChange={(code) => onChange((c) => ({ ...c, code }))} error={errors[`${at}.code`]} hint="Consumers' tariff category, e.g. LT-1" />
          </Cell>
          <Cell size={3}>
            <FormTextField size="small" label="Description" value={category.description} onChange={(description) => onChange((c) => ({ ...c, description }))} error={errors[`${at}.description`]} />
          </Cell>
          <Cell size={2}>
            <SelectField
              label="Consumer class"
              value={category.consumer_class}
              options={CONSUMER_CLASSES}
              onChange={(consumer_class) => onChange((c) => ({ ...c, consumer_class }))}
              error={errors[`${at}.consumer_class`]}
            />
          </Cell>
          <Cell size={2}>
            <SelectField
              label="Billing unit"
              value={category.billing_unit}
              options={[{ value: 'KWH', label: 'kWh' }, { value: 'KVAH', label: 'kVAh' }]}
              onChange={(billing_unit) => onChange((c) => ({ ...c, billing_unit }))}
              error={errors[`${at}.billing_unit`]}
            />
          </Cell>
          <Cell size={2}>
            <SelectField
              label="Load unit"
              value={category.load_unit}
              options={[{ value: 'KW', label: 'kW' }, { value: 'KVA', label: 'kVA' }]}
              onChange={(load_unit) => onChange((c) => ({ ...c, load_unit }))}
              error={errors[`${at}.load_unit`]}
            />
          </Cell>
        </Grid>
        <SlabsEditor {...props} />
        <SlotsEditor {...props} />
        <ChargesEditor {...props} />
        <TaxesEditor {...props} />
        {errors[`${at}.taxes`] && <Alert severity="error">{errors[`${at}.taxes`]}</Alert>}
      </CardContent>
    </Card>
  );
}
