import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { useAssignException } from './veeQueries';

/** Hands the exception to a person (by username). */
export function AssignForm({ exceptionId, assignedTo }: { exceptionId: string; assignedTo?: string }) {
  const assign = useAssignException(exceptionId);
  const [assignee, setAssignee] = useState(assignedTo ?? '');
  const [formError, setFormError] = useState<string>();
  const serverErrors = fieldErrorsOf(assign.error);
  const error = formError ?? serverErrors.assignee ?? (assign.isError && !serverErrors.assignee ? messageOf(assign.error) : undefined);

  function submit() {
    const problem = assignee.trim() ? undefined : 'Name the person (username)';
    setFormError(problem);
    if (!problem) assign.mutate(assignee.trim());
  }

  return (
    <Stack direction="row" spacing={1} component="form" aria-label="Assign exception" noValidate sx={{ alignItems: 'flex-start' }}
      onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <FormTextField size="small" label="Assign to" value={assignee} onChange={setAssignee} error={error}
        hint={assign.isSuccess ? `Assigned to ${assign.data.assigned_to}` : undefined} />
      <Button type="submit" variant="outlined" disabled={assign.isPending} sx={{ mt: 2 }}>
        Assign
      </Button>
    </Stack>
  );
}
