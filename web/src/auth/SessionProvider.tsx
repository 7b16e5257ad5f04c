import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, SESSION_EXPIRED_EVENT } from '../api/client';
import { unwrap } from '../api/problem';
import { sessionFromIssued } from './refresh';
import { adoptSignedInFragment } from './singleSignOn';
import { readStoredSession, storeSession, type Session } from './sessionStore';

interface SessionContextValue {
  session: Session | null;
  /** True when the last session ended because the server refused it (expired token). */
  expired: boolean;
  /** Why single sign-on, just returned from, was refused (an error code); null when it was not. */
  signOnFailure: string | null;
  signIn(username: string, password: string): Promise<void>;
  switchTenant(tenant: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds who is signed in; signs out on any 401 so the shell can send the user to sign in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // first: a return from single sign-on brings its session in the URL fragment
  const [signOnFailure] = useState<string | null>(() => adoptSignedInFragment());
  const [session, setSession] = useState<Session | null>(() => readStoredSession());
  const [expired, setExpired] = useState(false);

  const adopt = useCallback(
    (issued: { access_token?: string; refresh_token?: string; refresh_expires_in?: number }) => {
      const next = sessionFromIssued(issued, readStoredSession());
      storeSession(next);
      queryClient.clear();
      setExpired(false);
      setSession(next);
    },
    [queryClient],
  );

  useEffect(() => {
    const onExpired = () => {
      storeSession(null);
      setExpired(true);
      setSession(null);
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, onExpired);
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      expired,
      signOnFailure,
      async signIn(username, password) {
        adopt(unwrap(await api.POST('/api/v1/auth/token', { body: { username, password } })));
      },
      async switchTenant(tenant) {
        adopt(unwrap(await api.POST('/api/v1/auth/switch-tenant', { body: { tenant } })));
      },
      signOut() {
        // ends the session on the server too (its tokens stop working); signed out here whatever the answer
        void api.POST('/api/v1/auth/logout').catch(() => undefined);
        storeSession(null);
        queryClient.clear();
        setExpired(false);
        setSession(null);
      },
    }),
    [session, expired, signOnFailure, adopt, queryClient],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for components rendered behind RequireSession. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
