import { Chip, type ChipProps } from '@mui/material';
import { determinantStatusLabel, runStatusLabel, statusColor } from './billingLabels';

/**
 * A chip for a status or verdict, its word always shown (never colour alone). The theme's warning orange with white
 * or orange text is too faint to read (WCAG contrast), so a warning chip is filled with dark text.
 */
export function ToneChip({ label, color }: { label: string; color: ChipProps['color'] }) {
  if (color === 'warning') return <Chip size="small" label={label} color="warning" sx={{ color: 'rgba(0, 0, 0, 0.87)' }} />;
  return <Chip size="small" variant="outlined" label={label} color={color} />;
}

/** A run's or a determinants version's status. */
export function StatusChip({ status, of }: { status: string | undefined; of: 'run' | 'determinants' }) {
  const label = of === 'run' ? runStatusLabel(status) : determinantStatusLabel(status);
  return <ToneChip label={label} color={statusColor(status)} />;
}
