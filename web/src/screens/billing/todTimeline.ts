import { clock, holdersOfMonth, monthNames, SLOT_KINDS, slotSpans, type SlotDraft, type SlotKind } from './tariffForm';

/** A stretch of the day on the timeline: one zone's slot, or no slot, or more than one. */
export interface TimelineSegment {
  from: number;
  to: number;
  kind: SlotKind | 'GAP' | 'OVERLAP';
  zone?: string;
}

/** One bar of the timeline: the months whose days are divided alike, and how. */
export interface TimelineRow {
  months: number[];
  label: string;
  segments: TimelineSegment[];
}

const DAY_MINUTES = 24 * 60;

function segmentsOfMonth(slots: readonly SlotDraft[], month: number): TimelineSegment[] {
  const { spans } = slotSpans(slots);
  const holders = holdersOfMonth(spans, month);
  const at = (minute: number): Omit<TimelineSegment, 'from' | 'to'> => {
    const held = holders[minute];
    if (held.length === 0) return { kind: 'GAP' };
    if (held.length > 1) return { kind: 'OVERLAP' };
    return { kind: spans[held[0]].kind, zone: spans[held[0]].zone };
  };
  const segments: TimelineSegment[] = [];
  let start = 0;
  while (start < DAY_MINUTES) {
    const here = at(start);
    let end = start + 1;
    while (end < DAY_MINUTES && at(end).kind === here.kind && at(end).zone === here.zone) end++;
    segments.push({ from: start, to: end, ...here });
    start = end;
  }
  return segments;
}

/**
 * The day from 00:00 to 24:00 as bars of zones, one bar per group of months divided alike (one bar for slots that
 * hold all year). Slots whose times or months cannot be read are left out; gaps and overlaps are segments of their own.
 */
export function timelineRows(slots: readonly SlotDraft[]): TimelineRow[] {
  const rows: Array<TimelineRow & { key: string }> = [];
  for (let month = 1; month <= 12; month++) {
    const segments = segmentsOfMonth(slots, month);
    const key = JSON.stringify(segments);
    const row = rows.find((r) => r.key === key);
    if (row) row.months.push(month);
    else rows.push({ key, months: [month], label: '', segments });
  }
  return rows.map(({ months, segments }) => {
    const names = monthNames(months);
    return { months, segments, label: names.charAt(0).toUpperCase() + names.slice(1) };
  });
}

export function kindLabel(kind: TimelineSegment['kind']): string {
  if (kind === 'GAP') return 'No slot';
  if (kind === 'OVERLAP') return 'More than one slot';
  return SLOT_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** What a bar shows, in words (for screen readers and tooltips): "All year: NIGHT (Off-peak) 00:00–06:00, …". */
export function describeRow(row: TimelineRow): string {
  const parts = row.segments.map((s) => {
    const what = s.zone ? `${s.zone} (${kindLabel(s.kind)})` : kindLabel(s.kind);
    return `${what} ${clock(s.from)}–${clock(s.to)}`;
  });
  return `${row.label}: ${parts.join(', ')}`;
}
