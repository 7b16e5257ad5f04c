import type { Schemas } from '../../api/client';

export type PayloadMapping = Schemas['PayloadMapping'];

/** The editor's JSON text read as a mapping, or why it cannot be. */
export type ParsedDraft = { mapping: PayloadMapping; syntaxError?: undefined } | { mapping?: undefined; syntaxError: string };

export function parseDraft(text: string): ParsedDraft {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { syntaxError: 'The mapping must be a JSON object' };
    }
    return { mapping: value as PayloadMapping };
  } catch (error) {
    return { syntaxError: `Not valid JSON: ${(error as Error).message}` };
  }
}

export function formatDraft(mapping: PayloadMapping): string {
  return JSON.stringify(mapping, null, 2);
}

/** The draft with one top-level field set (or removed when the value is undefined). */
export function withField<K extends keyof PayloadMapping>(text: string, key: K, value: PayloadMapping[K]): string {
  const parsed = parseDraft(text);
  if (!parsed.mapping) return text;
  const next: PayloadMapping = { ...parsed.mapping };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return formatDraft(next);
}

/**
 * Checks made before sending: what the form itself can tell. The server checks the rest (known
 * time zone, interval dividing a day, paths) and answers with field errors.
 */
export function checkDraft(mapping: PayloadMapping): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!mapping.format) errors.format = 'Choose the payload format (JSON, CSV or DLMS)';
  if (mapping.time_zone !== undefined && mapping.time_zone.trim() === '') errors.time_zone = 'Enter a time zone, e.g. Asia/Kolkata';
  const minutes = mapping.interval_minutes;
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes <= 0)) {
    errors.interval_minutes = 'Enter a whole number of minutes above zero';
  }
  return errors;
}
