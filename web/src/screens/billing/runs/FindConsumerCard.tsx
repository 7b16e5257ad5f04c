import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { messageOf } from '../../../api/problem';
import { formatQuantity } from '../../../format/indian';
import { formatPeriod } from './billingLabels';
import { useSummary } from './billingQueries';
import { SectionCard } from './SectionCard';
import { StatusChip } from './StatusChip';

const SHOWN = 12;

/** An account number → that consumer's latest determinants per period, each opening the determinants screen. */
export function FindConsumerCard() {
  const [text, setText] = useState('');
  const [accountNo, setAccountNo] = useState('');
  const summary = useSummary({ account_no: accountNo }, 0, SHOWN, accountNo !== '');
  const lines = summary.data?.items ?? [];
  return (
    <SectionCard title="Find a consumer">
      <Stack
        component="form"
        direction="row"
        spacing={1}
        onSubmit={(e) => {
          e.preventDefault();
          setAccountNo(text.trim());
        }}
      >
        <TextField size="small" label="Account number" value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" variant="outlined">
          Find
        </Button>
      </Stack>
      {summary.isError && <Alert severity="error">{messageOf(summary.error)}</Alert>}
      {accountNo && summary.data && lines.length === 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          No determinants for {accountNo}: no run has billed that account.
        </Alert>
      )}
      {lines.length > 0 && (
        <Table size="small" aria-label={`Determinants of ${accountNo}`} sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>Period</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Import</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.determinants_id}>
                <TableCell>
                  <Link component={RouterLink} to={`/billing/determinants/${line.determinants_id}`}>
                    {formatPeriod(line.determinants?.first_day, line.determinants?.last_day)}
                  </Link>
                </TableCell>
                <TableCell>
                  <StatusChip status={line.status} of="determinants" />
                </TableCell>
                <TableCell align="right">{formatQuantity(line.determinants?.energy?.kwh_import ?? 0, 'kWh')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
