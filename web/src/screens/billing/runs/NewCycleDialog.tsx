import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormHelperText,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../../api/problem';
import { FormTextField } from '../../../components/FormTextField';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { useCreateCycle, useNodeSearch } from './billingQueries';
import { BLANK_CYCLE, checkCycleDraft, newCycle, type CycleDraft } from './runForm';

/** Finds network nodes by code or name and adds the one clicked to the cycle. */
function NodePicker({ onPick }: { onPick(node: { id: string; label: string }): void }) {
  const [text, setText] = useState('');
  const results = useNodeSearch(useDebouncedValue(text));
  const nodes = results.data ?? [];
  return (
    <>
      <TextField
        fullWidth
        size="small"
        type="search"
        label="Find a network node"
        placeholder="DT code, feeder or substation name …"
        value={text}
        onChange={(e) => setText(e.target.value)}
        sx={{ mt: 1 }}
      />
      {results.isError && <Alert severity="error">{messageOf(results.error)}</Alert>}
      {results.data && nodes.length === 0 && <Alert severity="info">No node matches.</Alert>}
      {nodes.length > 0 && (
        <List dense aria-label="Matching network nodes" sx={{ maxHeight: 200, overflow: 'auto' }}>
          {nodes.map(({ node }) => (
            <ListItem key={node?.id} disablePadding>
              <ListItemButton onClick={() => node?.id && onPick({ id: node.id, label: `${node.code} · ${node.name}` })}>
                <ListItemText primary={`${node?.code} · ${node?.name}`} secondary={node?.level} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

/** A tenant administrator adds a billing cycle: the consumers under some network nodes, a cycle day, monthly or bi-monthly. */
export function NewCycleDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [draft, setDraft] = useState<CycleDraft>(BLANK_CYCLE);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const create = useCreateCycle();
  // a 409 is about the nodes (they overlap another cycle's) or the code (taken): the server says which
  const conflictField = create.error && messageOf(create.error).includes('overlap') ? 'node_ids' : 'code';
  const errors = { ...formErrors, ...fieldErrorsOf(create.error, conflictField) };
  const set = (changes: Partial<CycleDraft>) => setDraft({ ...draft, ...changes });
  const close = () => {
    create.reset();
    setFormErrors({});
    onClose();
  };
  function submit() {
    const problems = checkCycleDraft(draft);
    setFormErrors(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(newCycle(draft), {
      onSuccess: () => {
        setDraft(BLANK_CYCLE);
        close();
      },
    });
  }

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>New billing cycle</DialogTitle>
      <DialogContent>
        {create.isError && Object.keys(fieldErrorsOf(create.error, conflictField)).length === 0 && (
          <Alert severity="error">{messageOf(create.error)}</Alert>
        )}
        <FormTextField label="Code" value={draft.code} onChange={(code) => set({ code })} error={errors.code} hint="e.g. GGN-CYCLE-05" />
        <FormTextField label="Name" value={draft.name} onChange={(name) => set({ name })} error={errors.name} />
        <Stack direction="row" spacing={2}>
          <FormTextField
            label="Cycle day"
            type="number"
            value={draft.cycleDay}
            onChange={(cycleDay) => set({ cycleDay })}
            error={errors.cycle_day}
            hint="1–28: the day each period starts"
          />
          <FormTextField select label="Period" value={draft.months} onChange={(months) => set({ months: months as '1' | '2' })} error={errors.months}>
            <MenuItem value="1">Monthly</MenuItem>
            <MenuItem value="2">Bi-monthly</MenuItem>
          </FormTextField>
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }} aria-label="Nodes of the cycle" role="list">
          {draft.nodes.map((node) => (
            <Chip
              key={node.id}
              role="listitem"
              label={node.label}
              onDelete={() => set({ nodes: draft.nodes.filter((n) => n.id !== node.id) })}
            />
          ))}
        </Stack>
        <FormHelperText error={Boolean(errors.node_ids)}>
          {errors.node_ids ?? 'The consumers supplied under these nodes (any level) are billed together; no two cycles share one.'}
        </FormHelperText>
        <NodePicker onPick={(node) => !draft.nodes.some((n) => n.id === node.id) && set({ nodes: [...draft.nodes, node] })} />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={create.isPending}>
          Add cycle
        </Button>
      </DialogActions>
    </Dialog>
  );
}
