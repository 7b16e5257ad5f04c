import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel } from '@mui/material';

/** Roles a tenant administrator may grant (platform admin and HES are not among them). */
export const GRANTABLE_ROLES = [
  { role: 'TENANT_ADMIN', label: 'Tenant administrator' },
  { role: 'OPERATOR', label: 'Operator (control room)' },
  { role: 'ANALYST', label: 'Analyst (energy audit, billing)' },
  { role: 'FIELD_TECH', label: 'Field technician' },
  { role: 'CONSUMER', label: 'Consumer' },
] as const;

export type GrantableRole = (typeof GRANTABLE_ROLES)[number]['role'];

interface RolePickerProps {
  value: GrantableRole[];
  onChange(roles: GrantableRole[]): void;
  error?: string;
}

export function RolePicker({ value, onChange, error }: RolePickerProps) {
  const toggle = (role: GrantableRole, on: boolean) =>
    onChange(on ? [...value, role] : value.filter((r) => r !== role));
  return (
    <FormControl component="fieldset" error={Boolean(error)} margin="normal">
      <FormLabel component="legend">Roles</FormLabel>
      <FormGroup>
        {GRANTABLE_ROLES.map(({ role, label }) => (
          <FormControlLabel
            key={role}
            control={<Checkbox checked={value.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />}
            label={label}
          />
        ))}
      </FormGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
