import type { Schemas } from '../../api/client';
import { formatCount, formatDecimal } from '../../format/indian';

/** The demo back-fill's progress as GET /api/v1/demo/backfill answers it (state NONE, STARTING, RUNNING or DONE). */
export type DemoBackfill = Schemas['DemoBackfill'];

/** "1 min 5 s", "40 s", "12 min". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 || minutes >= 10 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Whether the back-fill is still to finish, so that the overview asks again soon. */
export function backfillUnderWay(b: DemoBackfill | undefined): boolean {
  return b?.state === 'STARTING' || b?.state === 'RUNNING';
}

/** What the overview says about the back-fill, or nothing when there is none. */
export function describeBackfill(b: DemoBackfill): { headline: string; detail: string } | undefined {
  if (b.state === 'STARTING') {
    return {
      headline: 'Back-fill starting',
      detail: 'The simulated HES is reading the demo fleet; it then sends the recent days, today first.',
    };
  }
  if (b.state !== 'RUNNING' && b.state !== 'DONE') return undefined;
  const scope = `${formatCount(b.days ?? 0)} days (today so far included) of ${formatCount(b.meters ?? 0)} meters`;
  if (b.state === 'DONE') {
    return {
      headline: 'Back-fill done',
      detail: `The simulated HES sent ${scope} in ${formatDuration(b.elapsed_seconds ?? 0)}; it now pushes each 15-minute interval as it ends, and meter events as they happen.`,
    };
  }
  const left = b.remaining_seconds == null ? 'estimating the time left' : `about ${formatDuration(b.remaining_seconds)} left`;
  return {
    headline: `Back-filling: ${formatDecimal(b.percent ?? 0, 1)} %`,
    detail: `The simulated HES is sending ${scope}: first the meter events, then today's readings, then the earlier days'. ${left[0].toUpperCase()}${left.slice(1)}.`,
  };
}
