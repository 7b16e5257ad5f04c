import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';

/** The screen's title (its one h1) and optional actions on the right. */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{mb: 2, justifyContent: "space-between" }}>
      <div>
        <Typography component="h1" variant="h5">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary">
            {subtitle}
          </Typography>
        )}
      </div>
      {actions && (
        <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
          {actions}
        </Stack>
      )}
    </Stack>
  );
}
