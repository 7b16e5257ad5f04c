import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Grid,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { fieldErrorsOf, messageOf } from '../../api/problem';
import { hasAnyRole, TENANT_ADMINS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { FactsTable } from '../../components/FactsTable';
import { FormTextField } from '../../components/FormTextField';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime, formatRupees } from '../../format/indian';
import { SectionCard } from '../billing/runs/SectionCard';
import { toDraft, toPolicy, WEEKDAYS, type PolicyDraft, type PrepaidPolicy } from './policyForm';
import { formatDay } from './prepaidLabels';
import { useDeleteHoliday, useHolidays, usePolicy, usePutHoliday, useSavePolicy, useWindows } from './policyQueries';

/** The editor's number fields: label, unit hint, grouped as the policy's rules are. */
const NUMBER_FIELDS: ReadonlyArray<{ field: keyof PolicyDraft & string; label: string; hint: string }> = [
  { field: 'grace_days_after_conversion', label: 'Grace days after conversion', hint: 'Days, 0–365' },
  { field: 'emergency_credit_days', label: 'Emergency credit days', hint: 'Days after the balance reaches zero, 0–30' },
  { field: 'emergency_credit_limit', label: 'Emergency credit limit (₹)', hint: 'Ends the credit early below minus this; empty: no limit' },
  { field: 'minimum_notice_minutes', label: 'Minimum notice (minutes)', hint: 'After the last notice, 0–10,080' },
  { field: 'stale_data_hours', label: 'Stale data (hours)', hint: 'No disconnection on older data, 1–720' },
  { field: 'daily_cap_per_dt', label: 'Daily cap per DT', hint: 'Disconnections per DT per day, 1–10,000' },
  { field: 'spread_per_feeder', label: 'Spread per feeder', hint: 'Disconnections per feeder in the spread minutes' },
  { field: 'spread_minutes', label: 'Spread minutes', hint: '1–1,440' },
  { field: 'reconnect_within_minutes', label: 'Reconnect within (minutes)', hint: 'After a qualifying recharge, 1–1,440' },
  { field: 'reconnect_above_balance', label: 'Reconnect above balance (₹)', hint: 'A recharge qualifies above this' },
  { field: 'recharge_minimum', label: 'Recharge minimum (₹)', hint: 'The smallest recharge taken' },
  { field: 'recharge_multiple', label: 'Recharge multiple (₹)', hint: 'Recharges are multiples of this' },
  { field: 'recharge_maximum', label: 'Recharge maximum (₹)', hint: 'The largest recharge taken' },
  { field: 'arrears_recovery_percent', label: 'Arrears recovery (%)', hint: 'Share of each recharge, 0–100' },
];

const weekdayNames = (days: readonly string[] | undefined) =>
  WEEKDAYS.filter((d) => days?.includes(d.value)).map((d) => d.label).join(', ') || 'None';
const yesNo = (value: boolean | undefined) => (value ? 'Protected' : 'Not protected');

function PolicyFacts({ policy }: { policy: PrepaidPolicy }) {
  return (
    <FactsTable
      label="Disconnection policy"
      facts={[
        ['Protected hours', policy.protected_from ? `${policy.protected_from}–${policy.protected_until}` : 'None'],
        ['Protected weekdays', weekdayNames(policy.protected_weekdays)],
        ['Second Saturday', yesNo(policy.second_saturday_protected)],
        ['Public holidays', yesNo(policy.holidays_protected)],
        ['Grace after conversion', `${policy.grace_days_after_conversion} days`],
        ['Emergency credit', `${policy.emergency_credit_days} days${policy.emergency_credit_limit == null ? '' : `, until below −${formatRupees(policy.emergency_credit_limit)}`}`],
        ['Minimum notice', `${policy.minimum_notice_minutes} minutes`],
        ['Stale data', `${policy.stale_data_hours} hours`],
        ['Daily cap per DT', String(policy.daily_cap_per_dt)],
        ['Spread per feeder', `${policy.spread_per_feeder} in ${policy.spread_minutes} minutes`],
        ['Reconnection', `Within ${policy.reconnect_within_minutes} minutes of a recharge above ${formatRupees(policy.reconnect_above_balance)}`],
        ['Recharges', `${formatRupees(policy.recharge_minimum)} to ${formatRupees(policy.recharge_maximum)} in multiples of ${formatRupees(policy.recharge_multiple)}`],
        ['Arrears recovery', `${policy.arrears_recovery_percent} % of each recharge`],
      ]}
    />
  );
}

function PolicyEditor({ policy }: { policy: PrepaidPolicy }) {
  const [draft, setDraft] = useState<PolicyDraft>(() => toDraft(policy));
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const save = useSavePolicy();
  const set = (changes: Partial<PolicyDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const errors = { ...fieldErrorsOf(save.error), ...formErrors };
  const shownBeside = Object.keys(fieldErrorsOf(save.error)).length > 0;
  function submit() {
    const { policy: request, errors: problems } = toPolicy(draft, policy);
    setFormErrors(problems);
    if (!request) return;
    save.mutate(request, { onSuccess: (saved) => setDraft(toDraft(saved)) });
  }
  const toggleDay = (day: PolicyDraft['protected_weekdays'][number], on: boolean) =>
    set({ protected_weekdays: on ? [...draft.protected_weekdays, day] : draft.protected_weekdays.filter((d) => d !== day) });

  return (
    <form
      aria-label="Edit the disconnection policy"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {save.isError && !shownBeside && <Alert severity="error">{messageOf(save.error)}</Alert>}
      {save.isError && shownBeside && <Alert severity="error">Some values are not accepted; see beside the fields.</Alert>}
      {save.isSuccess && <Alert severity="success">The policy is saved.</Alert>}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormTextField
          label="Protected from"
          value={draft.protected_from}
          onChange={(protected_from) => set({ protected_from })}
          error={errors.protected_from}
          hint="HH:mm, included; empty with the end: none"
        />
        <FormTextField
          label="Protected until"
          value={draft.protected_until}
          onChange={(protected_until) => set({ protected_until })}
          error={errors.protected_until}
          hint="HH:mm, excluded; before the start wraps midnight"
        />
      </Stack>
      <FormControl component="fieldset" error={Boolean(errors.protected_weekdays)} margin="normal">
        <FormLabel component="legend">Protected weekdays</FormLabel>
        <FormGroup row>
          {WEEKDAYS.map((day) => (
            <FormControlLabel
              key={day.value}
              label={day.label}
              control={<Checkbox checked={draft.protected_weekdays.includes(day.value)} onChange={(e) => toggleDay(day.value, e.target.checked)} />}
            />
          ))}
        </FormGroup>
        <FormHelperText>{errors.protected_weekdays ?? 'Protected whole; all seven: no disconnection at all'}</FormHelperText>
      </FormControl>
      <FormGroup>
        <FormControlLabel
          label="Second Saturday of the month protected"
          control={<Checkbox checked={draft.second_saturday_protected} onChange={(e) => set({ second_saturday_protected: e.target.checked })} />}
        />
        <FormControlLabel
          label="Public holidays protected"
          control={<Checkbox checked={draft.holidays_protected} onChange={(e) => set({ holidays_protected: e.target.checked })} />}
        />
      </FormGroup>
      <Grid container columnSpacing={2}>
        {NUMBER_FIELDS.map(({ field, label, hint }) => (
          <Grid key={field} size={{ xs: 12, sm: 6 }}>
            <FormTextField
              label={label}
              value={draft[field] as string}
              onChange={(value) => set({ [field]: value } as Partial<PolicyDraft>)}
              error={errors[field]}
              hint={hint}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          </Grid>
        ))}
      </Grid>
      <Button type="submit" variant="contained" disabled={save.isPending}>
        Save policy
      </Button>
    </form>
  );
}

function WindowsCard() {
  const windows = useWindows();
  return (
    <SectionCard title="Allowed windows">
      <QueryStatus query={windows}>
        {(data) =>
          (data.windows ?? []).length === 0 ? (
            <Alert severity="info">The calendar allows no disconnection in the next 7 days.</Alert>
          ) : (
            <Table size="small" aria-label="Windows in which disconnection is allowed, the next 7 days">
              <TableHead>
                <TableRow>
                  <TableCell>From (IST)</TableCell>
                  <TableCell>Until (IST)</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(data.windows ?? []).map((w) => (
                  <TableRow key={w.start}>
                    <TableCell>{w.start ? formatIstDateTime(w.start) : ''}</TableCell>
                    <TableCell>{w.end ? formatIstDateTime(w.end) : ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </QueryStatus>
    </SectionCard>
  );
}

function HolidaysCard({ canEdit }: { canEdit: boolean }) {
  const holidays = useHolidays();
  const put = usePutHoliday();
  const remove = useDeleteHoliday();
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(put.error);
  const errors = { ...serverErrors, ...formErrors };
  function add() {
    const problems: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) problems.date = 'Choose the day';
    if (name.trim() === '' || name.trim().length > 100) problems.name = 'A name of 1–100 characters';
    setFormErrors(problems);
    if (Object.keys(problems).length > 0) return;
    put.mutate({ date: day, name: name.trim() }, { onSuccess: () => { setDay(''); setName(''); } });
  }
  return (
    <SectionCard title="Public holidays">
      {canEdit && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
          <TextField
            label="Day"
            type="date"
            size="small"
            margin="normal"
            value={day}
            onChange={(e) => setDay(e.target.value)}
            error={Boolean(errors.date)}
            helperText={errors.date ?? ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <FormTextField label="Holiday name" size="small" value={name} onChange={setName} error={errors.name} hint="E.g. Republic Day" />
          <Button variant="outlined" onClick={add} disabled={put.isPending} sx={{ mt: 2, flexShrink: 0 }}>
            Add holiday
          </Button>
        </Stack>
      )}
      {put.isError && Object.keys(serverErrors).length === 0 && <Alert severity="error">{messageOf(put.error)}</Alert>}
      {remove.isError && <Alert severity="error">{messageOf(remove.error)}</Alert>}
      <QueryStatus query={holidays}>
        {(list) =>
          list.length === 0 ? (
            <Alert severity="info">No public holidays in the coming year.</Alert>
          ) : (
            <Table size="small" aria-label="Public holidays">
              <TableHead>
                <TableRow>
                  <TableCell>Day</TableCell>
                  <TableCell>Name</TableCell>
                  <TableCell>Updated by</TableCell>
                  {canEdit && <TableCell>Remove</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {list.map((holiday) => (
                  <TableRow key={holiday.day}>
                    <TableCell>{formatDay(holiday.day)}</TableCell>
                    <TableCell>{holiday.name}</TableCell>
                    <TableCell>{holiday.updated_by}</TableCell>
                    {canEdit && (
                      <TableCell padding="checkbox">
                        <IconButton
                          aria-label={`Remove ${holiday.name} on ${formatDay(holiday.day)}`}
                          onClick={() => holiday.day && remove.mutate(holiday.day)}
                          disabled={remove.isPending}
                        >
                          <DeleteIcon />
                        </IconButton>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </QueryStatus>
    </SectionCard>
  );
}

/** The tenant's disconnection policy (editable by its administrators), the windows it allows and its public holidays. */
export default function PrepaidPolicyPage() {
  const session = useSignedIn();
  const isAdmin = hasAnyRole(session.roles, TENANT_ADMINS);
  const policy = usePolicy();
  return (
    <>
      <PageHeader
        title="Disconnection policy"
        subtitle="When a prepaid consumer at or below zero may be disconnected, and the other prepaid rules; times tenant-local (IST)."
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <SectionCard title="Policy">
            <QueryStatus query={policy}>{(data) => (isAdmin ? <PolicyEditor policy={data} /> : <PolicyFacts policy={data} />)}</QueryStatus>
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={2}>
            <WindowsCard />
            <HolidaysCard canEdit={isAdmin} />
          </Stack>
        </Grid>
      </Grid>
    </>
  );
}
