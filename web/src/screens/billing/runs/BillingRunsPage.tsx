import { useState } from 'react';
import { Button, Grid } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { hasAnyRole } from '../../../auth/roles';
import { useSignedIn } from '../../../auth/SessionProvider';
import { PageHeader } from '../../../components/PageHeader';
import { BILLING_OPERATORS, BILLING_ADMINS } from '../../../auth/roles';
import { useCycles } from './billingQueries';
import { CyclesCard } from './CyclesCard';
import { FindConsumerCard } from './FindConsumerCard';
import { NewCycleDialog } from './NewCycleDialog';
import { RunsCard } from './RunsCard';
import { StartRunDialog } from './StartRunDialog';

/** Billing cycles and runs: who is billed together, the runs newest first with their progress, and a consumer finder. */
export default function BillingRunsPage() {
  const session = useSignedIn();
  const canRun = hasAnyRole(session.roles, BILLING_OPERATORS);
  const canAddCycle = hasAnyRole(session.roles, BILLING_ADMINS);
  const cycles = useCycles();
  const [dialog, setDialog] = useState<'cycle' | 'run' | null>(null);

  return (
    <>
      <PageHeader
        title="Billing runs"
        subtitle="Determinants of billing cycles and of named consumers from billing-grade data; days and times in IST."
        actions={
          canRun && (
            <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={() => setDialog('run')}>
              Start run
            </Button>
          )
        }
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <RunsCard />
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <FindConsumerCard />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <CyclesCard
            actions={
              canAddCycle && (
                <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setDialog('cycle')}>
                  New cycle
                </Button>
              )
            }
          />
        </Grid>
      </Grid>
      {canAddCycle && <NewCycleDialog open={dialog === 'cycle'} onClose={() => setDialog(null)} />}
      {canRun && <StartRunDialog open={dialog === 'run'} onClose={() => setDialog(null)} cycles={cycles.data ?? []} />}
    </>
  );
}
