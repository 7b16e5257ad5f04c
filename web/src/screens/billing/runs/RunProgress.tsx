import { Box, LinearProgress, Typography } from '@mui/material';
import { runProgress, type BillingRun } from './billingLabels';

/** A running run's bar and counts; a finished one's counts only. */
export function RunProgress({ run, label }: { run: BillingRun; label: string }) {
  const { percent, text } = runProgress(run);
  return (
    <Box sx={{ minWidth: 180 }}>
      {run.status === 'RUNNING' && (
        <LinearProgress
          aria-label={label}
          variant={percent === undefined ? 'indeterminate' : 'determinate'}
          value={percent}
          sx={{ mb: 0.5 }}
        />
      )}
      <Typography variant="body2">{text}</Typography>
    </Box>
  );
}
