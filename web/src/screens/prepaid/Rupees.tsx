import { Box } from '@mui/material';
import { formatRupees } from '../../format/indian';
import { formatSignedRupees, isNegative } from './prepaidLabels';

/** A balance in rupees with Indian grouping; at or below zero in the error colour (and with its minus sign). */
export function Balance({ amount }: { amount: number | undefined | null }) {
  return (
    <Box component="span" sx={{ color: isNegative(amount) && amount !== 0 ? 'error.main' : undefined, fontVariantNumeric: 'tabular-nums' }}>
      {formatRupees(amount)}
    </Box>
  );
}

/** A ledger amount with its sign: credits "+₹…", debits "−₹…" in the error colour. */
export function SignedAmount({ amount }: { amount: number | undefined | null }) {
  return (
    <Box component="span" sx={{ color: amount != null && amount < 0 ? 'error.main' : undefined, fontVariantNumeric: 'tabular-nums' }}>
      {formatSignedRupees(amount)}
    </Box>
  );
}
