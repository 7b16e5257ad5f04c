import { describe, expect, it } from 'vitest';
import { componentLabel, quantityOrDash, sumCheck, sumCheckText, zoneLabel, zoneSeries, zoneShares, type BillingSettings } from './determinants';

const settings: BillingSettings = { sum_check_tolerance_kwh: 0.5, sum_check_tolerance_percent: 1 };

describe('ToD zones', () => {
  const zones = [
    { zone: 'NORMAL', kwh_import: 18, kwh_export: 0 },
    { zone: 'PEAK_SUMMER', kwh_import: 6, kwh_export: 0 },
  ];

  it('labels zones and explains the ones the server makes up', () => {
    expect(zoneLabel('PEAK_SUMMER')).toBe('Peak summer');
    expect(zoneLabel('ALL_DAY')).toBe('All day (flat tariff)');
    expect(zoneLabel('UNTARIFFED')).toBe('No tariff in force');
  });

  it('charts import per zone and leaves out kVAh the meters did not keep and export that is all zero', () => {
    expect(zoneSeries(zones)).toEqual({ labels: ['Normal', 'Peak summer'], importKwh: [18, 6] });
  });

  it('charts kVAh the meters kept, even zero', () => {
    expect(zoneSeries([{ zone: 'NIGHT', kwh_import: 0, kvah_import: 0 }]).importKvah).toEqual([0]);
  });

  it('adds kVAh and export when there are some', () => {
    const series = zoneSeries([{ zone: 'SOLAR', kwh_import: 2, kvah_import: 2.2, kwh_export: 5 }]);
    expect(series.importKvah).toEqual([2.2]);
    expect(series.exportKwh).toEqual([5]);
  });

  it('gives each zone its share of the import, none of nothing', () => {
    expect(zoneShares(zones)).toEqual([0.75, 0.25]);
    expect(zoneShares([{ zone: 'ALL_DAY', kwh_import: 0 }])).toEqual([0]);
    expect(zoneSeries(undefined).labels).toEqual([]);
  });
});

describe('sum check', () => {
  it('allows the larger of the kWh and percent tolerances', () => {
    expect(sumCheck({ register_kwh: 20, interval_kwh: 19.6, difference: 0.4 }, settings)).toEqual({ verdict: 'agrees', allowed: 0.5 });
    expect(sumCheck({ register_kwh: 100, interval_kwh: 98.8, difference: 1.2 }, settings).verdict).toBe('disagrees');
    expect(sumCheck({ register_kwh: 1000, interval_kwh: 992, difference: 8 }, settings)).toEqual({ verdict: 'agrees', allowed: 10 });
  });

  it('says so when it cannot judge', () => {
    expect(sumCheck({ register_kwh: 20, difference: 0 }, undefined).verdict).toBe('unknown');
    expect(sumCheckText({}, settings)).toBe('No register reads to check against');
  });

  it('puts the figures in the sentence', () => {
    expect(sumCheckText({ register_kwh: 20, interval_kwh: 19.6, difference: 0.4 }, settings))
      .toBe('Register 20.000 kWh, intervals 19.600 kWh: agree within 0.500 kWh');
    expect(sumCheckText({ register_kwh: 100, interval_kwh: 90, difference: 10 }, settings))
      .toBe('Register 100.000 kWh, intervals 90.000 kWh: differ by more than 1.000 kWh');
  });
});

describe('bill and quantities', () => {
  it('names charge components', () => {
    expect(componentLabel('TOD')).toBe('Time of day');
    expect(componentLabel('DUTY')).toBe('Electricity duty');
  });

  it('shows a quantity with Indian grouping, or a dash without one', () => {
    expect(quantityOrDash(123456.5, 'kWh')).toBe('1,23,456.500 kWh');
    expect(quantityOrDash(undefined, 'kVA')).toBe('—');
  });
});
