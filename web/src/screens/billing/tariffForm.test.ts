import { describe, expect, it } from 'vitest';
import {
  checkTariff,
  compareDecimal,
  coverageProblems,
  emptyCategory,
  emptyTariffDraft,
  nextSlot,
  slotSpans,
  toTariff,
  toTariffDraft,
  unplacedErrors,
  versionStatuses,
  type SlotDraft,
  type Tariff,
  type TariffDraft,
} from './tariffForm';
import { describeRow, timelineRows } from './todTimeline';
import { formatRate, formatRupees } from './tariffFormat';

/** The worked example of docs/billing.md, as the server returns it. */
const LT1: Tariff = {
  name: 'Tariff order 2026-27',
  effective_from: '2026-04-01',
  rounding: 'RUPEE',
  categories: [
    {
      code: 'LT-1',
      description: 'Domestic',
      consumer_class: 'DOMESTIC',
      billing_unit: 'KWH',
      load_unit: 'KW',
      slabs: [{ up_to: 100, rate: 3 }, { up_to: 300, rate: 4.5 }, { rate: 6.5 }],
      tod_slots: [
        { zone: 'NORMAL', kind: 'NORMAL', from: '22:00', to: '09:00', multiplier: 1 },
        { zone: 'SOLAR', kind: 'SOLAR', from: '09:00', to: '17:00', multiplier: 0.8 },
        { zone: 'NORMAL', kind: 'NORMAL', from: '17:00', to: '18:00', multiplier: 1 },
        { zone: 'PEAK', kind: 'PEAK', from: '18:00', to: '22:00', multiplier: 1.1 },
      ],
      fixed_charge: { basis: 'PER_LOAD_UNIT', rate: 50 },
      duty_percent: 16,
      taxes: [{ code: 'TOSE', per_unit: 0.1804 }],
      free_units: 0,
    },
  ],
};

const slot = (from: string, to: string, kind: SlotDraft['kind'] = 'NORMAL', multiplier = '1', zone: string = kind): SlotDraft => ({
  ...nextSlot(),
  zone,
  kind,
  from,
  to,
  multiplier,
});

/** A draft of one commercial category with these slots and an otherwise valid body. */
function commercial(slots: SlotDraft[]): TariffDraft {
  const draft = emptyTariffDraft();
  draft.name = 'Tariff order 2027-28';
  draft.effective_from = '2027-04-01';
  draft.categories[0] = { ...emptyCategory(), code: 'LT-2', consumer_class: 'COMMERCIAL', slabs: [{ up_to: '', rate: '7.50' }], tod_slots: slots };
  return draft;
}

describe('the tariff editor form', () => {
  it('starts a new version as a copy of a stored one, except the day it takes effect', () => {
    const draft = toTariffDraft(LT1);
    expect(draft.effective_from).toBe('');
    expect(draft.categories[0].slabs).toEqual([{ up_to: '100', rate: '3' }, { up_to: '300', rate: '4.5' }, { up_to: '', rate: '6.5' }]);
    expect(draft.categories[0].taxes).toEqual([{ code: 'TOSE', basis: 'per_unit', value: '0.1804' }]);
    expect(checkTariff(draft)).toEqual({ effective_from: 'Required: the day it is in force from' });

    draft.effective_from = '2027-04-01';
    expect(checkTariff(draft)).toEqual({});
    const body = toTariff(draft);
    expect(body).toEqual({ ...LT1, effective_from: '2027-04-01', categories: [{ ...LT1.categories![0], demand_charge: undefined, minimum_charge: undefined }] });
  });

  it('sends rates exactly as typed, grouping removed, and "24:00" as midnight', () => {
    const draft = commercial([slot('06:00', '18:00'), slot('18:00', '24:00', 'PEAK', '1.25'), slot('00:00', '06:00', 'OFF_PEAK', '0.9')]);
    draft.categories[0].slabs = [{ up_to: '1,00,000', rate: '0.1804' }, { up_to: '', rate: '12.3456' }];
    expect(checkTariff(draft)).toEqual({});
    const category = toTariff(draft).categories![0];
    expect(category.slabs).toEqual([{ up_to: 100000, rate: 0.1804 }, { up_to: undefined, rate: 12.3456 }]);
    expect(JSON.stringify(category.slabs)).toBe('[{"up_to":100000,"rate":0.1804},{"rate":12.3456}]');
    expect(category.tod_slots![1]).toMatchObject({ from: '18:00', to: '00:00', multiplier: 1.25 });
  });

  it('names the gap and the overlap of the slots, for the category and beside the ends to change', () => {
    const draft = commercial([
      slot('06:00', '18:00'),
      slot('17:00', '22:00', 'PEAK', '1.25'), // starts an hour before the normal slot ends
      slot('22:00', '05:00', 'OFF_PEAK', '0.9'), // ends an hour before the normal slot starts
    ]);
    expect(checkTariff(draft)).toEqual({
      'categories[0].tod_slots': 'all year: 05:00–06:00 is in no slot; all year: 17:00–18:00 is in more than one slot',
      'categories[0].tod_slots[0].from': 'all year: 05:00–06:00 is in no slot',
      'categories[0].tod_slots[0].to': 'all year: 17:00–18:00 is in more than one slot',
      'categories[0].tod_slots[1].from': 'all year: 17:00–18:00 is in more than one slot',
      'categories[0].tod_slots[2].to': 'all year: 05:00–06:00 is in no slot',
    });
  });

  it('judges seasonal slots month by month, wrapping past December and past midnight', () => {
    const winter = { ...slot('18:00', '21:00', 'PEAK', '1.2', 'PEAK_WINTER'), from_month: '10', to_month: '3' };
    const summer = { ...slot('19:00', '23:00', 'PEAK', '1.2', 'PEAK_SUMMER'), from_month: '4', to_month: '9' };
    const normal = slot('22:00', '18:00');
    const { spans, allValid } = slotSpans([normal, winter, summer]);
    expect(allValid).toBe(true);
    expect(coverageProblems(spans, 'slots').category).toEqual([
      'Jan–Mar, Oct–Dec: 21:00–22:00 is in no slot',
      'Apr–Sep: 18:00–19:00 is in no slot',
      'Apr–Sep: 22:00–23:00 is in more than one slot',
    ]);
  });

  it('holds peak, solar, normal and off-peak multipliers to the Rules 2023, compared exactly', () => {
    const day = [slot('00:00', '09:00'), slot('09:00', '17:00', 'SOLAR', '0.81'), slot('17:00', '18:00', 'OFF_PEAK', '1.01', 'EVENING'), slot('18:00', '00:00', 'PEAK', '1.19')];
    expect(checkTariff(commercial(day))).toEqual({
      'categories[0].tod_slots[1].multiplier': 'Solar hours at least 20 % below normal: at most 0.80 (Electricity (Rights of Consumers) Amendment Rules 2023)',
      'categories[0].tod_slots[2].multiplier': 'Off-peak at most 1 × normal',
      'categories[0].tod_slots[3].multiplier': 'Peak at least 1.20 × normal for COMMERCIAL (Electricity (Rights of Consumers) Amendment Rules 2023)',
    });
    const domestic = commercial([slot('00:00', '18:00', 'NORMAL', '1.00'), slot('18:00', '00:00', 'PEAK', '1.10')]);
    domestic.categories[0].consumer_class = 'DOMESTIC';
    expect(checkTariff(domestic)).toEqual({});
    expect(compareDecimal('1.2', '1.20')).toBe(0);
    expect(compareDecimal('1.1999', '1.2')).toBe(-1);
    expect(compareDecimal('10', '9.99')).toBe(1);
  });

  it('reads each slot before judging coverage, and keeps the slots of a zone alike', () => {
    const draft = commercial([slot('00:00', '18:10'), { ...slot('18:00', '00:00', 'PEAK', '1.2'), from_month: '4' }, slot('06:00', '07:00', 'PEAK', '1.3')]);
    expect(checkTariff(draft)).toEqual({
      'categories[0].tod_slots[0].to': 'On a quarter hour (:00, :15, :30, :45)',
      'categories[0].tod_slots[1].to_month': 'Both months (a season), or neither (all year)',
      'categories[0].tod_slots[2].zone': 'Zone PEAK has another kind or multiplier in an earlier slot: slots of a zone share them',
    });
  });

  it('wants slabs rising with the last one open', () => {
    const draft = commercial([]);
    draft.categories[0].slabs = [{ up_to: '200', rate: '3' }, { up_to: '100', rate: 'four' }, { up_to: '500', rate: '6' }];
    expect(checkTariff(draft)).toEqual({
      'categories[0].slabs[1].up_to': "Above the previous slab's limit 200",
      'categories[0].slabs[1].rate': 'A number, e.g. 4.50',
      'categories[0].slabs[2].up_to': 'The last slab is open-ended: leave the limit empty',
    });
  });

  it('lists the server errors that have no field in the editor, and only those', () => {
    const draft = commercial([slot('00:00', '00:00')]);
    const errors = {
      'categories[0].slabs[0].rate': 'from 0 to 1000, at most 4 decimals',
      'categories[0].tod_slots[0].to': 'required',
      'categories[0]': 'required',
      'categories[0].taxes[0]': 'either percent (of the charges) or per_unit (₹ per billed unit)',
    };
    expect(unplacedErrors(errors, draft)).toEqual([
      ['categories[0]', 'required'],
      ['categories[0].taxes[0]', 'either percent (of the charges) or per_unit (₹ per billed unit)'],
    ]);
  });
});

describe('the ToD timeline', () => {
  it('draws the worked example as one bar for the whole year', () => {
    const rows = timelineRows(toTariffDraft(LT1).categories[0].tod_slots);
    expect(rows).toHaveLength(1);
    expect(describeRow(rows[0])).toBe(
      'All year: NORMAL (Normal) 00:00–09:00, SOLAR (Solar) 09:00–17:00, NORMAL (Normal) 17:00–18:00, PEAK (Peak) 18:00–22:00, NORMAL (Normal) 22:00–24:00',
    );
  });

  it('gives seasons their own bars and shows gaps and overlaps', () => {
    const rows = timelineRows([
      slot('00:00', '18:00'),
      { ...slot('18:00', '00:00', 'PEAK', '1.2'), from_month: '11', to_month: '2' },
      { ...slot('17:00', '00:00', 'PEAK', '1.2'), from_month: '3', to_month: '4' },
      slot('99:00', '10:00'), // unreadable: left out
    ]);
    expect(rows.map(describeRow)).toEqual([
      'Jan–Feb, Nov–Dec: NORMAL (Normal) 00:00–18:00, PEAK (Peak) 18:00–24:00',
      'Mar–Apr: NORMAL (Normal) 00:00–17:00, More than one slot 17:00–18:00, PEAK (Peak) 18:00–24:00',
      'May–Oct: NORMAL (Normal) 00:00–18:00, No slot 18:00–24:00',
    ]);
  });
});

describe('money on the tariff screens', () => {
  it('is formatted as the server sent it, with Indian grouping', () => {
    expect(formatRupees(154250)).toBe('₹1,54,250.00');
    expect(formatRupees(-62.63)).toBe('−₹62.63');
    expect(formatRate(0.1804)).toBe('₹0.1804');
    expect(formatRate(4.5)).toBe('₹4.50');
  });
});

describe('the list of versions', () => {
  it('marks the one in force on a day, those to come and those superseded', () => {
    const listed = [
      { id: 'v4', effective_from: '2099-01-01' },
      { id: 'v3', effective_from: '2027-04-01' },
      { id: 'v2', effective_from: '2027-04-01' },
      { id: 'v1', effective_from: '2026-04-01' },
    ];
    expect(Object.fromEntries(versionStatuses(listed, '2027-04-01'))).toEqual({
      v4: 'SCHEDULED',
      v3: 'IN_FORCE',
      v2: 'SUPERSEDED',
      v1: 'SUPERSEDED',
    });
    expect(versionStatuses(listed, '2026-03-31').get('v1')).toBe('SCHEDULED');
  });
});
