import { useState } from 'react';
import { Alert, Card, CardContent, Divider, IconButton, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { hasAnyRole, DATA_OPERATORS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { QueryStatus } from '../../components/QueryStatus';
import { formatQuantity } from '../../format/indian';
import { AssignForm } from './AssignForm';
import { ExceptionFacts } from './ExceptionFacts';
import { IntervalComparison } from './IntervalComparison';
import { ResolveForm } from './ResolveForm';
import { BLANK_RESOLUTION, type ResolutionDraft } from './resolutionForm';
import { channelUnit, ruleLabel, type VeeException } from './veeLabels';
import { useException } from './veeQueries';

/** What the resolution being prepared would store in an interval. */
function proposedText(draft: ResolutionDraft) {
  return (stored: number | null, unit: string): string => {
    if (draft.action === 'ESTIMATE') return 'estimated by VEE';
    if (draft.action === 'REPLACE') return 'the re-sent value';
    if (draft.action === 'EDIT') {
      const value = Number(draft.value.trim());
      return draft.value.trim() && Number.isFinite(value) ? formatQuantity(value, unit) : 'value to enter';
    }
    return stored === null ? 'missing' : 'kept as stored';
  };
}

function resolvedMessage(result: VeeException): string {
  return result.status === 'RESOLVED'
    ? `Resolved: ${result.resolution ?? ''}`
    : 'The change was asked for; it waits for a second person to approve it (the exception stays open until then).';
}

/** The selected exception: its facts, its intervals stored vs proposed, and (for operators) resolve and assign. */
export function ExceptionPanel({ exceptionId, onClose }: { exceptionId: string; onClose(): void }) {
  const session = useSignedIn();
  const exception = useException(exceptionId);
  const [draft, setDraft] = useState<ResolutionDraft>(BLANK_RESOLUTION);
  const [outcome, setOutcome] = useState<string>();
  const canResolve = hasAnyRole(session.roles, DATA_OPERATORS);

  return (
    <Card component="section" aria-labelledby="exception-panel-title">
      <CardContent>
        <QueryStatus query={exception}>
          {(e) => (
            <Stack spacing={2}>
              <Stack direction="row" sx={{ alignItems: 'center' }}>
                <Typography id="exception-panel-title" component="h2" variant="h6" sx={{ flexGrow: 1 }}>
                  {ruleLabel(e.rule)} at {e.meter_serial}
                </Typography>
                <IconButton aria-label="Close exception details" onClick={onClose}>
                  <CloseIcon />
                </IconButton>
              </Stack>
              <ExceptionFacts exception={e} />
              <IntervalComparison exception={e} proposed={proposedText(draft)} />
              {outcome && <Alert severity="success">{outcome}</Alert>}
              {canResolve && e.status === 'OPEN' && (
                <>
                  <Divider />
                  <ResolveForm
                    key={e.id}
                    exceptionId={exceptionId}
                    unit={channelUnit(e.channel)}
                    heldResend={e.rule === 'RESEND_CHANGE'}
                    draft={draft}
                    onChange={setDraft}
                    onResolved={(result) => {
                      setOutcome(resolvedMessage(result));
                      setDraft(BLANK_RESOLUTION);
                    }}
                  />
                  <AssignForm key={`assign-${e.id}`} exceptionId={exceptionId} assignedTo={e.assigned_to} />
                </>
              )}
            </Stack>
          )}
        </QueryStatus>
      </CardContent>
    </Card>
  );
}
