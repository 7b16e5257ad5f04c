import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import BoltIcon from '@mui/icons-material/Bolt';
import { messageOf } from '../api/problem';
import { useSession } from './SessionProvider';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { session, expired, signIn } = useSession();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;

  const usernameMissing = touched && username.trim() === '';
  const passwordMissing = touched && password === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (username.trim() === '' || password === '') return;
    setBusy(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper sx={{ p: 4, width: '100%', maxWidth: 400 }} elevation={3}>
        <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Sign in">
          <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
            <BoltIcon color="primary" aria-hidden />
            <Typography component="h1" variant="h5">
              Vidyut MDM
            </Typography>
          </Stack>
          {expired && <Alert severity="info">Your session ended. Sign in again to continue where you were.</Alert>}
          {failure && <Alert severity="error">{failure}</Alert>}
          <TextField
            label="Username"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={usernameMissing}
            helperText={usernameMissing ? 'Enter your username' : ' '}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={passwordMissing}
            helperText={passwordMissing ? 'Enter your password' : ' '}
          />
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
