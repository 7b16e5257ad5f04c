import type { ReactNode } from 'react';
import { Alert, LinearProgress } from '@mui/material';
import type { UseQueryResult } from '@tanstack/react-query';
import { messageOf } from '../api/problem';

/** Shows progress or the failure of a query, else renders its data. */
export function QueryStatus<T>({ query, children }: { query: UseQueryResult<T>; children(data: T): ReactNode }) {
  if (query.isPending) return <LinearProgress aria-label="Loading" />;
  if (query.isError) return <Alert severity="error">{messageOf(query.error)}</Alert>;
  return <>{children(query.data)}</>;
}
