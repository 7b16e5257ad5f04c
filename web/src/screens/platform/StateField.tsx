import { Autocomplete, TextField } from '@mui/material';
import type { Schemas } from '../../api/client';
import { messageOf } from '../../api/problem';
import { useIndianStates } from './platformQueries';

type IndianState = Schemas['IndianState'];

const GROUP: Record<NonNullable<IndianState['kind']>, string> = { STATE: 'States', UNION_TERRITORY: 'Union territories' };

/** The state or union territory a DISCOM serves, picked (or typed to search) from the server's list. */
export function StateField({ value, onChange, error }: { value: string; onChange(state: string): void; error?: string }) {
  const states = useIndianStates();
  const options = states.data ?? [];
  return (
    <Autocomplete
      options={options}
      groupBy={(option) => GROUP[option.kind ?? 'STATE']}
      getOptionLabel={(option) => option.name ?? ''}
      isOptionEqualToValue={(option, chosen) => option.name === chosen.name}
      value={options.find((option) => option.name === value) ?? null}
      onChange={(_event, chosen) => onChange(chosen?.name ?? '')}
      loading={states.isPending}
      renderInput={(params) => (
        <TextField
          {...params}
          margin="normal"
          label="State or union territory"
          error={Boolean(error) || states.isError}
          helperText={error ?? (states.isError ? messageOf(states.error) : 'Its regulator sets the DISCOM’s tariffs')}
        />
      )}
    />
  );
}
