import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow } from '@mui/material';
import type { Schemas } from '../../api/client';
import { componentLabel, formatAmount, formatRate, formatRupees } from './tariffFormat';

/** A bill's charges by component and its total, in ₹ as the server computed them: the tariff preview's and a period's. */
export function ChargesTable({ bill }: { bill: Schemas['BillPreview'] | undefined }) {
  return (
    <Table size="small" aria-label="Charges by component">
      <TableHead>
        <TableRow>
          <TableCell>Component</TableCell>
          <TableCell>Description</TableCell>
          <TableCell align="right">Quantity</TableCell>
          <TableCell align="right">Rate</TableCell>
          <TableCell align="right">Amount</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {(bill?.lines ?? []).map((line, i) => (
          <TableRow key={`${line.component}-${i}`}>
            <TableCell>{componentLabel(line.component)}</TableCell>
            <TableCell>{line.description}</TableCell>
            <TableCell align="right">{line.quantity == null ? '' : formatAmount(line.quantity)}</TableCell>
            <TableCell align="right">{line.rate == null ? '' : formatRate(line.rate)}</TableCell>
            <TableCell align="right">{formatRupees(line.amount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell component="th" scope="row" colSpan={4}>
            Total
          </TableCell>
          <TableCell align="right" sx={{ fontWeight: 600 }}>
            {formatRupees(bill?.total)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
