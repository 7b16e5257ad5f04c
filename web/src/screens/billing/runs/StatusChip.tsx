import { Chip } from '@mui/material';
import { determinantStatusLabel, runStatusLabel, statusColor } from './billingLabels';

/** A run's or a determinants version's status as a small coloured chip with its word (never colour alone). */
export function StatusChip({ status, of }: { status: string | undefined; of: 'run' | 'determinants' }) {
  const label = of === 'run' ? runStatusLabel(status) : determinantStatusLabel(status);
  return <Chip size="small" variant="outlined" label={label} color={statusColor(status)} />;
}
