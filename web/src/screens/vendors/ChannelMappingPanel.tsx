import { useState } from 'react';
import {
  Autocomplete,
  Button,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  CHANNELS,
  checkNewCode,
  checkNewUnit,
  codeRows,
  scalerOf,
  unitChoices,
  unitRows,
  withCode,
  withoutCode,
  withoutUnit,
  withUnit,
} from './channelMapping';
import type { PayloadMapping } from './mappingDraft';

interface ChannelMappingPanelProps {
  draft: string;
  mapping?: PayloadMapping;
  /** Server field errors: `codes.<code>` and `units.<channel>`. */
  errors: Record<string, string>;
  onEdit(text: string): void;
}

function ChannelSelect({ label, value, onChange, error, disabled }: { label: string; value: string; onChange(v: string): void; error?: string; disabled?: boolean }) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? ' '}
      disabled={disabled}
      sx={{ minWidth: 200 }}
    >
      {CHANNELS.map((c) => (
        <MenuItem key={c.channel} value={c.channel}>
          {c.channel}
          {c.unit ? ` (${c.unit})` : ''}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Vendor codes (the vendor's names or OBIS codes in any notation) → canonical channels, and the unit
 * and scaler of values that arrive without their own: the `codes` and `units` of the mapping, edited
 * as rows. The JSON stays the whole truth; these rows read and write it.
 */
export function ChannelMappingPanel({ draft, mapping, errors, onEdit }: ChannelMappingPanelProps) {
  const [code, setCode] = useState('');
  const [codeChannel, setCodeChannel] = useState('');
  const [codeErrors, setCodeErrors] = useState<Record<string, string>>({});
  const [unitChannel, setUnitChannel] = useState('');
  const [unit, setUnit] = useState('');
  const [scaler, setScaler] = useState('');
  const [unitErrors, setUnitErrors] = useState<Record<string, string>>({});
  const codes = codeRows(mapping);
  const units = unitRows(mapping);
  // the draft is anyone's to try (test-parse); saving it is for tenant administrators
  const disabled = !mapping;

  function addCode() {
    const problems = checkNewCode(mapping, code, codeChannel);
    setCodeErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onEdit(withCode(draft, code.trim(), codeChannel));
    setCode('');
    setCodeChannel('');
  }

  function addUnit() {
    const problems = checkNewUnit(mapping, unitChannel, unit, scaler);
    setUnitErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onEdit(withUnit(draft, { channel: unitChannel, unit: unit.trim(), scaler: scalerOf(scaler) }));
    setUnitChannel('');
    setUnit('');
    setScaler('');
  }

  return (
    <Stack spacing={2}>
      <section aria-labelledby="codes-title">
        <Typography id="codes-title" component="h3" variant="subtitle1">
          Codes → channels
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Standard IS 15959 OBIS codes need no entry (e.g. 1.0.1.29.0.255 is KWH_IMPORT in any notation); map the
          vendor’s own names, or give an OBIS code another meaning.
        </Typography>
        <Table size="small" aria-label="Vendor codes and their channels">
          <TableHead>
            <TableRow>
              <TableCell>Vendor or OBIS code</TableCell>
              <TableCell>Channel</TableCell>
              <TableCell>Standard OBIS of the channel</TableCell>
              {!disabled && <TableCell>Remove</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {codes.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>No codes mapped: only standard OBIS codes are read.</TableCell>
              </TableRow>
            )}
            {codes.map((row) => (
              <TableRow key={row.code}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{row.code}</TableCell>
                <TableCell>
                  <ChannelSelect
                    label={`Channel of ${row.code}`}
                    value={CHANNELS.some((c) => c.channel === row.channel) ? row.channel : ''}
                    onChange={(channel) => onEdit(withCode(draft, row.code, channel))}
                    error={errors[`codes.${row.code}`]}
                    disabled={disabled}
                  />
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{CHANNELS.find((c) => c.channel === row.channel)?.obis ?? '—'}</TableCell>
                {!disabled && (
                  <TableCell>
                    <IconButton aria-label={`Remove code ${row.code}`} onClick={() => onEdit(withoutCode(draft, row.code))}>
                      <DeleteIcon />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!disabled && (
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label="New code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={Boolean(codeErrors.code)}
              helperText={codeErrors.code ?? 'e.g. IMP_KWH or 1-0:1.8.1*255'}
            />
            <ChannelSelect label="Its channel" value={codeChannel} onChange={setCodeChannel} error={codeErrors.channel} />
            <Button onClick={addCode}>Add code</Button>
          </Stack>
        )}
      </section>
      <section aria-labelledby="units-title">
        <Typography id="units-title" component="h3" variant="subtitle1">
          Units and scalers
        </Typography>
        <Typography variant="body2" color="text.secondary">
          For values that arrive without their own unit: the value × 10^scaler, in this unit, is converted to the
          channel’s unit.
        </Typography>
        <Table size="small" aria-label="Units and scalers per channel">
          <TableHead>
            <TableRow>
              <TableCell>Channel</TableCell>
              <TableCell>Unit sent</TableCell>
              <TableCell>Scaler (10^n)</TableCell>
              {!disabled && <TableCell>Remove</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {units.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>No units given: values are taken in each channel’s own unit.</TableCell>
              </TableRow>
            )}
            {units.map((row) => (
              <TableRow key={row.channel}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{row.channel}</TableCell>
                <TableCell>
                  <Autocomplete
                    freeSolo
                    size="small"
                    options={unitChoices(row.channel)}
                    inputValue={row.unit}
                    disabled={disabled}
                    onInputChange={(_e, value) => {
                      if (value !== row.unit) onEdit(withUnit(draft, { ...row, unit: value }));
                    }}
                    renderInput={(params) => (
                      <TextField
                        {...params}
                        label={`Unit of ${row.channel}`}
                        error={Boolean(errors[`units.${row.channel}`])}
                        helperText={errors[`units.${row.channel}`] ?? ' '}
                      />
                    )}
                    sx={{ minWidth: 160 }}
                  />
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    type="number"
                    label={`Scaler of ${row.channel}`}
                    value={row.scaler}
                    disabled={disabled}
                    onChange={(e) => {
                      const n = Number(e.target.value);
                      if (e.target.value === '' || Number.isInteger(n)) onEdit(withUnit(draft, { ...row, scaler: e.target.value === '' ? 0 : n }));
                    }}
                    helperText=" "
                    slotProps={{ htmlInput: { step: 1 } }}
                    sx={{ width: 150 }}
                  />
                </TableCell>
                {!disabled && (
                  <TableCell>
                    <IconButton aria-label={`Remove the unit of ${row.channel}`} onClick={() => onEdit(withoutUnit(draft, row.channel))}>
                      <DeleteIcon />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!disabled && (
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
            <ChannelSelect label="Channel" value={unitChannel} onChange={setUnitChannel} error={unitErrors.channel} />
            <Autocomplete
              freeSolo
              size="small"
              options={unitChoices(unitChannel)}
              inputValue={unit}
              onInputChange={(_e, value) => setUnit(value)}
              renderInput={(params) => (
                <TextField {...params} label="Unit sent" error={Boolean(unitErrors.unit)} helperText={unitErrors.unit ?? 'e.g. Wh'} />
              )}
              sx={{ minWidth: 160 }}
            />
            <TextField
              size="small"
              label="Scaler"
              inputMode="numeric"
              value={scaler}
              onChange={(e) => setScaler(e.target.value)}
              error={Boolean(unitErrors.scaler)}
              helperText={unitErrors.scaler ?? 'Empty: 0'}
              sx={{ width: 120 }}
            />
            <Button onClick={addUnit}>Add unit</Button>
          </Stack>
        )}
      </section>
    </Stack>
  );
}
