import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableRow } from '@mui/material';

/** Name → value rows, each name a row header; used for an item's facts and figures. */
export function FactsTable({ label, facts, alignValues = 'left' }: { label: string; facts: ReadonlyArray<[string, ReactNode]>; alignValues?: 'left' | 'right' }) {
  return (
    <Table size="small" aria-label={label}>
      <TableBody>
        {facts.map(([name, value]) => (
          <TableRow key={name}>
            <TableCell component="th" scope="row">
              {name}
            </TableCell>
            <TableCell align={alignValues}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
