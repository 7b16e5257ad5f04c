import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Switch,
} from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../../api/problem';
import { FormTextField } from '../../../components/FormTextField';
import { cycleSchedule, RUN_KINDS, type BillingCycle } from './billingLabels';
import { useStartRun } from './billingQueries';
import { BLANK_RUN, checkRunDraft, istToday, MOST_DAYS, parseAccountNumbers, runRequest, type RunDraft } from './runForm';

const NAMED_KINDS = RUN_KINDS.filter((k) => k.kind !== 'CYCLE');

function DayFields({ draft, errors, onChange }: { draft: RunDraft; errors: Record<string, string>; onChange(changes: Partial<RunDraft>): void }) {
  return (
    <Stack direction="row" spacing={2}>
      <FormTextField
        label="First day"
        type="date"
        value={draft.firstDay}
        onChange={(firstDay) => onChange({ firstDay })}
        error={errors.first_day}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <FormTextField
        label="Last day"
        type="date"
        value={draft.lastDay}
        onChange={(lastDay) => onChange({ lastDay })}
        error={errors.last_day}
        hint={`IST days, at most ${MOST_DAYS}`}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Stack>
  );
}

/**
 * Starts a run: a cycle's last complete period or chosen days, or a first, final or interim bill of consumers named by
 * account number. The run goes on in the background; its page shows the progress.
 */
export function StartRunDialog({ open, onClose, cycles }: { open: boolean; onClose(): void; cycles: readonly BillingCycle[] }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RunDraft>(BLANK_RUN);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const start = useStartRun();
  const errors = { ...formErrors, ...fieldErrorsOf(start.error) };
  const set = (changes: Partial<RunDraft>) => setDraft({ ...draft, ...changes });
  const close = () => {
    start.reset();
    setFormErrors({});
    onClose();
  };
  function submit() {
    const problems = checkRunDraft(draft, istToday());
    setFormErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const accountNumbers = draft.target === 'NAMED' ? parseAccountNumbers(draft.accountNumbers) : [];
    start.mutate(
      { request: runRequest(draft), accountNumbers },
      {
        onSuccess: (run) => {
          setDraft(BLANK_RUN);
          close();
          navigate(`/billing/runs/${run.id}`);
        },
      },
    );
  }

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>Start a billing run</DialogTitle>
      <DialogContent>
        {start.isError && Object.keys(fieldErrorsOf(start.error)).length === 0 && <Alert severity="error">{messageOf(start.error)}</Alert>}
        <RadioGroup
          aria-label="What to bill"
          value={draft.target}
          onChange={(e) => set({ target: e.target.value as RunDraft['target'] })}
        >
          <FormControlLabel value="CYCLE" control={<Radio />} label="A billing cycle's consumers" />
          <FormControlLabel value="NAMED" control={<Radio />} label="Named consumers (first, final or interim bill)" />
        </RadioGroup>
        {draft.target === 'CYCLE' ? (
          <>
            <FormTextField select label="Cycle" value={draft.cycleCode} onChange={(cycleCode) => set({ cycleCode })} error={errors.cycle_code}
              hint={cycles.length === 0 ? 'No cycles yet: a tenant administrator adds them' : undefined}>
              {cycles.map((cycle) => (
                <MenuItem key={cycle.id} value={cycle.code}>
                  {`${cycle.code} · ${cycle.name} (${cycleSchedule(cycle)})`}
                </MenuItem>
              ))}
            </FormTextField>
            <FormControlLabel
              control={<Switch checked={draft.lastCompletePeriod} onChange={(e) => set({ lastCompletePeriod: e.target.checked })} />}
              label="Its last complete period"
            />
            {!draft.lastCompletePeriod && <DayFields draft={draft} errors={errors} onChange={set} />}
          </>
        ) : (
          <>
            <FormTextField select label="Kind of bill" value={draft.kind} onChange={(kind) => set({ kind: kind as RunDraft['kind'] })} error={errors.kind}>
              {NAMED_KINDS.map(({ kind, label, hint }) => (
                <MenuItem key={kind} value={kind}>
                  {`${label}: ${hint}`}
                </MenuItem>
              ))}
            </FormTextField>
            <FormTextField
              label="Account numbers"
              multiline
              minRows={2}
              value={draft.accountNumbers}
              onChange={(accountNumbers) => set({ accountNumbers })}
              error={errors.consumer_ids}
              hint="Separated by commas, spaces or lines"
            />
            <DayFields draft={draft} errors={errors} onChange={set} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={start.isPending}>
          Start run
        </Button>
      </DialogActions>
    </Dialog>
  );
}
