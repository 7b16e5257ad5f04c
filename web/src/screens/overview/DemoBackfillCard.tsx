import { useQuery } from '@tanstack/react-query';
import { Alert, AlertTitle, LinearProgress, Stack } from '@mui/material';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { backfillUnderWay, describeBackfill } from './demoBackfill';

/** The tenant of bin/mdm demo: only its users are told about the simulated HES's back-fill. */
const DEMO_TENANT = 'demo';
const POLL_MS = 3_000;

/** The demo back-fill's progress, polled while it runs; 'NONE' on any other server or tenant. */
export function useDemoBackfill(tenant?: string) {
  return useQuery({
    queryKey: ['demo', 'backfill'],
    enabled: tenant === DEMO_TENANT,
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/v1/demo/backfill'));
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return { state: 'NONE' }; // not a demo server
        throw error;
      }
    },
    refetchInterval: (query) => (backfillUnderWay(query.state.data) ? POLL_MS : false),
  });
}

/**
 * On a demo server, how far the simulated HES's back-fill has come, so that a newcomer knows why today's
 * completeness is still climbing. Nothing on any other server or tenant.
 */
export function DemoBackfillCard({ backfill }: { backfill: ReturnType<typeof useDemoBackfill> }) {
  const text = backfill.data ? describeBackfill(backfill.data) : undefined;
  if (!text) return null;
  const running = backfillUnderWay(backfill.data);
  return (
    <Alert severity={running ? 'info' : 'success'} aria-live="polite" data-testid="demo-backfill">
      <AlertTitle>{text.headline}</AlertTitle>
      <Stack spacing={1}>
        <span>{text.detail}</span>
        {running && (
          <LinearProgress
            variant={backfill.data?.state === 'STARTING' ? 'indeterminate' : 'determinate'}
            value={backfill.data?.percent ?? 0}
            aria-label="Back-fill progress"
          />
        )}
      </Stack>
    </Alert>
  );
}
