/** The audit trail screen's logic: filters to API query, and the before/after diff of a row. */

/** Action code prefixes offered in the filter (the server filters by prefix, so any start works). */
export const ACTION_GROUPS: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'sign_in.', label: 'Sign-ins' },
  { value: 'sign_in.failed', label: 'Failed sign-ins' },
  { value: 'user.', label: 'Users and roles' },
  { value: 'hes_vendor.', label: 'HES vendors' },
  { value: 'hes_api_key.', label: 'HES API keys' },
  { value: 'vendor_mapping.', label: 'Vendor mappings' },
  { value: 'vee_settings.', label: 'VEE settings' },
  { value: 'vee_edit.', label: 'VEE edits' },
  { value: 'alarm_rules.', label: 'Alarm rules' },
  { value: 'webhook.', label: 'Webhooks' },
  { value: 'command.', label: 'Commands' },
  { value: 'tenant.', label: 'Tenants (platform)' },
  { value: 'audit_trail.', label: 'Audit trail exports' },
];

/** The screen's filters as kept in the URL: IST calendar days (YYYY-MM-DD), both inclusive, and text. */
export interface AuditFilters {
  fromDay: string;
  toDay: string;
  actor: string;
  action: string;
  targetId: string;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  target_id?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight IST starting the day after an IST calendar day, as ISO-8601 with offset. */
function istMidnightAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T00:00:00+05:30`;
}

/**
 * The API's query for the filters: days become IST instants (the "to" day is included, so the query ends at the
 * following IST midnight), blank or malformed parts are left out.
 */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  if (DAY.test(filters.fromDay)) query.from = `${filters.fromDay}T00:00:00+05:30`;
  if (DAY.test(filters.toDay)) query.to = istMidnightAfter(filters.toDay);
  if (filters.actor.trim()) query.actor = filters.actor.trim();
  if (filters.action.trim()) query.action = filters.action.trim();
  if (filters.targetId.trim()) query.target_id = filters.targetId.trim();
  return query;
}

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface DiffLine {
  /** Dotted path of the field, array positions in brackets: "mapping.pull.api_key", "api_keys[1].revoked_at". */
  path: string;
  before?: unknown;
  after?: unknown;
  change: Change;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, path: string, into: Map<string, unknown>) {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, path ? `${path}.${key}` : key, into);
  } else if (Array.isArray(value) && value.length > 0 && value.some((item) => isPlainObject(item) || Array.isArray(item))) {
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, into));
  } else {
    // scalars, empty containers and arrays of scalars (role lists) read best whole
    into.set(path, value);
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field by field, what an action changed: every leaf of before and after, in the order the fields first appear,
 * marked added, removed, changed or the same. With no before (a creation) every field is added; with no after
 * (a deletion) every field is removed.
 */
export function stateDiff(before: unknown, after: unknown): DiffLine[] {
  const old = new Map<string, unknown>();
  const now = new Map<string, unknown>();
  if (before !== undefined && before !== null) flatten(before, '', old);
  if (after !== undefined && after !== null) flatten(after, '', now);
  const paths = [...new Set([...old.keys(), ...now.keys()])];
  return paths.map((path) => {
    const inBefore = old.has(path);
    const inAfter = now.has(path);
    const change: Change = !inBefore ? 'added' : !inAfter ? 'removed' : same(old.get(path), now.get(path)) ? 'same' : 'changed';
    return { path, before: old.get(path), after: now.get(path), change };
  });
}

/** Only the lines that differ, unless nothing does (then everything, so a row never looks empty). */
export function changedLines(lines: DiffLine[]): DiffLine[] {
  const changed = lines.filter((line) => line.change !== 'same');
  return changed.length > 0 ? changed : lines;
}

/** A value of a diff line as text: strings bare, absent as an em dash, the rest as JSON. */
export function formatStateValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
