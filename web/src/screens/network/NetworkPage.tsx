import { useState } from 'react';
import { Alert, Grid, Paper, Stack } from '@mui/material';
import { messageOf } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { pathTo } from './networkQueries';
import { consumerItemId, NetworkTree } from './NetworkTree';
import { NetworkSearch } from './NetworkSearch';
import { SelectionDetails } from './SelectionDetails';

export default function NetworkPage() {
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  /** Opens the tree down to a node and selects the item. */
  async function reveal(nodeId: string, itemId: string) {
    setFailure(null);
    try {
      const path = await pathTo(nodeId);
      setExpanded((current) => [...new Set([...current, ...path])]);
      setSelected(itemId);
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  return (
    <>
      <PageHeader title="Network" subtitle="Circle → division → sub-division → substation → feeder → DT → consumers" />
      {failure && <Alert severity="error">{failure}</Alert>}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Paper sx={{ p: 2 }}>
            <Stack spacing={2}>
              <NetworkSearch
                onNode={(node) => node.id && reveal(node.id, node.id)}
                onConsumer={(consumer) => consumer.dt_id && consumer.id && reveal(consumer.dt_id, consumerItemId(consumer.id))}
              />
              <NetworkTree expanded={expanded} onExpandedChange={setExpanded} selected={selected} onSelect={setSelected} />
            </Stack>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <SelectionDetails selected={selected} />
        </Grid>
      </Grid>
    </>
  );
}
