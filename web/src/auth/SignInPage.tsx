import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { Alert, Box, Button, Divider, Paper, Stack, TextField, Typography } from '@mui/material';
import BoltIcon from '@mui/icons-material/Bolt';
import { messageOf } from '../api/problem';
import { useSession } from './SessionProvider';
import { signInTenant, signOnFailureMessage } from './singleSignOn';

interface OfferedProvider {
  name: string;
  start: string;
}

/** The single sign-on the tenant offers (display names and where to start), none when it offers none. */
function useOfferedProviders(tenant: string | null): OfferedProvider[] {
  const [providers, setProviders] = useState<OfferedProvider[]>([]);
  useEffect(() => {
    if (!tenant) return;
    let current = true;
    fetch(`${window.location.origin}/api/v1/auth/providers?tenant=${encodeURIComponent(tenant)}`)
      .then((response) => (response.ok ? response.json() : { providers: [] }))
      .then((body: { providers?: OfferedProvider[] }) => {
        if (current) setProviders(body.providers ?? []);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [tenant]);
  return providers;
}

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { session, expired, signOnFailure, signIn } = useSession();
  const [params] = useSearchParams();
  const [tenant] = useState(() => signInTenant(params));
  const providers = useOfferedProviders(tenant);
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
          {signOnFailure && !failure && <Alert severity="error">{signOnFailureMessage(signOnFailure)}</Alert>}
          {providers.map((provider) => (
            <Button key={provider.start} href={provider.start} variant="outlined" size="large">
              Sign in with {provider.name}
            </Button>
          ))}
          {providers.length > 0 && <Divider>or with your username</Divider>}
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
