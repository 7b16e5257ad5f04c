import type { Schemas } from '../../../api/client';
import { formatQuantity } from '../../../format/indian';

export type CycleDeterminants = Schemas['CycleDeterminants'];
export type TodZoneEnergy = Schemas['TodZoneEnergy'];
export type MeterRead = Schemas['MeterRead'];
export type BillingSettings = Schemas['BillingSettings'];
export type BillLine = Schemas['Line'];

/** A zone as an operator reads it: "PEAK_SUMMER" → "Peak summer"; the two zones the server makes up are explained. */
export function zoneLabel(zone: string | undefined): string {
  if (zone === 'ALL_DAY') return 'All day (flat tariff)';
  if (zone === 'UNTARIFFED') return 'No tariff in force';
  if (!zone) return '';
  const words = zone.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ZoneSeries {
  labels: string[];
  importKwh: number[];
  /** Only when the meters kept kVAh (the server sends none, rather than 0, for meters without it). */
  importKvah?: number[];
  /** Only when some energy was exported (net metering). */
  exportKwh?: number[];
}

/** The bar chart's data: a band per ToD zone, import kWh, kVAh when the meters kept it, export when there was some. */
export function zoneSeries(zones: readonly TodZoneEnergy[] | undefined): ZoneSeries {
  const list = zones ?? [];
  const importKvah = list.map((z) => z.kvah_import ?? 0);
  const exportKwh = list.map((z) => z.kwh_export ?? 0);
  return {
    labels: list.map((z) => zoneLabel(z.zone)),
    importKwh: list.map((z) => z.kwh_import ?? 0),
    ...(list.some((z) => z.kvah_import != null) ? { importKvah } : {}),
    ...(exportKwh.some((v) => v !== 0) ? { exportKwh } : {}),
  };
}

/** Each zone's share of the import (0–1), for the table beside the chart; none when nothing was imported. */
export function zoneShares(zones: readonly TodZoneEnergy[] | undefined): number[] {
  const list = zones ?? [];
  const total = list.reduce((sum, z) => sum + (z.kwh_import ?? 0), 0);
  return list.map((z) => (total > 0 ? (z.kwh_import ?? 0) / total : 0));
}

export type SumCheckVerdict = 'agrees' | 'disagrees' | 'unknown';

/**
 * The sum check of one meter as the server judges it (docs/billing.md): the register advance may stand from the sum of
 * the intervals by the larger of the tolerance in kWh and the tolerance in percent of the advance.
 */
export function sumCheck(meter: MeterRead, settings: BillingSettings | undefined): { verdict: SumCheckVerdict; allowed?: number } {
  if (meter.difference === undefined || meter.difference === null || meter.register_kwh === undefined || !settings) {
    return { verdict: 'unknown' };
  }
  const allowed = Math.max(settings.sum_check_tolerance_kwh ?? 0,
    ((settings.sum_check_tolerance_percent ?? 0) / 100) * Math.abs(meter.register_kwh));
  return { verdict: Math.abs(meter.difference) <= allowed ? 'agrees' : 'disagrees', allowed };
}

/** A sentence on the sum check: "Register 12.000 kWh, intervals 11.990 kWh: within 0.500 kWh". */
export function sumCheckText(meter: MeterRead, settings: BillingSettings | undefined): string {
  if (meter.register_kwh === undefined || meter.register_kwh === null) return 'No register reads to check against';
  const { verdict, allowed } = sumCheck(meter, settings);
  const figures = `Register ${formatQuantity(meter.register_kwh, 'kWh')}, intervals ${formatQuantity(meter.interval_kwh ?? 0, 'kWh')}`;
  if (verdict === 'unknown') return `${figures}, difference ${formatQuantity(meter.difference ?? 0, 'kWh')}`;
  const bound = formatQuantity(allowed ?? 0, 'kWh');
  return verdict === 'agrees' ? `${figures}: agree within ${bound}` : `${figures}: differ by more than ${bound}`;
}

export { componentLabel } from '../tariffFormat';

/** A quantity in its unit, or a dash when the determinants have none (no kVAh register, no MD recorded). */
export function quantityOrDash(value: number | undefined | null, unit: string): string {
  return value === undefined || value === null ? '—' : formatQuantity(value, unit);
}
