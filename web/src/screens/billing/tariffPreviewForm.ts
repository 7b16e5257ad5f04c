import type { Schemas } from '../../api/client';
import { plainDecimal, type CategoryTariff, type FieldErrors } from './tariffForm';

export type PreviewRequest = Schemas['PreviewRequest'];
export type Preview = Schemas['Preview'];
export type BillLine = Schemas['Line'];

/** The zone name the server accepts for a flat category (any one name will do; this is the one billing uses). */
export const ALL_DAY = 'ALL_DAY';

/** What the preview panel holds, as typed: energy per zone in the category's billing unit. */
export interface PreviewDraft {
  days: string;
  energy: Record<string, string>;
  exported: string;
  maximum_demand: string;
  sanctioned_load: string;
}

export function emptyPreviewDraft(): PreviewDraft {
  return { days: '30', energy: {}, exported: '', maximum_demand: '', sanctioned_load: '' };
}

/** The category's ToD zones in the order the tariff first names them; a flat category has the one zone ALL_DAY. */
export function zonesOf(category: CategoryTariff): string[] {
  const zones = [...new Set((category.tod_slots ?? []).map((s) => s.zone ?? ''))].filter(Boolean);
  return zones.length > 0 ? zones : [ALL_DAY];
}

export function isKvah(category: CategoryTariff): boolean {
  return category.billing_unit === 'KVAH';
}

/** kWh or kVAh: the energy the category's slabs bill. */
export function billingUnitSymbol(category: CategoryTariff): string {
  return isKvah(category) ? 'kVAh' : 'kWh';
}

export function loadUnitSymbol(category: CategoryTariff): string {
  return category.load_unit === 'KVA' ? 'kVA' : 'kW';
}

/** The server's field names for what the panel asks, which depend on the category's units. */
export function previewFields(category: CategoryTariff) {
  const kvah = isKvah(category);
  return {
    energy: (index: number) => `determinants.energy[${index}].${kvah ? 'kvah' : 'kwh'}`,
    exported: kvah ? 'determinants.export_kvah' : 'determinants.export_kwh',
    maximumDemand: category.load_unit === 'KVA' ? 'determinants.md_kva' : 'determinants.md_kw',
    sanctionedLoad: 'determinants.sanctioned_load',
    days: 'determinants.days',
  };
}

/** The panel's own checks: numbers are numbers. Which are required and their bounds are the server's. */
export function checkPreview(draft: PreviewDraft, category: CategoryTariff): FieldErrors {
  const fields = previewFields(category);
  const errors: FieldErrors = {};
  const number = (field: string, typed: string) => {
    if (typed.trim() && plainDecimal(typed) === null) errors[field] = 'A number, e.g. 120.5';
  };
  zonesOf(category).forEach((zone, i) => number(fields.energy(i), draft.energy[zone] ?? ''));
  number(fields.exported, draft.exported);
  number(fields.maximumDemand, draft.maximum_demand);
  number(fields.sanctionedLoad, draft.sanctioned_load);
  if (!/^\d+$/.test(draft.days.trim())) errors[fields.days] = 'Whole days, e.g. 30';
  return errors;
}

function quantity(typed: string): number | undefined {
  const plain = plainDecimal(typed);
  return plain === null ? undefined : Number(plain);
}

/** The preview request of a checked draft: under this very version, not whatever is in force on a day. */
export function toPreviewRequest(draft: PreviewDraft, tariffId: string, category: CategoryTariff): PreviewRequest {
  const kvah = isKvah(category);
  const kva = category.load_unit === 'KVA';
  const exported = quantity(draft.exported);
  const demand = quantity(draft.maximum_demand);
  return {
    tariff_id: tariffId,
    category: category.code,
    determinants: {
      days: Number(draft.days.trim()),
      energy: zonesOf(category).map((zone) => {
        const units = quantity(draft.energy[zone] ?? '') ?? 0;
        return kvah ? { zone, kvah: units } : { zone, kwh: units };
      }),
      ...(exported === undefined ? {} : kvah ? { export_kvah: exported } : { export_kwh: exported }),
      ...(demand === undefined ? {} : kva ? { md_kva: demand } : { md_kw: demand }),
      sanctioned_load: quantity(draft.sanctioned_load),
    },
  };
}
