import type { Schemas } from '../../api/client';

// Money arrives as JSON numbers the server already rounded to the paisa: only formatted, never added up or rounded again.
export { formatRupees } from '../../format/indian';

/** A rate as notified, to the paisa and beyond where it has more (₹0.1804): 2 to 4 decimals, en-IN grouping. */
export function formatRate(rate: number | undefined | null): string {
  if (rate === undefined || rate === null) return '—';
  const text = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(rate);
  return `₹${text}`;
}

/** A quantity as sent (units to 3 decimals, kW/kVA, a count), en-IN grouping, without padding. */
export function formatAmount(value: number | undefined | null, unit?: string): string {
  if (value === undefined || value === null) return '—';
  const text = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 4 }).format(value);
  return unit ? `${text} ${unit}` : text;
}

type Category = Schemas['CategoryTariff'];

export const COMPONENT_LABELS: Record<NonNullable<Schemas['Line']['component']>, string> = {
  ENERGY: 'Energy',
  TOD: 'Time of day',
  SUBSIDY: 'Subsidy',
  FIXED: 'Fixed charge',
  DEMAND: 'Demand charge',
  MINIMUM_CHARGE: 'Minimum charge',
  DUTY: 'Electricity duty',
  TAX: 'Tax',
  ROUNDING: 'Rounding',
};

/** A bill line's component as a person reads it; an unknown one as sent. */
export function componentLabel(component: string | undefined): string {
  return (component && COMPONENT_LABELS[component as keyof typeof COMPONENT_LABELS]) ?? component ?? '';
}

export function unitsOf(category: Category): { energy: string; load: string } {
  return { energy: category.billing_unit === 'KVAH' ? 'kVAh' : 'kWh', load: category.load_unit === 'KVA' ? 'kVA' : 'kW' };
}

/** "₹50.00 a month per kW of sanctioned load" / "₹25.00 a month per connection". */
export function describeCharge(charge: Schemas['Charge'] | undefined, category: Category): string {
  if (!charge) return 'None';
  const per = charge.basis === 'PER_CONNECTION' ? 'per connection' : `per ${unitsOf(category).load} of sanctioned load`;
  return `${formatRate(charge.rate)} a month ${per}`;
}

export function describeDemandCharge(category: Category): string {
  const demand = category.demand_charge;
  if (!demand) return 'None';
  const floor = demand.floor_percent ? `, at least ${formatAmount(demand.floor_percent)} % of sanctioned load` : '';
  return `${formatRate(demand.rate)} a month per ${unitsOf(category).load} of billed maximum demand${floor}`;
}

export function describeTaxes(category: Category): string {
  const taxes = category.taxes ?? [];
  if (taxes.length === 0) return 'None';
  return taxes
    .map((t) =>
      t.per_unit !== undefined && t.per_unit !== null
        ? `${t.code} ${formatRate(t.per_unit)} per ${unitsOf(category).energy}`
        : `${t.code} ${formatAmount(t.percent)} % of the charges`,
    )
    .join('; ');
}
