import { Link as RouterLink } from 'react-router';
import { Link, Typography } from '@mui/material';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Typography>
        There is no screen here. Go to the{' '}
        <Link component={RouterLink} to="/">
          overview
        </Link>
        .
      </Typography>
    </>
  );
}
