import { describe, expect, it } from 'vitest';
import { checkPreview, emptyPreviewDraft, toPreviewRequest, zonesOf } from './tariffPreviewForm';
import type { CategoryTariff } from './tariffForm';

const TOD: CategoryTariff = {
  code: 'LT-1',
  consumer_class: 'DOMESTIC',
  billing_unit: 'KWH',
  load_unit: 'KW',
  tod_slots: [
    { zone: 'NORMAL', kind: 'NORMAL', from: '22:00', to: '18:00', multiplier: 1 },
    { zone: 'PEAK', kind: 'PEAK', from: '18:00', to: '22:00', multiplier: 1.1 },
  ],
};

const HT_FLAT: CategoryTariff = { code: 'HT-1', consumer_class: 'INDUSTRIAL', billing_unit: 'KVAH', load_unit: 'KVA', tod_slots: [] };

describe('the bill preview form', () => {
  it('asks energy per ToD zone, or for the one zone of a flat category', () => {
    expect(zonesOf(TOD)).toEqual(['NORMAL', 'PEAK']);
    expect(zonesOf(HT_FLAT)).toEqual(['ALL_DAY']);
  });

  it('previews the version shown, in the units of the category', () => {
    const draft = { ...emptyPreviewDraft(), energy: { NORMAL: '1,80,000', PEAK: '90' }, exported: '20', sanctioned_load: '3' };
    expect(checkPreview(draft, TOD)).toEqual({});
    expect(toPreviewRequest(draft, 'v-1', TOD)).toEqual({
      tariff_id: 'v-1',
      category: 'LT-1',
      determinants: {
        days: 30,
        energy: [{ zone: 'NORMAL', kwh: 180000 }, { zone: 'PEAK', kwh: 90 }],
        export_kwh: 20,
        sanctioned_load: 3,
      },
    });
    const kvah = { ...emptyPreviewDraft(), days: '31', energy: { ALL_DAY: '5000' }, maximum_demand: '420' };
    expect(toPreviewRequest(kvah, 'v-2', HT_FLAT).determinants).toEqual({
      days: 31,
      energy: [{ zone: 'ALL_DAY', kvah: 5000 }],
      md_kva: 420,
      sanctioned_load: undefined,
    });
  });

  it('names the server fields of what is not a number', () => {
    const draft = { ...emptyPreviewDraft(), days: 'a month', energy: { PEAK: 'lots' }, maximum_demand: '-1' };
    expect(checkPreview(draft, TOD)).toEqual({
      'determinants.days': 'Whole days, e.g. 30',
      'determinants.energy[1].kwh': 'A number, e.g. 120.5',
      'determinants.md_kw': 'A number, e.g. 120.5',
    });
  });
});
