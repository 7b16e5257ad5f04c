import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { api } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/problem';
import { hasAnyRole, TENANT_ADMINS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { FormTextField } from '../../components/FormTextField';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { checkAlarmRules, toAlarmRules, toAlarmRulesDraft, type AlarmRulesDraft } from './alarmRulesForm';

const FIELDS: ReadonlyArray<{ group: string; fields: ReadonlyArray<{ key: keyof AlarmRulesDraft; label: string; hint: string; numeric?: boolean }> }> = [
  {
    group: 'Meter alarms',
    fields: [
      { key: 'tamper_codes', label: 'Tamper event codes', hint: 'IS 15959 occurrence codes, e.g. 65 CT bypass, 201 magnet, 251 cover open' },
      { key: 'power_quality_codes', label: 'Power-quality event codes', hint: 'e.g. 7 over-voltage, 9 low voltage; resolved by the restoration code' },
    ],
  },
  {
    group: 'DT outage',
    fields: [
      { key: 'outage_share', label: "Raise when this share of a DT's meters lose power (%)", hint: 'Above 0, at most 100', numeric: true },
      { key: 'outage_clear_share', label: 'Clear when fewer than this share are still out (%)', hint: 'Below the raise share', numeric: true },
      { key: 'outage_window_seconds', label: 'Within (seconds)', hint: '10 to 86,400', numeric: true },
    ],
  },
  {
    group: 'Communication loss',
    fields: [
      { key: 'communication_loss_hours', label: 'A meter is silent after (hours)', hint: '1 to 2,160; the communication-loss report starts here', numeric: true },
    ],
  },
];

function AlarmRulesForm({ initial, editable }: { initial: AlarmRulesDraft; editable: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async (body: AlarmRulesDraft) => unwrap(await api.PUT('/api/v1/alarms/rules', { body: toAlarmRules(body) })),
    onSuccess: (rules) => {
      setSaved(true);
      setDraft(toAlarmRulesDraft(rules));
      queryClient.setQueryData(['alarms', 'rules'], rules);
      void queryClient.invalidateQueries({ queryKey: ['alarms', 'communication-loss'] });
    },
  });
  const serverErrors = fieldErrorsOf(save.error);
  const errors = { ...formErrors, ...serverErrors };

  function submit() {
    const problems = checkAlarmRules(draft);
    setFormErrors(problems);
    setSaved(false);
    save.reset();
    if (Object.keys(problems).length === 0) save.mutate(draft);
  }

  return (
    <form
      aria-label="Alarm rules"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {save.isError && Object.keys(serverErrors).length === 0 && <Alert severity="error">{messageOf(save.error)}</Alert>}
      {(Object.keys(serverErrors).length > 0 || Object.keys(formErrors).length > 0) && (
        <Alert severity="error" role="alert">
          Some values need correcting: see the fields marked below.
        </Alert>
      )}
      {saved && (
        <Alert severity="success" role="status" onClose={() => setSaved(false)}>
          Alarm rules saved; they apply to events from now on.
        </Alert>
      )}
      <Grid container spacing={2} sx={{ mt: 0 }}>
        {FIELDS.map((group) => (
          <Grid key={group.group} size={{ xs: 12, md: 4 }}>
            <Card variant="outlined" sx={{ height: '100%' }}>
              <CardContent>
                <Typography component="h2" variant="subtitle1">
                  {group.group}
                </Typography>
                {group.fields.map((field) => (
                  <FormTextField
                    key={field.key}
                    size="small"
                    label={field.label}
                    inputMode={field.numeric ? 'decimal' : 'text'}
                    value={draft[field.key]}
                    onChange={(value) => setDraft((d) => ({ ...d, [field.key]: value }))}
                    error={errors[field.key]}
                    hint={field.hint}
                    slotProps={{ input: { readOnly: !editable } }}
                  />
                ))}
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      {editable && (
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            Save alarm rules
          </Button>
          <Button
            onClick={() => {
              setDraft(initial);
              setFormErrors({});
              setSaved(false);
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

/** The tenant's alarm rules: read by everyone who sees alarms, changed by tenant administrators. */
export default function AlarmRulesPage() {
  const session = useSignedIn();
  const editable = hasAnyRole(session.roles, TENANT_ADMINS);
  const rules = useQuery({
    queryKey: ['alarms', 'rules'],
    queryFn: async () => unwrap(await api.GET('/api/v1/alarms/rules')),
    staleTime: Infinity,
  });
  return (
    <>
      <PageHeader
        title="Alarm rules"
        subtitle={
          editable
            ? 'Which meter events raise alarms, when a DT counts as out, and when a meter counts as silent.'
            : 'Read only: tenant administrators change the alarm rules.'
        }
      />
      <QueryStatus query={rules}>{(r) => <AlarmRulesForm initial={toAlarmRulesDraft(r)} editable={editable} />}</QueryStatus>
    </>
  );
}
