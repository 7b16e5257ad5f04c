import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  List,
  ListItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { api, type Schemas } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { MONOSPACE_INPUT } from '../../components/monospace';
import { useDraftState } from '../../components/useDraftState';
import { formatCount, formatIstDateTime, formatQuantity } from '../../format/indian';
import { parseDraft } from './mappingDraft';

const SHOWN_VALUES = 200;

function ParsedValues({ result }: { result: Schemas['TestParseResult'] }) {
  const values = result.values ?? [];
  const rejections = result.rejections ?? [];
  return (
    <Stack spacing={1} sx={{ mt: 2 }} data-testid="test-parse-result">
      <Typography>
        {formatCount(result.rows ?? 0)} rows read, {formatCount(values.length)} values would be stored,{' '}
        {formatCount(rejections.length)} rejected
        {result.mapping_version === undefined ? ' (with the draft mapping)' : ` (with mapping version ${result.mapping_version})`}.
      </Typography>
      {rejections.length > 0 && (
        <List dense aria-label="Rejected rows">
          {rejections.map((r, i) => (
            <ListItem key={i} sx={{ color: 'warning.main' }}>
              Row {r.row}, {r.field}: {r.reason}
            </ListItem>
          ))}
        </List>
      )}
      {values.length > 0 && (
        <TableContainer sx={{ maxHeight: 360 }}>
          <Table size="small" stickyHeader aria-label="Values that would be stored">
            <TableHead>
              <TableRow>
                <TableCell>Row</TableCell>
                <TableCell>Channel</TableCell>
                <TableCell>At (IST)</TableCell>
                <TableCell align="right">Value</TableCell>
                <TableCell>Quality</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {values.slice(0, SHOWN_VALUES).map((v, i) => (
                <TableRow key={i}>
                  <TableCell>{v.row}</TableCell>
                  <TableCell>{v.channel}</TableCell>
                  <TableCell>{v.at ? formatIstDateTime(v.at) : '—'}</TableCell>
                  <TableCell align="right">{formatQuantity(v.value ?? 0, v.unit)}</TableCell>
                  <TableCell>{(v.quality ?? []).join(', ')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

/** Paste a vendor's sample payload and see what would be stored; nothing is stored. */
export function TestParsePanel({ vendorId, draft }: { vendorId: string; draft: string }) {
  const [storedPayload, setPayload] = useDraftState(`test-parse:${vendorId}`);
  const payload = storedPayload ?? '';
  const [useDraft, setUseDraft] = useState(false);
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: async () => {
      const mapping = useDraft ? parseDraft(draft).mapping : undefined;
      if (useDraft && !mapping) throw new Error('The draft mapping is not valid JSON');
      return unwrap(
        await api.POST('/api/v1/hes-vendors/{id}/test-parse', {
          params: { path: { id: vendorId } },
          body: { payload, mapping },
        }),
      );
    },
  });

  function submit() {
    const empty = payload.trim() === '';
    setMissing(empty);
    if (!empty) run.mutate();
  }

  const serverErrors = fieldErrorsOf(run.error);
  return (
    <Card component="section" aria-labelledby="test-parse-title">
      <CardContent>
        <Typography id="test-parse-title" component="h2" variant="h6" gutterBottom>
          Test-parse a sample payload
        </Typography>
        <TextField
          fullWidth
          multiline
          minRows={6}
          maxRows={20}
          label="Sample payload"
          value={payload}
          onChange={(e) => setPayload(e.target.value)}
          error={missing || Boolean(serverErrors.payload)}
          helperText={missing ? 'Paste a payload first' : serverErrors.payload ?? 'As the vendor sends it (JSON or CSV text)'}
          slotProps={MONOSPACE_INPUT}
        />
        <Stack direction="row" spacing={2} sx={{mt: 1, alignItems: "center" }}>
          <FormControlLabel
            control={<Checkbox checked={useDraft} onChange={(e) => setUseDraft(e.target.checked)} />}
            label="Use the draft mapping from the editor"
          />
          <Button variant="contained" onClick={submit} disabled={run.isPending}>
            Test-parse
          </Button>
        </Stack>
        {run.isError && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {messageOf(run.error)}
            {Object.entries(serverErrors)
              .filter(([field]) => field !== 'payload')
              .map(([field, message]) => (
                <div key={field}>
                  {field}: {message}
                </div>
              ))}
          </Alert>
        )}
        {run.isSuccess && <ParsedValues result={run.data} />}
      </CardContent>
    </Card>
  );
}
