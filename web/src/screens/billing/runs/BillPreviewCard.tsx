import { Alert, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { ApiError, messageOf } from '../../../api/problem';
import { formatDecimal } from '../../../format/indian';
import { formatDay, formatRupees } from './billingLabels';
import { useBillPreview } from './billingQueries';
import { componentLabel } from './determinants';
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
          <Table size="small" aria-label="Charges by component">
            <TableHead>
              <TableRow>
                <TableCell>Component</TableCell>
                <TableCell>Description</TableCell>
                <TableCell align="right">Quantity</TableCell>
                <TableCell align="right">Rate (₹)</TableCell>
                <TableCell align="right">Amount</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(preview.data.bill?.lines ?? []).map((line, i) => (
                <TableRow key={`${line.component}-${i}`}>
                  <TableCell>{componentLabel(line.component)}</TableCell>
                  <TableCell>{line.description}</TableCell>
                  <TableCell align="right">{line.quantity == null ? '' : formatDecimal(line.quantity, 3)}</TableCell>
                  <TableCell align="right">{line.rate == null ? '' : formatDecimal(line.rate, 4)}</TableCell>
                  <TableCell align="right">{formatRupees(line.amount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell component="th" scope="row" colSpan={4}>
                  Total
                </TableCell>
                <TableCell align="right">{formatRupees(preview.data.bill?.total)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </>
      )}
    </SectionCard>
  );
}
