import { Card, CardContent, Typography } from '@mui/material';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';

/** A card for a figure whose back-end service is not there yet: says so, shows no number. */
export function PendingServiceCard({ title, service }: { title: string; service: string }) {
  return (
    <Card component="section" variant="outlined" aria-label={title} sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {title}
        </Typography>
        <Typography color="text.secondary" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <HourglassEmptyIcon fontSize="small" aria-hidden />
          Available when the {service} service is enabled.
        </Typography>
      </CardContent>
    </Card>
  );
}
