import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { changedLines, formatStateValue, stateDiff, type Change } from './auditTrail';

const MONOSPACE = 'ui-monospace, monospace';
const CHANGE_LABELS: Record<Change, string> = { added: 'added', removed: 'removed', changed: 'changed', same: '' };

/** What an action changed, field by field: only the fields that differ (all of them for a creation or deletion). */
export function StateDiffTable({ before, after }: { before?: unknown; after?: unknown }) {
  const lines = changedLines(stateDiff(before, after));
  if (lines.length === 0) {
    return <Typography variant="body2" color="text.secondary">No state recorded for this action.</Typography>;
  }
  return (
    <Table size="small" aria-label="Before and after">
      <TableHead>
        <TableRow>
          <TableCell>Field</TableCell>
          <TableCell>Before</TableCell>
          <TableCell>After</TableCell>
          <TableCell>Change</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow
            key={line.path}
            sx={(theme) => ({
              bgcolor: line.change === 'same' ? undefined : alpha(line.change === 'removed' ? theme.palette.error.main : theme.palette.success.main, 0.08),
            })}
          >
            <TableCell component="th" scope="row" sx={{ fontFamily: MONOSPACE }}>{line.path || '(value)'}</TableCell>
            <TableCell sx={{ fontFamily: MONOSPACE, wordBreak: 'break-all' }}>{formatStateValue(line.before)}</TableCell>
            <TableCell sx={{ fontFamily: MONOSPACE, wordBreak: 'break-all' }}>{formatStateValue(line.after)}</TableCell>
            <TableCell>{CHANGE_LABELS[line.change]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
