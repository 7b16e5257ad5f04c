import { MenuItem, TextField } from '@mui/material';

interface FilterSelectProps {
  label: string;
  /** What the empty choice says, e.g. "Any stage". */
  anyLabel: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(value: string): void;
}

/** A compact drop-down filter whose first choice removes the filter. */
export function FilterSelect({ label, anyLabel, value, options, onChange }: FilterSelectProps) {
  return (
    <TextField select size="small" label={label} value={value} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 170 }}>
      <MenuItem value="">{anyLabel}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
