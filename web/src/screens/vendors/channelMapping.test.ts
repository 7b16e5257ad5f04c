import { describe, expect, it } from 'vitest';
import { checkNewCode, checkNewUnit, codeRows, scalerOf, unitChoices, unitRows, withCode, withoutCode, withoutUnit, withUnit } from './channelMapping';
import { parseDraft } from './mappingDraft';

const DRAFT = JSON.stringify({ format: 'JSON', codes: { IMP_KWH: 'KWH_IMPORT' }, units: { KWH_IMPORT: { unit: 'Wh' } } });
const mapping = (text: string) => parseDraft(text).mapping;

describe('codes, units and scalers of a mapping', () => {
  it('reads the rows and writes them back into the JSON, leaving the rest alone', () => {
    expect(codeRows(mapping(DRAFT))).toEqual([{ code: 'IMP_KWH', channel: 'KWH_IMPORT' }]);
    expect(unitRows(mapping(DRAFT))).toEqual([{ channel: 'KWH_IMPORT', unit: 'Wh', scaler: 0 }]);

    let text = withCode(DRAFT, '1-0:1.8.1*255', 'KWH_IMPORT_TOTAL');
    text = withUnit(text, { channel: 'VOLTAGE_R_AVG', unit: 'V', scaler: -1 });
    text = withUnit(text, { channel: 'KWH_IMPORT', unit: 'kWh', scaler: 0 });
    expect(mapping(text)).toEqual({
      format: 'JSON',
      codes: { IMP_KWH: 'KWH_IMPORT', '1-0:1.8.1*255': 'KWH_IMPORT_TOTAL' },
      units: { KWH_IMPORT: { unit: 'kWh' }, VOLTAGE_R_AVG: { unit: 'V', scaler: -1 } },
    });
    expect(mapping(withoutUnit(withoutCode(text, 'IMP_KWH'), 'KWH_IMPORT'))).toEqual({
      format: 'JSON',
      codes: { '1-0:1.8.1*255': 'KWH_IMPORT_TOTAL' },
      units: { VOLTAGE_R_AVG: { unit: 'V', scaler: -1 } },
    });
    expect(withCode('{ not json', 'X', 'KWH_IMPORT')).toBe('{ not json');
  });

  it('checks a new row before adding it', () => {
    expect(checkNewCode(mapping(DRAFT), ' imp_kwh ', 'KWH_EXPORT')).toEqual({ code: 'imp_kwh is mapped already: change its channel in the list' });
    expect(checkNewCode(mapping(DRAFT), '', '')).toEqual({ code: 'Give the vendor’s code or an OBIS code', channel: 'Choose the channel' });
    expect(checkNewUnit(mapping(DRAFT), 'KWH_IMPORT', 'kWh', '')).toEqual({ channel: 'KWH_IMPORT has a unit already: change it in the list' });
    expect(checkNewUnit(mapping(DRAFT), 'VOLTAGE_R_AVG', 'V', '0.5')).toEqual({ scaler: 'A whole power of ten, e.g. -3' });
    expect(checkNewUnit(mapping(DRAFT), 'VOLTAGE_R_AVG', '', '-1')).toEqual({ unit: 'Give the unit, e.g. Wh' });
    expect(checkNewUnit(mapping(DRAFT), 'POWER_FACTOR', '', '-3')).toEqual({});
    expect(scalerOf('−3')).toBe(-3);
    expect(scalerOf('')).toBe(0);
  });

  it('offers the unit spellings that measure the channel', () => {
    expect(unitChoices('KWH_IMPORT')).toEqual(['Wh', 'kWh', 'MWh']);
    expect(unitChoices('CURRENT_R_AVG')).toEqual(['A', 'mA']);
    expect(unitChoices('')).toEqual([]);
  });
});
