import { Chip, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FilterSelect } from '../../components/FilterSelect';
import { useVendorCodes } from '../vendors/vendorQueries';
import { AGE_CHOICES, EXCEPTION_STATUSES, VEE_RULES } from './veeLabels';

export const EXCEPTION_FILTER_KEYS = ['status', 'rule', 'vendor', 'dt', 'blocking', 'age', 'meter'] as const;
export type ExceptionFilterState = Record<(typeof EXCEPTION_FILTER_KEYS)[number], string>;

/** The tenant's distribution transformers, for the DT filter. */
function useDtOptions() {
  const dts = useQuery({
    queryKey: ['network', 'dts'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/network/nodes', { params: { query: { level: 'DT', size: 500 } } })).items ?? [],
  });
  return (dts.data ?? []).map(({ node }) => ({ value: node?.id ?? '', label: node?.code ?? node?.name ?? '' }));
}

/** Status, rule, vendor, DT, blocking and age filters of the exceptions queue (and the meter, when opened from one). */
export function ExceptionFilters({ state, onChange }: { state: ExceptionFilterState; onChange(changes: Partial<ExceptionFilterState>): void }) {
  const vendorCodes = useVendorCodes(true);
  const dtOptions = useDtOptions();
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
      <FilterSelect label="Status" anyLabel="Any status" value={state.status} options={EXCEPTION_STATUSES}
        onChange={(status) => onChange({ status })} />
      <FilterSelect label="Rule" anyLabel="Any rule" value={state.rule}
        options={VEE_RULES.map(({ rule, label }) => ({ value: rule, label }))} onChange={(rule) => onChange({ rule })} />
      <FilterSelect label="HES vendor" anyLabel="Any vendor" value={state.vendor}
        options={[...vendorCodes].map(([id, code]) => ({ value: id, label: code }))} onChange={(vendor) => onChange({ vendor })} />
      <FilterSelect label="DT" anyLabel="Any DT" value={state.dt} options={dtOptions} onChange={(dt) => onChange({ dt })} />
      <FilterSelect label="Blocking" anyLabel="Blocking or not" value={state.blocking}
        options={[{ value: 'true', label: 'Holds data from billing' }, { value: 'false', label: 'Recorded only' }]}
        onChange={(blocking) => onChange({ blocking })} />
      <FilterSelect label="Age" anyLabel="Any age" value={state.age} options={AGE_CHOICES} onChange={(age) => onChange({ age })} />
      {state.meter && <Chip label="One meter only" onDelete={() => onChange({ meter: '' })} sx={{ alignSelf: 'center' }} />}
    </Stack>
  );
}
