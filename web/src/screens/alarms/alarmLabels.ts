import type { Schemas } from '../../api/client';

export type Alarm = Schemas['Alarm'];
export type AlarmKind = NonNullable<Alarm['kind']>;
export type AlarmStatus = NonNullable<Alarm['status']>;

export const ALARM_KINDS: ReadonlyArray<{ kind: AlarmKind; label: string }> = [
  { kind: 'TAMPER', label: 'Tamper' },
  { kind: 'POWER_QUALITY', label: 'Power quality' },
  { kind: 'DT_OUTAGE', label: 'DT outage' },
  { kind: 'FEEDER_OUTAGE', label: 'Feeder outage' },
];

export const ALARM_STATUSES: ReadonlyArray<{ status: AlarmStatus; label: string }> = [
  { status: 'OPEN', label: 'Open' },
  { status: 'ACKNOWLEDGED', label: 'Acknowledged' },
  { status: 'RESOLVED', label: 'Resolved' },
];

export function kindLabel(kind: string | undefined): string {
  return ALARM_KINDS.find((k) => k.kind === kind)?.label ?? kind ?? '—';
}

export function isOutage(alarm: Pick<Alarm, 'kind'>): boolean {
  return alarm.kind === 'DT_OUTAGE' || alarm.kind === 'FEEDER_OUTAGE';
}

/** Where the alarm is: the meter's serial, or the DT's or feeder's code with how many meters are out. */
export function alarmPlace(alarm: Alarm): string {
  if (isOutage(alarm)) {
    const out = alarm.affected_meters == null ? '' : ` (${alarm.affected_meters} meters out)`;
    return `${alarm.kind === 'FEEDER_OUTAGE' ? 'Feeder' : 'DT'} ${alarm.network_node_code ?? '—'}${out}`;
  }
  return alarm.meter_serial ?? '—';
}

/** The grid columns GET /alarms sorts by (its `sort` parameter); the others are not sortable. */
export const ALARM_SORTABLE = ['kind', 'place', 'status', 'acknowledged_by', 'title', 'severity', 'occurrences', 'last_at'];
