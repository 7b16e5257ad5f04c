import type { PayloadMapping } from './mappingDraft';
import { formatDraft, parseDraft } from './mappingDraft';

/** The canonical channels (server enum Channel), with their unit, OBIS code and the unit spellings the server takes. */
export const CHANNELS: ReadonlyArray<{ channel: string; unit: string; obis: string }> = [
  { channel: 'KWH_IMPORT', unit: 'kWh', obis: '1.0.1.29.0.255' },
  { channel: 'KWH_EXPORT', unit: 'kWh', obis: '1.0.2.29.0.255' },
  { channel: 'KVAH_IMPORT', unit: 'kVAh', obis: '1.0.9.29.0.255' },
  { channel: 'KVAH_EXPORT', unit: 'kVAh', obis: '1.0.10.29.0.255' },
  { channel: 'VOLTAGE_R_AVG', unit: 'V', obis: '1.0.32.27.0.255' },
  { channel: 'VOLTAGE_Y_AVG', unit: 'V', obis: '1.0.52.27.0.255' },
  { channel: 'VOLTAGE_B_AVG', unit: 'V', obis: '1.0.72.27.0.255' },
  { channel: 'CURRENT_R_AVG', unit: 'A', obis: '1.0.31.27.0.255' },
  { channel: 'CURRENT_Y_AVG', unit: 'A', obis: '1.0.51.27.0.255' },
  { channel: 'CURRENT_B_AVG', unit: 'A', obis: '1.0.71.27.0.255' },
  { channel: 'KWH_IMPORT_TOTAL', unit: 'kWh', obis: '1.0.1.8.0.255' },
  { channel: 'KWH_EXPORT_TOTAL', unit: 'kWh', obis: '1.0.2.8.0.255' },
  { channel: 'KVAH_IMPORT_TOTAL', unit: 'kVAh', obis: '1.0.9.8.0.255' },
  { channel: 'KVAH_EXPORT_TOTAL', unit: 'kVAh', obis: '1.0.10.8.0.255' },
  { channel: 'MD_KW', unit: 'kW', obis: '1.0.1.6.0.255' },
  { channel: 'MD_KVA', unit: 'kVA', obis: '1.0.9.6.0.255' },
  { channel: 'POWER_FACTOR', unit: '', obis: '1.0.13.7.0.255' },
  { channel: 'FREQUENCY', unit: 'Hz', obis: '1.0.14.7.0.255' },
  { channel: 'VOLTAGE_R', unit: 'V', obis: '1.0.32.7.0.255' },
  { channel: 'VOLTAGE_Y', unit: 'V', obis: '1.0.52.7.0.255' },
  { channel: 'VOLTAGE_B', unit: 'V', obis: '1.0.72.7.0.255' },
  { channel: 'CURRENT_R', unit: 'A', obis: '1.0.31.7.0.255' },
  { channel: 'CURRENT_Y', unit: 'A', obis: '1.0.51.7.0.255' },
  { channel: 'CURRENT_B', unit: 'A', obis: '1.0.71.7.0.255' },
];

/** Spellings offered per canonical unit (docs/hes-onboarding.md, "Units"); the server has the last word. */
const UNIT_SPELLINGS: Record<string, readonly string[]> = {
  kWh: ['Wh', 'kWh', 'MWh'],
  kVAh: ['VAh', 'kVAh', 'MVAh'],
  kW: ['W', 'kW'],
  kVA: ['VA', 'kVA'],
  V: ['V', 'kV'],
  A: ['A', 'mA'],
  Hz: ['Hz'],
  '': [''],
};

export function unitChoices(channel: string): readonly string[] {
  const unit = CHANNELS.find((c) => c.channel === channel)?.unit;
  return unit === undefined ? [] : UNIT_SPELLINGS[unit] ?? [unit];
}

export interface CodeRow {
  code: string;
  channel: string;
}

export interface UnitRow {
  channel: string;
  unit: string;
  scaler: number;
}

export function codeRows(mapping: PayloadMapping | undefined): CodeRow[] {
  return Object.entries(mapping?.codes ?? {}).map(([code, channel]) => ({ code, channel }));
}

export function unitRows(mapping: PayloadMapping | undefined): UnitRow[] {
  return Object.entries(mapping?.units ?? {}).map(([channel, spec]) => ({
    channel,
    unit: spec?.unit ?? '',
    scaler: spec?.scaler ?? 0,
  }));
}

function rewrite(text: string, change: (mapping: PayloadMapping) => void): string {
  const parsed = parseDraft(text);
  if (!parsed.mapping) return text;
  const next: PayloadMapping = structuredClone(parsed.mapping);
  change(next);
  return formatDraft(next);
}

/** The draft with a vendor code mapped to a channel (a new code is added at the end). */
export function withCode(text: string, code: string, channel: string): string {
  return rewrite(text, (m) => {
    m.codes = { ...(m.codes ?? {}), [code]: channel };
  });
}

export function withoutCode(text: string, code: string): string {
  return rewrite(text, (m) => {
    const codes = { ...(m.codes ?? {}) };
    delete codes[code];
    m.codes = codes;
  });
}

/** The draft with the unit and scaler of a channel's values; scaler 0 is left out (the default). */
export function withUnit(text: string, row: UnitRow): string {
  return rewrite(text, (m) => {
    m.units = { ...(m.units ?? {}), [row.channel]: row.scaler ? { unit: row.unit, scaler: row.scaler } : { unit: row.unit } };
  });
}

export function withoutUnit(text: string, channel: string): string {
  return rewrite(text, (m) => {
    const units = { ...(m.units ?? {}) };
    delete units[channel];
    m.units = units;
  });
}

/** Problems of a code about to be added; empty when it may be. */
export function checkNewCode(mapping: PayloadMapping | undefined, code: string, channel: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const trimmed = code.trim();
  if (!trimmed) errors.code = 'Give the vendor’s code or an OBIS code';
  else if (Object.keys(mapping?.codes ?? {}).some((c) => c.toLowerCase() === trimmed.toLowerCase())) {
    errors.code = `${trimmed} is mapped already: change its channel in the list`;
  }
  if (!channel) errors.channel = 'Choose the channel';
  return errors;
}

const SCALER = /^[-−]?\d+$/;

/** Problems of a unit entry about to be added; empty when it may be. */
export function checkNewUnit(mapping: PayloadMapping | undefined, channel: string, unit: string, scaler: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!channel) errors.channel = 'Choose the channel';
  else if (mapping?.units?.[channel]) errors.channel = `${channel} has a unit already: change it in the list`;
  if (scaler.trim() && !SCALER.test(scaler.trim())) errors.scaler = 'A whole power of ten, e.g. -3';
  if (channel && !unitChoices(channel).includes(unit.trim()) && unit.trim() === '') errors.unit = 'Give the unit, e.g. Wh';
  return errors;
}

/** A scaler as typed ("-3", "−3" or empty) as a number. */
export function scalerOf(text: string): number {
  const trimmed = text.trim().replace('−', '-');
  return trimmed ? Number(trimmed) : 0;
}
