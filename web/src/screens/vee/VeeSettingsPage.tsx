import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Grid,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { api } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { hasAnyRole, TENANT_ADMINS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { FormTextField } from '../../components/FormTextField';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime } from '../../format/indian';
import {
  checkSettings,
  effectiveFor,
  ESTIMABLE_CHANNELS,
  METER_CLASSES,
  NUMBER_GROUPS,
  RESEND_ACTIONS,
  toDraft,
  WEEKDAYS,
  toSettings,
  type EstimationStep,
  type MeterClass,
  type ResendAction,
  type SettingsDraft,
  type VersionedSettings,
} from './settingsForm';
import { ESTIMATION_METHODS, VEE_RULES, type VeeRule } from './veeLabels';

/** "Gaps up to 8 h" / "Longer gaps" for a step of the estimation order. */
function gapLengthLabel(step: EstimationStep, index: number): string {
  if (step.up_to_minutes === undefined || step.up_to_minutes === null) return index === 0 ? 'Every gap' : 'Longer gaps';
  const minutes = step.up_to_minutes;
  return `Gaps up to ${minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`}`;
}

function methodLabel(method: string): string {
  return ESTIMATION_METHODS.find((m) => m.method === method)?.label ?? method;
}

/** The list with the item in it (once) or out of it. */
function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

/** A labelled row of checkboxes choosing some of a fixed set of values. */
function CheckboxRow<T extends string>(props: {
  id: string;
  legend: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  selected: readonly T[];
  disabled: boolean;
  onToggle: (value: T, on: boolean) => void;
  error?: string;
}) {
  return (
    <>
      <FormLabel component="legend" id={props.id} sx={{ mt: 1 }}>
        {props.legend}
      </FormLabel>
      <FormGroup row aria-labelledby={props.id}>
        {props.options.map(({ value, label }) => (
          <FormControlLabel
            key={value}
            label={label}
            control={
              <Checkbox
                size="small"
                checked={props.selected.includes(value)}
                disabled={props.disabled}
                onChange={(e) => props.onToggle(value, e.target.checked)}
              />
            }
          />
        ))}
      </FormGroup>
      {props.error && <Alert severity="error">{props.error}</Alert>}
    </>
  );
}

function useSettings() {
  return useQuery({
    queryKey: ['vee', 'settings'],
    queryFn: async () => unwrap(await api.GET('/api/v1/vee/settings')),
  });
}

function useVersions(meterClass: MeterClass) {
  return useQuery({
    queryKey: ['vee', 'settings', meterClass, 'versions'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/vee/settings/{meter_class}/versions', { params: { path: { meter_class: meterClass } } })),
  });
}

function describe(versioned: VersionedSettings, meterClass: MeterClass): string {
  const own = versioned.meter_class === meterClass;
  if (!versioned.version) return own ? 'Built-in defaults' : 'No settings of its own: goes by the built-in defaults';
  const saved = `version ${versioned.version}, saved by ${versioned.created_by ?? '—'}${
    versioned.created_at ? ` on ${formatIstDateTime(versioned.created_at)}` : ''
  }`;
  return own ? `In force: ${saved}` : `No settings of its own: goes by DEFAULT (${saved}); saving gives it its own`;
}

interface SettingsFormProps {
  meterClass: MeterClass;
  initial: SettingsDraft;
  editable: boolean;
  onSaved(saved: VersionedSettings): void;
}

/** The settings of one class: checked before sending, the server's field errors beside the fields. */
function SettingsForm({ meterClass, initial, editable, onSaved }: SettingsFormProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (body: SettingsDraft) =>
      unwrap(
        await api.PUT('/api/v1/vee/settings/{meter_class}', {
          params: { path: { meter_class: meterClass } },
          body: toSettings(body),
        }),
      ),
    onSuccess: (saved) => {
      onSaved(saved);
      void queryClient.invalidateQueries({ queryKey: ['vee', 'settings'] });
    },
  });
  const serverErrors = fieldErrorsOf(save.error);
  const errors = { ...formErrors, ...serverErrors };
  const fieldLevel = Object.keys(serverErrors).length > 0;
  const readOnly = !editable;

  function submit() {
    const problems = checkSettings(draft);
    setFormErrors(problems);
    save.reset();
    if (Object.keys(problems).length === 0) save.mutate(draft);
  }

  const toggleRule = (rule: VeeRule, on: boolean) => setDraft((d) => ({ ...d, rules: toggled(d.rules, rule, on) }));
  const toggleBlocking = (rule: VeeRule, on: boolean) =>
    setDraft((d) => ({ ...d, blocking_rules: toggled(d.blocking_rules, rule, on) }));

  return (
    <form
      aria-label={`VEE settings of ${meterClass}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {save.isError && !fieldLevel && <Alert severity="error">{messageOf(save.error)}</Alert>}
      {save.isError && fieldLevel && (
        <Alert severity="error" role="alert">
          The server refused these settings: see the fields marked below.
        </Alert>
      )}
      {Object.keys(formErrors).length > 0 && (
        <Alert severity="error" role="alert">
          Some values need correcting before saving.
        </Alert>
      )}
      <Grid container spacing={2} sx={{ mt: 0 }}>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardContent>
              <FormLabel component="legend" id="rules-label">
                <Typography component="h2" variant="subtitle1" color="text.primary">
                  Checks that run
                </Typography>
              </FormLabel>
              <Table size="small" aria-labelledby="rules-label">
                <TableHead>
                  <TableRow>
                    <TableCell>Check</TableCell>
                    <TableCell padding="checkbox">Runs</TableCell>
                    <TableCell padding="checkbox">Blocks billing</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {VEE_RULES.map(({ rule, label }) => (
                    <TableRow key={rule}>
                      <TableCell>{label}</TableCell>
                      <TableCell padding="checkbox">
                        <Checkbox
                          size="small"
                          checked={draft.rules.includes(rule)}
                          disabled={readOnly}
                          slotProps={{ input: { 'aria-label': `${label} runs` } }}
                          onChange={(e) => toggleRule(rule, e.target.checked)}
                        />
                      </TableCell>
                      <TableCell padding="checkbox">
                        <Checkbox
                          size="small"
                          checked={draft.blocking_rules.includes(rule)}
                          disabled={readOnly || !draft.rules.includes(rule)}
                          slotProps={{ input: { 'aria-label': `${label} blocks billing` } }}
                          onChange={(e) => toggleBlocking(rule, e.target.checked)}
                        />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <FormControlLabel
                sx={{ mt: 1 }}
                label="A zero run on a day without voltage data blocks billing"
                control={
                  <Switch
                    checked={draft.zero_run_without_voltage_blocking}
                    disabled={readOnly}
                    onChange={(e) => setDraft((d) => ({ ...d, zero_run_without_voltage_blocking: e.target.checked }))}
                  />
                }
              />
              {errors.rules && <Alert severity="error">{errors.rules}</Alert>}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Grid container spacing={2}>
            {NUMBER_GROUPS.map((group) => (
              <Grid key={group.title} size={{ xs: 12, md: 6 }}>
                <Card variant="outlined" sx={{ height: '100%' }}>
                  <CardContent>
                    <Typography component="h2" variant="subtitle1">
                      {group.title}
                    </Typography>
                    {group.fields.map((field) => (
                      <FormTextField
                        key={field.key}
                        size="small"
                        label={field.label}
                        inputMode={field.integer ? 'numeric' : 'decimal'}
                        value={draft.numbers[field.key] ?? ''}
                        onChange={(value) => setDraft((d) => ({ ...d, numbers: { ...d.numbers, [field.key]: value } }))}
                        error={errors[field.key]}
                        hint={field.hint}
                        slotProps={{ input: { readOnly } }}
                      />
                    ))}
                  </CardContent>
                </Card>
              </Grid>
            ))}
            <Grid size={12}>
              <Card variant="outlined">
                <CardContent>
                  <Typography component="h2" variant="subtitle1">
                    Estimation and edits
                  </Typography>
                  <CheckboxRow
                    id="channels-label"
                    legend="Channels VEE fills gaps in"
                    options={ESTIMABLE_CHANNELS}
                    selected={draft.estimated_channels}
                    disabled={readOnly}
                    onToggle={(channel, on) =>
                      setDraft((d) => ({ ...d, estimated_channels: toggled(d.estimated_channels, channel, on) }))
                    }
                    error={errors.estimated_channels}
                  />
                  <CheckboxRow
                    id="weekend-label"
                    legend="Weekend days (like-day estimation)"
                    options={WEEKDAYS}
                    selected={draft.weekend_days}
                    disabled={readOnly}
                    onToggle={(day, on) => setDraft((d) => ({ ...d, weekend_days: toggled(d.weekend_days, day, on) }))}
                    error={errors.weekend_days}
                  />
                  <FormTextField
                    size="small"
                    label="Holidays (estimated like Sundays)"
                    value={draft.holidays}
                    onChange={(holidays) => setDraft((d) => ({ ...d, holidays }))}
                    error={errors.holidays}
                    hint="Dates as 2026-10-20, separated by commas"
                    slotProps={{ input: { readOnly } }}
                  />
                  <Typography component="h3" variant="body2" sx={{ mt: 2 }} id="order-label">
                    Estimation order (set through the API)
                  </Typography>
                  <Table size="small" aria-labelledby="order-label">
                    <TableBody>
                      {draft.estimation_order.map((step, index) => (
                        <TableRow key={`${step.up_to_minutes ?? 'rest'}-${index}`}>
                          <TableCell>{gapLengthLabel(step, index)}</TableCell>
                          <TableCell>{(step.methods ?? []).map(methodLabel).join(' → ')}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                  <TextField
                    select
                    size="small"
                    fullWidth
                    sx={{ mt: 2 }}
                    label="A re-sent value beyond the threshold"
                    value={draft.resend_change_action}
                    onChange={(e) => setDraft((d) => ({ ...d, resend_change_action: e.target.value as ResendAction }))}
                    slotProps={{ input: { readOnly } }}
                  >
                    {RESEND_ACTIONS.map(({ value, label }) => (
                      <MenuItem key={value} value={value}>
                        {label}
                      </MenuItem>
                    ))}
                  </TextField>
                  <FormControlLabel
                    label="Edits wait for a second tenant administrator's approval"
                    control={
                      <Switch
                        checked={draft.edit_approval_required}
                        disabled={readOnly}
                        onChange={(e) => setDraft((d) => ({ ...d, edit_approval_required: e.target.checked }))}
                      />
                    }
                  />
                </CardContent>
              </Card>
            </Grid>
          </Grid>
        </Grid>
      </Grid>
      {editable && (
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            Save settings
          </Button>
          <Button
            onClick={() => {
              setDraft(initial);
              setFormErrors({});
              save.reset();
            }}
          >
            Undo changes
          </Button>
        </Stack>
      )}
    </form>
  );
}

function VersionsTable({ meterClass }: { meterClass: MeterClass }) {
  const versions = useVersions(meterClass);
  return (
    <QueryStatus query={versions}>
      {(list) =>
        list.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {meterClass} has no saved versions.
          </Typography>
        ) : (
          <Table size="small" aria-label={`Versions of the ${meterClass} settings`}>
            <TableHead>
              <TableRow>
                <TableCell>Version</TableCell>
                <TableCell>Saved by</TableCell>
                <TableCell>Saved (IST)</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((v) => (
                <TableRow key={v.version}>
                  <TableCell>{v.version}</TableCell>
                  <TableCell>{v.created_by ?? '—'}</TableCell>
                  <TableCell>{v.created_at ? formatIstDateTime(v.created_at) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      }
    </QueryStatus>
  );
}

/** VEE settings per meter class: everyone with VEE access reads them, tenant administrators change them. */
export default function VeeSettingsPage() {
  const session = useSignedIn();
  const editable = hasAnyRole(session.roles, TENANT_ADMINS);
  const [params, setParams] = useSearchParams();
  const requested = params.get('class');
  const meterClass: MeterClass = METER_CLASSES.some((c) => c.value === requested) ? (requested as MeterClass) : 'DEFAULT';
  const settings = useSettings();
  const [saved, setSaved] = useState<VersionedSettings>();

  return (
    <>
      <PageHeader
        title="VEE settings"
        subtitle={
          editable
            ? 'Each save is a new version; exceptions record the version they were found under.'
            : 'Read only: tenant administrators change these settings.'
        }
      />
      <TextField
        select
        size="small"
        label="Meter class"
        value={meterClass}
        onChange={(e) => {
          setSaved(undefined);
          setParams(e.target.value === 'DEFAULT' ? {} : { class: e.target.value }, { replace: true });
        }}
        sx={{ minWidth: 240, mb: 1 }}
      >
        {METER_CLASSES.map((c) => (
          <MenuItem key={c.value} value={c.value}>
            {c.label}
          </MenuItem>
        ))}
      </TextField>
      <QueryStatus query={settings}>
        {(all) => {
          const effective = effectiveFor(all, meterClass);
          if (!effective?.settings) return <Alert severity="warning">No settings found.</Alert>;
          return (
            <>
              {saved && saved.meter_class === meterClass && (
                <Alert severity="success" role="status" onClose={() => setSaved(undefined)} sx={{ mb: 1 }}>
                  Saved as version {saved.version}.
                </Alert>
              )}
              <Typography variant="body2" color="text.secondary" data-testid="settings-in-force">
                {describe(effective, meterClass)}
              </Typography>
              <SettingsForm
                key={`${meterClass}:${effective.meter_class}:${effective.version}`}
                meterClass={meterClass}
                initial={toDraft(effective.settings)}
                editable={editable}
                onSaved={setSaved}
              />
            </>
          );
        }}
      </QueryStatus>
      <Typography component="h2" variant="h6" sx={{ mt: 3 }}>
        Versions
      </Typography>
      <VersionsTable meterClass={meterClass} />
    </>
  );
}
