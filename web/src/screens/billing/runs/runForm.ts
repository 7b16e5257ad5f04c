import type { Schemas } from '../../../api/client';
import type { RunKind } from './billingLabels';

export type RunRequest = Schemas['RunRequest'];
export type NewCycle = Schemas['NewCycle'];

/** The server's limits (BillingRuns, BillingCycles). */
export const MOST_DAYS = 62;
export const MOST_NAMED = 1000;
export const MOST_NODES = 200;

/** What the "Start run" dialog holds: a cycle (its last complete period, or chosen days) or named consumers. */
export interface RunDraft {
  target: 'CYCLE' | 'NAMED';
  cycleCode: string;
  /** For a cycle: bill its last complete period (no days sent) rather than the chosen days. */
  lastCompletePeriod: boolean;
  kind: Exclude<RunKind, 'CYCLE'>;
  firstDay: string;
  lastDay: string;
  /** Account numbers as typed: separated by commas, spaces or lines. */
  accountNumbers: string;
}

export const BLANK_RUN: RunDraft = {
  target: 'CYCLE',
  cycleCode: '',
  lastCompletePeriod: true,
  kind: 'INTERIM',
  firstDay: '',
  lastDay: '',
  accountNumbers: '',
};

/** The distinct account numbers typed, in the order typed. */
export function parseAccountNumbers(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((a) => a.trim()).filter(Boolean))];
}

/** Days from first to last, both included (ISO dates). */
export function daysIncluded(firstDay: string, lastDay: string): number {
  return Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000) + 1;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What the server would refuse, said before asking it; keys are the request's fields (as the server names them in
 * its field errors), so its answer and this check land beside the same inputs. `today` is the tenant's (IST) today.
 */
export function checkRunDraft(draft: RunDraft, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const needsDays = draft.target === 'NAMED' || !draft.lastCompletePeriod;
  if (draft.target === 'CYCLE' && !draft.cycleCode) errors.cycle_code = 'Choose a cycle';
  if (draft.target === 'NAMED') {
    const accounts = parseAccountNumbers(draft.accountNumbers);
    if (accounts.length === 0) errors.consumer_ids = 'Give at least one account number';
    else if (accounts.length > MOST_NAMED) errors.consumer_ids = `At most ${MOST_NAMED} consumers`;
  }
  if (needsDays) {
    if (!ISO_DAY.test(draft.firstDay)) errors.first_day = 'Required';
    if (!ISO_DAY.test(draft.lastDay)) errors.last_day = 'Required';
    else if (draft.lastDay > today) errors.last_day = `Not after today (${today})`;
    else if (ISO_DAY.test(draft.firstDay)) {
      if (draft.lastDay < draft.firstDay) errors.last_day = 'Not before the first day';
      else if (daysIncluded(draft.firstDay, draft.lastDay) > MOST_DAYS) errors.last_day = `A period is at most ${MOST_DAYS} days`;
    }
  }
  return errors;
}

/** The request body; named consumers come as ids, looked up from their account numbers. */
export function runRequest(draft: RunDraft, consumerIds: readonly string[] = []): RunRequest {
  if (draft.target === 'CYCLE') {
    return draft.lastCompletePeriod
      ? { cycle_code: draft.cycleCode }
      : { cycle_code: draft.cycleCode, first_day: draft.firstDay, last_day: draft.lastDay };
  }
  return { kind: draft.kind, consumer_ids: [...consumerIds], first_day: draft.firstDay, last_day: draft.lastDay };
}

/** The IST calendar day of an instant as an ISO date: what the server calls the tenant's today. */
export function istToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);
}

export interface CycleDraft {
  code: string;
  name: string;
  cycleDay: string;
  months: '1' | '2';
  nodes: ReadonlyArray<{ id: string; label: string }>;
}

export const BLANK_CYCLE: CycleDraft = { code: '', name: '', cycleDay: '1', months: '1', nodes: [] };

/** The checks of BillingCycles.create, keyed by the server's field names. */
export function checkCycleDraft(draft: CycleDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(draft.code)) errors.code = '1–64 letters, digits, dots, dashes or underscores';
  if (!draft.name.trim() || draft.name.length > 200) errors.name = '1–200 characters';
  const day = Number(draft.cycleDay);
  if (!Number.isInteger(day) || day < 1 || day > 28) errors.cycle_day = '1 to 28, so that every month has it';
  if (draft.nodes.length === 0) errors.node_ids = 'Add at least one network node';
  else if (draft.nodes.length > MOST_NODES) errors.node_ids = `At most ${MOST_NODES} network nodes`;
  return errors;
}

export function newCycle(draft: CycleDraft): NewCycle {
  return {
    code: draft.code,
    name: draft.name.trim(),
    cycle_day: Number(draft.cycleDay),
    months: Number(draft.months),
    node_ids: draft.nodes.map((n) => n.id),
  };
}
