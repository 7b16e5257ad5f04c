import { Alert, Typography } from '@mui/material';
import { ApiError, messageOf } from '../../../api/problem';
import { formatDecimal } from '../../../format/indian';
import { formatDay } from './billingLabels';
import { useBillPreview } from './billingQueries';
import { ChargesTable } from '../ChargesTable';
import { SectionCard } from './SectionCard';

/** The bill the determinants make under the tariff in force on their last day, by component, in ₹ (nothing stored). */
export function BillPreviewCard({ determinantsId }: { determinantsId: string }) {
  const preview = useBillPreview(determinantsId);
  return (
    <SectionCard title="Bill preview">
      {preview.isPending && <Typography variant="body2">Pricing…</Typography>}
      {preview.isError && (
        // 422: no tariff version in force has the category or one of its zones; the bill cannot be priced yet
        <Alert severity={preview.error instanceof ApiError && preview.error.problem.status === 422 ? 'warning' : 'error'}>
          {messageOf(preview.error)}
        </Alert>
      )}
      {preview.data && (
        <>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {`Tariff ${preview.data.tariff?.name ?? ''} (version ${preview.data.tariff?.version ?? ''}, in force from ${formatDay(preview.data.tariff?.effective_from)}); `}
            {`billed ${formatDecimal(preview.data.bill?.billed_units ?? 0, 3)} ${preview.data.bill?.billing_unit === 'KVAH' ? 'kVAh' : 'kWh'} over ${preview.data.bill?.days} days.`}
          </Typography>
          <ChargesTable bill={preview.data.bill} />
        </>
      )}
    </SectionCard>
  );
}
