import { TextField, type TextFieldProps } from '@mui/material';

type FormTextFieldProps = Omit<TextFieldProps, 'onChange' | 'error' | 'helperText' | 'value'> & {
  value: string;
  onChange(value: string): void;
  /** The field's error (from the form's own check or the server's problem); shown instead of the hint. */
  error?: string;
  hint?: string;
};

/** A full-width form field whose error, when there is one, takes the place of its hint. */
export function FormTextField({ value, onChange, error, hint, ...rest }: FormTextFieldProps) {
  return (
    <TextField
      fullWidth
      margin="normal"
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? hint ?? ' '}
    />
  );
}
