import type { Schemas } from '../../api/client';

export type Tariff = Schemas['Tariff'];
export type CategoryTariff = Schemas['CategoryTariff'];
export type TodSlot = Schemas['TodSlot'];
export type TariffVersion = Schemas['TariffVersion'];
export type ConsumerClass = NonNullable<CategoryTariff['consumer_class']>;
export type SlotKind = NonNullable<TodSlot['kind']>;
export type BillingUnit = NonNullable<CategoryTariff['billing_unit']>;
export type LoadUnit = NonNullable<CategoryTariff['load_unit']>;
export type ChargeBasis = NonNullable<Schemas['Charge']['basis']>;
export type Rounding = NonNullable<Tariff['rounding']>;

/** One slab as typed: the last one has no limit. */
export interface SlabDraft {
  up_to: string;
  rate: string;
}

/** One ToD slot as typed; months empty for all year. */
export interface SlotDraft {
  zone: string;
  kind: SlotKind;
  from: string;
  to: string;
  from_month: string;
  to_month: string;
  multiplier: string;
}

/** A tax is either a percentage of the charges or rupees per billed unit; the form asks which, then one value. */
export interface TaxDraft {
  code: string;
  basis: 'percent' | 'per_unit';
  value: string;
}

/** A monthly charge; no basis means the category has none. */
export interface ChargeDraft {
  basis: ChargeBasis | '';
  rate: string;
}

export interface CategoryDraft {
  code: string;
  description: string;
  consumer_class: ConsumerClass | '';
  billing_unit: BillingUnit;
  load_unit: LoadUnit;
  slabs: SlabDraft[];
  tod_slots: SlotDraft[];
  fixed_charge: ChargeDraft;
  /** Both empty: no demand charge. */
  demand_charge: { rate: string; floor_percent: string };
  duty_percent: string;
  free_units: string;
  minimum_charge: ChargeDraft;
  taxes: TaxDraft[];
}

/** What the tariff editor holds: text as typed, shaped like the API body so field paths are the server's. */
export interface TariffDraft {
  name: string;
  effective_from: string;
  rounding: Rounding;
  categories: CategoryDraft[];
}

/** Field path → message, with the server's paths (`categories[0].tod_slots[2].to`), so both sources show alike. */
export type FieldErrors = Record<string, string>;

export const CONSUMER_CLASSES: ReadonlyArray<{ value: ConsumerClass; label: string }> = [
  { value: 'DOMESTIC', label: 'Domestic' },
  { value: 'COMMERCIAL', label: 'Commercial' },
  { value: 'INDUSTRIAL', label: 'Industrial' },
  { value: 'AGRICULTURAL', label: 'Agricultural' },
  { value: 'OTHER', label: 'Other' },
];

export const SLOT_KINDS: ReadonlyArray<{ value: SlotKind; label: string }> = [
  { value: 'NORMAL', label: 'Normal' },
  { value: 'PEAK', label: 'Peak' },
  { value: 'OFF_PEAK', label: 'Off-peak' },
  { value: 'SOLAR', label: 'Solar' },
];

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export const categoryPath = (c: number) => `categories[${c}]`;
export const slabPath = (c: number, s: number) => `${categoryPath(c)}.slabs[${s}]`;
export const slotPath = (c: number, s: number) => `${categoryPath(c)}.tod_slots[${s}]`;
export const taxPath = (c: number, t: number) => `${categoryPath(c)}.taxes[${t}]`;

// ---------------------------------------------------------------------------------------------- drafts

export function emptySlab(): SlabDraft {
  return { up_to: '', rate: '' };
}

/** A new slot starts where the previous one ends, so slots are added round the clock. */
export function nextSlot(previous?: SlotDraft): SlotDraft {
  return { zone: '', kind: 'NORMAL', from: previous?.to ?? '00:00', to: '', from_month: '', to_month: '', multiplier: '1' };
}

export function emptyCategory(): CategoryDraft {
  return {
    code: '',
    description: '',
    consumer_class: 'DOMESTIC',
    billing_unit: 'KWH',
    load_unit: 'KW',
    slabs: [emptySlab()],
    tod_slots: [],
    fixed_charge: { basis: '', rate: '' },
    demand_charge: { rate: '', floor_percent: '' },
    duty_percent: '0',
    free_units: '0',
    minimum_charge: { basis: '', rate: '' },
    taxes: [],
  };
}

export function emptyTariffDraft(): TariffDraft {
  return { name: '', effective_from: '', rounding: 'RUPEE', categories: [emptyCategory()] };
}

/** A number from the API as the form shows it; amounts arrive as JSON numbers and are shown as sent, no arithmetic. */
function text(value: number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

function chargeDraft(charge: Schemas['Charge'] | undefined): ChargeDraft {
  return charge ? { basis: charge.basis ?? '', rate: text(charge.rate) } : { basis: '', rate: '' };
}

/** A stored slot as the form holds it (also how the timeline reads stored slots). */
export function toSlotDraft(slot: TodSlot): SlotDraft {
  return {
    zone: slot.zone ?? '',
    kind: slot.kind ?? 'NORMAL',
    from: slot.from ?? '',
    to: slot.to ?? '',
    from_month: text(slot.from_month),
    to_month: text(slot.to_month),
    multiplier: text(slot.multiplier),
  };
}

/**
 * A stored version as the starting point of the next one: everything copied except the day it takes effect, which
 * must be chosen anew (a copy in force the same day would silently replace it).
 */
export function toTariffDraft(tariff: Tariff): TariffDraft {
  return {
    name: tariff.name ?? '',
    effective_from: '',
    rounding: tariff.rounding ?? 'RUPEE',
    categories: (tariff.categories ?? []).map((c) => ({
      code: c.code ?? '',
      description: c.description ?? '',
      consumer_class: c.consumer_class ?? '',
      billing_unit: c.billing_unit ?? 'KWH',
      load_unit: c.load_unit ?? 'KW',
      slabs: (c.slabs ?? []).map((s) => ({ up_to: text(s.up_to), rate: text(s.rate) })),
      tod_slots: (c.tod_slots ?? []).map(toSlotDraft),
      fixed_charge: chargeDraft(c.fixed_charge),
      demand_charge: { rate: text(c.demand_charge?.rate), floor_percent: text(c.demand_charge?.floor_percent) },
      duty_percent: text(c.duty_percent),
      free_units: text(c.free_units),
      minimum_charge: chargeDraft(c.minimum_charge),
      taxes: (c.taxes ?? []).map((t) =>
        t.per_unit !== undefined && t.per_unit !== null
          ? { code: t.code ?? '', basis: 'per_unit' as const, value: text(t.per_unit) }
          : { code: t.code ?? '', basis: 'percent' as const, value: text(t.percent) },
      ),
    })),
  };
}

// ---------------------------------------------------------------------------------------------- numbers and times

const DECIMAL = /^\d+(\.\d+)?$/;
/** en-IN or western grouping typed by a person: 1,00,000.50 or 100,000.50. */
const GROUPED = /^\d{1,3}(,\d{2,3})+(\.\d+)?$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The typed number without grouping commas, or null when it is not a non-negative decimal. */
export function plainDecimal(typed: string): string | null {
  const trimmed = typed.trim();
  const plain = GROUPED.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed;
  return DECIMAL.test(plain) ? plain : null;
}

/** Exact comparison of two plain decimals (−1, 0, 1): multipliers are judged without floating point. */
export function compareDecimal(a: string, b: string): number {
  const [aInt, aFraction = ''] = a.split('.');
  const [bInt, bFraction = ''] = b.split('.');
  const width = Math.max(aFraction.length, bFraction.length);
  const scaledA = BigInt(aInt + aFraction.padEnd(width, '0'));
  const scaledB = BigInt(bInt + bFraction.padEnd(width, '0'));
  return scaledA < scaledB ? -1 : scaledA > scaledB ? 1 : 0;
}

/** Minutes since midnight of "HH:mm"; "24:00" is the end of the day, stored as 00:00. Null when not a time. */
export function minuteOfDay(typed: string): number | null {
  const trimmed = typed.trim();
  if (trimmed === '24:00') return 0;
  const match = CLOCK.exec(trimmed);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function monthNumber(typed: string): number | null {
  const trimmed = typed.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const month = Number(trimmed);
  return month >= 1 && month <= 12 ? month : null;
}

// ---------------------------------------------------------------------------------------------- coverage

/** A slot reduced to what coverage needs: minutes of the day and months (absent: all year). */
export interface SlotSpan {
  index: number;
  zone: string;
  kind: SlotKind;
  from: number;
  to: number;
  fromMonth?: number;
  toMonth?: number;
}

const DAY_MINUTES = 24 * 60;

function inMonth(span: SlotSpan, month: number): boolean {
  if (span.fromMonth === undefined || span.toMonth === undefined) return true;
  return span.fromMonth <= span.toMonth
    ? month >= span.fromMonth && month <= span.toMonth
    : month >= span.fromMonth || month <= span.toMonth;
}

/** Minutes a slot covers from its start: past midnight when `to` is at or before `from`, all day when equal. */
function lengthOf(span: SlotSpan): number {
  return span.to > span.from ? span.to - span.from : DAY_MINUTES - span.from + span.to;
}

/** For each minute of a day of the month, the indexes (in `spans`) of the slots holding it. */
export function holdersOfMonth(spans: readonly SlotSpan[], month: number): number[][] {
  const holders: number[][] = Array.from({ length: DAY_MINUTES }, () => []);
  spans.forEach((span, i) => {
    if (!inMonth(span, month)) return;
    const length = lengthOf(span);
    for (let m = 0; m < length; m++) holders[(span.from + m) % DAY_MINUTES].push(i);
  });
  return holders;
}

/** A stretch of the day in no slot (kind −1), one (0) or several (1), as the server judges it. */
interface Run {
  from: number;
  to: number;
  kind: number;
}

function runsOfMonth(spans: readonly SlotSpan[], month: number): Run[] {
  const cover = holdersOfMonth(spans, month).map((h) => Math.sign(h.length - 1));
  const runs: Run[] = [];
  let start = 0;
  while (start < DAY_MINUTES) {
    let end = start;
    while (end < DAY_MINUTES && cover[end] === cover[start]) end++;
    runs.push({ from: start, to: end, kind: cover[start] });
    start = end;
  }
  // a stretch across midnight is one stretch: 22:00–06:00, not 00:00–06:00 and 22:00–24:00
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (runs.length > 1 && first.kind === last.kind) {
    runs.pop();
    runs[0] = { from: last.from, to: first.to, kind: first.kind };
  }
  return runs;
}

/** Runs of consecutive months as ranges: [1, 2, 3, 7] is "Jan–Mar, Jul"; all twelve are "all year". */
export function monthNames(months: readonly number[]): string {
  if (months.length === 12) return 'all year';
  const ranges: string[] = [];
  let i = 0;
  while (i < months.length) {
    let j = i;
    while (j + 1 < months.length && months[j + 1] === months[j] + 1) j++;
    ranges.push(j === i ? MONTH_NAMES[months[i] - 1] : `${MONTH_NAMES[months[i] - 1]}–${MONTH_NAMES[months[j] - 1]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}

/** Messages keyed by field, each message with the months it holds in, said once: "Apr–Sep: 14:00–15:00 is in no slot". */
class MonthlyMessages {
  private readonly byField = new Map<string, Map<string, number[]>>();

  add(field: string, message: string, month: number) {
    const messages = this.byField.get(field) ?? new Map<string, number[]>();
    const months = messages.get(message) ?? [];
    if (!months.includes(month)) months.push(month);
    messages.set(message, months);
    this.byField.set(field, messages);
  }

  list(field: string): string[] {
    return [...(this.byField.get(field)?.entries() ?? [])].map(([message, months]) => `${monthNames(months)}: ${message}`);
  }

  fields(): string[] {
    return [...this.byField.keys()];
  }
}

/**
 * Whether slots cover each month's 24 h exactly once, as the server's SlotCoverage judges it. `category` holds the
 * server's own wording (one message per problem, with its months); each slot whose start or end borders a gap or an
 * overlap also gets the message on that end (`…tod_slots[2].to`), so the person sees which value to change.
 */
export function coverageProblems(spans: readonly SlotSpan[], slotsField: string): { category: string[]; slots: FieldErrors } {
  const problems = new MonthlyMessages();
  const bySlot = new MonthlyMessages();
  for (let month = 1; month <= 12; month++) {
    for (const run of runsOfMonth(spans, month)) {
      if (run.kind === 0) continue;
      const stretch = `${clock(run.from)}–${clock(run.to)}`;
      const message = run.kind < 0 ? `${stretch} is in no slot` : `${stretch} is in more than one slot`;
      problems.add(slotsField, message, month);
      for (const span of spans) {
        if (!inMonth(span, month)) continue;
        // a gap lies after the end of one slot and before the start of another; an overlap starts at a slot's
        // start and ends at a slot's end
        const endsHere = run.kind < 0 ? span.to % DAY_MINUTES === run.from : span.to % DAY_MINUTES === run.to % DAY_MINUTES;
        const startsHere = run.kind < 0 ? span.from === run.to % DAY_MINUTES : span.from === run.from;
        if (endsHere) bySlot.add(`${slotsField}[${span.index}].to`, message, month);
        if (startsHere) bySlot.add(`${slotsField}[${span.index}].from`, message, month);
      }
    }
  }
  const slots: FieldErrors = {};
  for (const field of bySlot.fields()) slots[field] = bySlot.list(field).join('; ');
  return { category: problems.list(slotsField), slots };
}

/** The slots whose times and months are valid, as spans; the others are reported by their own fields. */
export function slotSpans(slots: readonly SlotDraft[]): { spans: SlotSpan[]; allValid: boolean } {
  const spans: SlotSpan[] = [];
  slots.forEach((slot, index) => {
    const from = minuteOfDay(slot.from);
    const to = minuteOfDay(slot.to);
    const fromMonth = slot.from_month.trim() ? monthNumber(slot.from_month) : undefined;
    const toMonth = slot.to_month.trim() ? monthNumber(slot.to_month) : undefined;
    if (from === null || to === null || fromMonth === null || toMonth === null) return;
    if ((fromMonth === undefined) !== (toMonth === undefined)) return;
    spans.push({ index, zone: slot.zone.trim(), kind: slot.kind, from, to, fromMonth, toMonth });
  });
  return { spans, allValid: spans.length === slots.length };
}

// ---------------------------------------------------------------------------------------------- the form's checks

/** Rules 2023 floor of the peak multiplier: 1.20 × normal for commercial and industrial consumers, 1.10 × otherwise. */
export function minimumPeakMultiplier(consumerClass: ConsumerClass): string {
  return consumerClass === 'COMMERCIAL' || consumerClass === 'INDUSTRIAL' ? '1.20' : '1.10';
}

const RULES = '(Electricity (Rights of Consumers) Amendment Rules 2023)';

/** What the Rules 2023 say of a slot's multiplier, or null when it complies. */
function rules2023(kind: SlotKind, multiplier: string, consumerClass: ConsumerClass | ''): string | null {
  switch (kind) {
    case 'PEAK': {
      if (!consumerClass) return null;
      const minimum = minimumPeakMultiplier(consumerClass);
      return compareDecimal(multiplier, minimum) < 0 ? `Peak at least ${minimum} × normal for ${consumerClass} ${RULES}` : null;
    }
    case 'SOLAR':
      return compareDecimal(multiplier, '0.80') > 0 ? `Solar hours at least 20 % below normal: at most 0.80 ${RULES}` : null;
    case 'NORMAL':
      return compareDecimal(multiplier, '1') !== 0 ? 'Normal hours are the base rate: 1' : null;
    case 'OFF_PEAK':
      return compareDecimal(multiplier, '1') > 0 ? 'Off-peak at most 1 × normal' : null;
  }
}

function checkAmount(errors: FieldErrors, field: string, typed: string, required: boolean) {
  if (!typed.trim()) {
    if (required) errors[field] = 'Required';
  } else if (plainDecimal(typed) === null) {
    errors[field] = 'A number, e.g. 4.50';
  }
}

function checkSlabs(errors: FieldErrors, c: number, slabs: readonly SlabDraft[]) {
  if (slabs.length === 0) {
    errors[`${categoryPath(c)}.slabs`] = 'At least one slab: the last has no limit';
    return;
  }
  let previous: string | null = null;
  slabs.forEach((slab, s) => {
    const at = slabPath(c, s);
    checkAmount(errors, `${at}.rate`, slab.rate, true);
    const last = s === slabs.length - 1;
    const upTo = plainDecimal(slab.up_to);
    if (last && slab.up_to.trim()) errors[`${at}.up_to`] = 'The last slab is open-ended: leave the limit empty';
    else if (!last && !slab.up_to.trim()) errors[`${at}.up_to`] = 'Required on every slab but the last';
    else if (!last && upTo === null) errors[`${at}.up_to`] = 'Units a month, e.g. 100';
    else if (!last && upTo !== null) {
      if (previous !== null && compareDecimal(upTo, previous) <= 0) errors[`${at}.up_to`] = `Above the previous slab's limit ${previous}`;
      else previous = upTo;
    }
  });
}

function checkSlot(errors: FieldErrors, at: string, slot: SlotDraft, consumerClass: ConsumerClass | '') {
  if (!slot.zone.trim()) errors[`${at}.zone`] = 'Required, e.g. PEAK';
  for (const end of ['from', 'to'] as const) {
    const minute = minuteOfDay(slot[end]);
    if (minute === null) errors[`${at}.${end}`] = 'A time as HH:mm, e.g. 18:00';
    else if (minute % 15 !== 0) errors[`${at}.${end}`] = 'On a quarter hour (:00, :15, :30, :45)';
  }
  const fromMonth = slot.from_month.trim();
  const toMonth = slot.to_month.trim();
  if (fromMonth && monthNumber(fromMonth) === null) errors[`${at}.from_month`] = 'A month, 1 to 12';
  if (toMonth && monthNumber(toMonth) === null) errors[`${at}.to_month`] = 'A month, 1 to 12';
  if (Boolean(fromMonth) !== Boolean(toMonth)) {
    errors[fromMonth ? `${at}.to_month` : `${at}.from_month`] = 'Both months (a season), or neither (all year)';
  }
  const multiplier = plainDecimal(slot.multiplier);
  if (multiplier === null) errors[`${at}.multiplier`] = 'A number, e.g. 1.20';
  else if (compareDecimal(multiplier, '0') === 0) errors[`${at}.multiplier`] = 'Above 0';
  else {
    const rule = rules2023(slot.kind, multiplier, consumerClass);
    if (rule) errors[`${at}.multiplier`] = rule;
  }
}

function checkSlots(errors: FieldErrors, c: number, category: CategoryDraft) {
  const zones = new Map<string, SlotDraft>();
  category.tod_slots.forEach((slot, s) => {
    const at = slotPath(c, s);
    checkSlot(errors, at, slot, category.consumer_class);
    const zone = slot.zone.trim();
    const first = zones.get(zone);
    if (!zone) return;
    if (!first) zones.set(zone, slot);
    else if (first.kind !== slot.kind || plainDecimal(first.multiplier) !== plainDecimal(slot.multiplier)) {
      errors[`${at}.zone`] ??= `Zone ${zone} has another kind or multiplier in an earlier slot: slots of a zone share them`;
    }
  });
  if (category.tod_slots.length === 0) return;
  const { spans, allValid } = slotSpans(category.tod_slots);
  // coverage is judged once every slot's times and months are valid, as the server does
  if (!allValid || spans.some((s) => s.from % 15 !== 0 || s.to % 15 !== 0)) return;
  const coverage = coverageProblems(spans, `${categoryPath(c)}.tod_slots`);
  if (coverage.category.length > 0) errors[`${categoryPath(c)}.tod_slots`] = coverage.category.join('; ');
  for (const [field, message] of Object.entries(coverage.slots)) errors[field] ??= message;
}

function checkCharge(errors: FieldErrors, field: string, charge: ChargeDraft) {
  if (charge.basis) checkAmount(errors, `${field}.rate`, charge.rate, true);
  else if (charge.rate.trim()) errors[`${field}.basis`] = 'Per kW/kVA of sanctioned load or per connection';
}

function checkCategory(errors: FieldErrors, c: number, category: CategoryDraft, codes: Set<string>) {
  const at = categoryPath(c);
  const code = category.code.trim();
  if (!code) errors[`${at}.code`] = 'Required, the consumers’ tariff category, e.g. LT-1';
  else if (codes.has(code)) errors[`${at}.code`] = `The same code twice: ${code}`;
  codes.add(code);
  if (!category.consumer_class) errors[`${at}.consumer_class`] = 'Required';
  checkSlabs(errors, c, category.slabs);
  checkSlots(errors, c, category);
  checkCharge(errors, `${at}.fixed_charge`, category.fixed_charge);
  checkCharge(errors, `${at}.minimum_charge`, category.minimum_charge);
  const demand = category.demand_charge;
  if (demand.rate.trim() || demand.floor_percent.trim()) {
    checkAmount(errors, `${at}.demand_charge.rate`, demand.rate, true);
    checkAmount(errors, `${at}.demand_charge.floor_percent`, demand.floor_percent, false);
  }
  checkAmount(errors, `${at}.duty_percent`, category.duty_percent, false);
  checkAmount(errors, `${at}.free_units`, category.free_units, false);
  category.taxes.forEach((tax, t) => {
    if (!tax.code.trim()) errors[`${taxPath(c, t)}.code`] = 'Required, e.g. ED';
    checkAmount(errors, `${taxPath(c, t)}.${tax.basis}`, tax.value, true);
  });
}

/**
 * Problems per field (the server's paths), empty when the draft may be sent. The cheap rules are checked here:
 * numbers and times readable, slabs ascending with the last open, slots covering each month's 24 h once, the
 * Rules 2023 multipliers. Bounds (₹1,000 a unit, 50 categories, …) are the server's, whose 422 shows alike.
 */
export function checkTariff(draft: TariffDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = 'Required, e.g. Tariff order 2027-28';
  if (!DATE.test(draft.effective_from.trim()) || Number.isNaN(Date.parse(draft.effective_from.trim()))) {
    errors.effective_from = 'Required: the day it is in force from';
  }
  if (draft.categories.length === 0) errors.categories = 'At least one category';
  const codes = new Set<string>();
  draft.categories.forEach((category, c) => checkCategory(errors, c, category, codes));
  return errors;
}

// ---------------------------------------------------------------------------------------------- the request body

/** A checked decimal as the JSON number the API takes; JSON carries the typed digits unchanged. */
function amount(typed: string): number | undefined {
  const plain = plainDecimal(typed);
  return plain === null ? undefined : Number(plain);
}

function charge(draft: ChargeDraft): Schemas['Charge'] | undefined {
  return draft.basis ? { basis: draft.basis, rate: amount(draft.rate) } : undefined;
}

/** "24:00" is typed for the end of the day; the API's times of day end at 23:59, so it is midnight, 00:00. */
function timeOfDay(typed: string): string {
  const minute = minuteOfDay(typed);
  return minute === null ? typed.trim() : clock(minute);
}

/** The request body of a checked draft. */
export function toTariff(draft: TariffDraft): Tariff {
  return {
    name: draft.name.trim(),
    effective_from: draft.effective_from.trim(),
    rounding: draft.rounding,
    categories: draft.categories.map((c) => ({
      code: c.code.trim(),
      description: c.description.trim() || undefined,
      consumer_class: c.consumer_class || undefined,
      billing_unit: c.billing_unit,
      load_unit: c.load_unit,
      slabs: c.slabs.map((s) => ({ up_to: amount(s.up_to), rate: amount(s.rate) })),
      tod_slots: c.tod_slots.map((s) => ({
        zone: s.zone.trim(),
        kind: s.kind,
        from: timeOfDay(s.from),
        to: timeOfDay(s.to),
        from_month: s.from_month.trim() ? Number(s.from_month.trim()) : undefined,
        to_month: s.to_month.trim() ? Number(s.to_month.trim()) : undefined,
        multiplier: amount(s.multiplier),
      })),
      fixed_charge: charge(c.fixed_charge),
      demand_charge:
        c.demand_charge.rate.trim() || c.demand_charge.floor_percent.trim()
          ? { rate: amount(c.demand_charge.rate), floor_percent: amount(c.demand_charge.floor_percent) }
          : undefined,
      duty_percent: amount(c.duty_percent) ?? 0,
      free_units: amount(c.free_units) ?? 0,
      minimum_charge: charge(c.minimum_charge),
      taxes: c.taxes.map((t) =>
        t.basis === 'percent' ? { code: t.code.trim(), percent: amount(t.value) } : { code: t.code.trim(), per_unit: amount(t.value) },
      ),
    })),
  };
}

// ---------------------------------------------------------------------------------------------- where errors show

/** Every field path the editor shows an error beside, for this draft. */
export function placedFields(draft: TariffDraft): Set<string> {
  const fields = new Set(['name', 'effective_from', 'rounding', 'categories']);
  draft.categories.forEach((category, c) => {
    const at = categoryPath(c);
    for (const f of ['code', 'description', 'consumer_class', 'billing_unit', 'load_unit', 'slabs', 'tod_slots', 'taxes', 'duty_percent', 'free_units']) {
      fields.add(`${at}.${f}`);
    }
    for (const f of ['fixed_charge.basis', 'fixed_charge.rate', 'minimum_charge.basis', 'minimum_charge.rate', 'demand_charge.rate', 'demand_charge.floor_percent']) {
      fields.add(`${at}.${f}`);
    }
    category.slabs.forEach((_, s) => ['up_to', 'rate'].forEach((f) => fields.add(`${slabPath(c, s)}.${f}`)));
    category.tod_slots.forEach((_, s) =>
      ['zone', 'kind', 'from', 'to', 'from_month', 'to_month', 'multiplier'].forEach((f) => fields.add(`${slotPath(c, s)}.${f}`)),
    );
    category.taxes.forEach((tax, t) => {
      fields.add(`${taxPath(c, t)}.code`);
      fields.add(`${taxPath(c, t)}.${tax.basis}`);
    });
  });
  return fields;
}

/** Errors with no field of their own in the editor (`categories[0]`, a tax's missing basis …), to list above it. */
export function unplacedErrors(errors: FieldErrors, draft: TariffDraft): Array<[string, string]> {
  const placed = placedFields(draft);
  return Object.entries(errors).filter(([field]) => !placed.has(field));
}

// ---------------------------------------------------------------------------------------------- versions

export type VersionStatus = 'IN_FORCE' | 'SCHEDULED' | 'SUPERSEDED';

/**
 * Which version is in force on `today` (the tenant's day, "YYYY-MM-DD"), which are to come and which are past, for
 * versions listed as the server lists them: the latest effective first, the higher version first on the same day.
 */
export function versionStatuses(versions: ReadonlyArray<{ id?: string; effective_from?: string }>, today: string): Map<string, VersionStatus> {
  const statuses = new Map<string, VersionStatus>();
  let inForceFound = false;
  for (const v of versions) {
    if (!v.id || !v.effective_from) continue;
    if (v.effective_from > today) statuses.set(v.id, 'SCHEDULED');
    else if (!inForceFound) {
      statuses.set(v.id, 'IN_FORCE');
      inForceFound = true;
    } else statuses.set(v.id, 'SUPERSEDED');
  }
  return statuses;
}
