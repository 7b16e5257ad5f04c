import type { Schemas } from '../../../api/client';
import { formatCount, formatDecimal } from '../../../format/indian';

export type BillingRun = Schemas['BillingRun'];
export type BillingCycle = Schemas['BillingCycle'];
export type RunKind = NonNullable<BillingRun['kind']>;
export type RunStatus = NonNullable<BillingRun['status']>;
/** A stored version's status (DeterminantStore.Status). */
export type DeterminantStatus = 'READY' | 'EXCEPTION' | 'ACCEPTED' | 'SUPERSEDED';

export const RUN_KINDS: ReadonlyArray<{ kind: RunKind; label: string; hint: string }> = [
  { kind: 'CYCLE', label: 'Cycle', hint: "a cycle's regular bill" },
  { kind: 'INTERIM', label: 'Interim', hint: 'any other period of named consumers' },
  { kind: 'FIRST', label: 'First bill', hint: 'on connection' },
  { kind: 'FINAL', label: 'Final bill', hint: 'on disconnection' },
];

export function runKindLabel(kind: string | undefined): string {
  return RUN_KINDS.find((k) => k.kind === kind)?.label ?? kind ?? '';
}

const RUN_STATUS_LABELS: Record<RunStatus, string> = { RUNNING: 'Running', DONE: 'Done', FAILED: 'Failed' };

export function runStatusLabel(status: string | undefined): string {
  return RUN_STATUS_LABELS[status as RunStatus] ?? status ?? '';
}

export const DETERMINANT_STATUSES: ReadonlyArray<{ status: Exclude<DeterminantStatus, 'SUPERSEDED'>; label: string }> = [
  { status: 'READY', label: 'Ready' },
  { status: 'EXCEPTION', label: 'Exception' },
  { status: 'ACCEPTED', label: 'Accepted' },
];

export function determinantStatusLabel(status: string | undefined): string {
  if (status === 'SUPERSEDED') return 'Superseded';
  return DETERMINANT_STATUSES.find((s) => s.status === status)?.label ?? status ?? '';
}

/** MUI colour of a status chip: an exception wants attention, billable ones are fine (accepted in the theme's blue). */
export function statusColor(status: string | undefined): 'success' | 'warning' | 'error' | 'primary' | 'default' {
  switch (status) {
    case 'READY':
    case 'DONE':
      return 'success';
    case 'ACCEPTED':
      // the theme's info blue is too light for text on white (WCAG contrast)
      return 'primary';
    case 'EXCEPTION':
      return 'warning';
    case 'FAILED':
      return 'error';
    default:
      return 'default';
  }
}

/** The exception reasons of docs/billing.md, in words an operator reads. */
const REASON_LABELS: Record<string, string> = {
  ESTIMATED_SHARE: 'Too many estimated intervals',
  MISSING_INTERVALS: 'Missing intervals',
  VEE_WITHHELD: 'Held back by VEE',
  SUM_CHECK: 'Register and intervals disagree',
  NEGATIVE_CONSUMPTION: 'Register fell',
  MISSING_CLOSING_READ: 'No closing register read',
  NO_METER: 'No meter',
  NO_TARIFF: 'No tariff in force',
  NO_KVAH: 'No kVAh for a kVAh tariff',
};

export function reasonLabel(code: string | undefined): string {
  return (code && REASON_LABELS[code]) ?? code ?? '';
}

/** How far a run has got: the share done (0–100) and a sentence; a run not yet counted has no share. */
export function runProgress(run: BillingRun): { percent: number | undefined; text: string } {
  const total = run.consumers_total ?? 0;
  const done = run.consumers_done ?? 0;
  const exceptions = `${formatCount(run.exceptions ?? 0)} exception${run.exceptions === 1 ? '' : 's'}`;
  if (run.status === 'RUNNING' && total === 0) return { percent: undefined, text: 'Listing consumers…' };
  const percent = total === 0 ? 100 : Math.min(100, (done / total) * 100);
  return { percent, text: `${formatCount(done)} of ${formatCount(total)} consumers, ${exceptions}` };
}

/** Whether a run is still going, so its screens keep asking for its progress. */
export function isRunning(run: BillingRun | undefined): boolean {
  return run?.status === 'RUNNING';
}

const dayFormat = new Intl.DateTimeFormat('en-IN', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A tenant-local calendar day (ISO date, no time) as "02 Nov 2026"; read as UTC so no zone shifts it. */
export function formatDay(isoDate: string | undefined): string {
  if (!isoDate) return '';
  return dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A billing period: "02 Nov 2026 – 04 Nov 2026", one day shown once. */
export function formatPeriod(firstDay: string | undefined, lastDay: string | undefined): string {
  if (!firstDay || !lastDay) return '';
  return firstDay === lastDay ? formatDay(firstDay) : `${formatDay(firstDay)} – ${formatDay(lastDay)}`;
}

/** A cycle's schedule: "Monthly from day 5", "Bi-monthly from day 1". */
export function cycleSchedule(cycle: BillingCycle): string {
  return `${cycle.months === 2 ? 'Bi-monthly' : 'Monthly'} from day ${cycle.cycle_day}`;
}

/** ₹ with en-IN grouping and paise: "₹1,23,456.78"; a negative amount (a rebate) keeps its sign in front. */
export { formatRupees } from '../../../format/indian';

/** A share (0–1) as a percentage with one decimal: 0.0417 → "4.2 %". */
export function formatShare(share: number | undefined): string {
  if (share === undefined || share === null) return '—';
  return `${formatDecimal(share * 100, 1)} %`;
}

const EXPORT_MODES: Record<string, string> = { DROP_FOLDER: 'Drop folder', SFTP: 'SFTP', REST_PUSH: 'REST push' };

/** How an export travelled (the exporter's mode). */
export function exportModeLabel(mode: string | undefined): string {
  return (mode && EXPORT_MODES[mode]) ?? mode ?? '';
}
