import { formatDecimal } from '../../format/indian';

/**
 * Money as the server computed it: amounts arrive as JSON numbers already rounded to the paisa and are only
 * formatted here (en-IN grouping), never added up or rounded again.
 */
export function formatRupees(amount: number | undefined | null): string {
  if (amount === undefined || amount === null) return '—';
  return amount < 0 ? `−₹${formatDecimal(-amount, 2)}` : `₹${formatDecimal(amount, 2)}`;
}

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
