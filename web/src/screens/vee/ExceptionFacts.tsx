import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Link } from '@mui/material';
import { FactsTable } from '../../components/FactsTable';
import { formatIstDateTime } from '../../format/indian';
import { ruleLabel, type VeeException } from './veeLabels';

/** A finding's own figures (value, threshold, median …) as "name: value" text. */
export function detailFacts(detail: Record<string, unknown> | undefined): [string, string][] {
  return Object.entries(detail ?? {}).map(([key, value]) => [
    key.replace(/_/g, ' '),
    typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
  ]);
}

/** What an exception is about: meter, rule, the intervals it covers, and the check's own figures. */
export function ExceptionFacts({ exception: e }: { exception: VeeException }) {
  const range =
    e.first_at === e.last_at || !e.last_at
      ? formatIstDateTime(e.first_at ?? '')
      : `${formatIstDateTime(e.first_at ?? '')} to ${formatIstDateTime(e.last_at)}`;
  const facts: [string, ReactNode][] = [
    [
      'Meter',
      <Link component={RouterLink} to={`/meters/${e.meter_id}`} key="meter">
        {e.meter_serial}
      </Link>,
    ],
    ['Rule', `${ruleLabel(e.rule)}${e.blocking ? ' (holds data back from billing)' : ''}`],
    ['Channel', e.channel ?? '—'],
    ['Intervals ending', range],
    ['Status', e.status === 'RESOLVED' ? `Resolved (${e.resolution ?? ''}) by ${e.resolved_by ?? '—'}` : 'Open'],
    ['Assigned to', e.assigned_to ?? 'nobody'],
    ['Detected', e.detected_at ? formatIstDateTime(e.detected_at) : '—'],
    ...detailFacts(e.detail as Record<string, unknown> | undefined),
  ];
  return <FactsTable label="Exception facts" facts={facts} />;
}
