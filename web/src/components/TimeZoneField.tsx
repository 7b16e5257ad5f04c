import { Autocomplete, TextField } from '@mui/material';

/** Zones the browser knows, offered as suggestions; the server decides what it accepts. */
const TIME_ZONES: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? ['Asia/Kolkata', 'UTC'];

interface TimeZoneFieldProps {
  value: string;
  onChange(zone: string): void;
  error?: string;
  hint: string;
  disabled?: boolean;
  margin?: 'none' | 'dense' | 'normal';
}

/** An IANA time zone, typed or picked from the browser's list; its error, when there is one, takes the hint's place. */
export function TimeZoneField({ value, onChange, error, hint, disabled, margin }: TimeZoneFieldProps) {
  return (
    <Autocomplete
      freeSolo
      options={TIME_ZONES}
      inputValue={value}
      disabled={disabled}
      onInputChange={(_event, typed) => {
        if (typed !== value) onChange(typed);
      }}
      renderInput={(params) => (
        <TextField {...params} margin={margin} label="Time zone" error={Boolean(error)} helperText={error ?? hint} />
      )}
    />
  );
}
