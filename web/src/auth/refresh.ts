import { needsRefresh, readStoredSession, sessionFromToken, storeSession, type Session } from './sessionStore';

interface Issued {
  access_token?: string;
  refresh_token?: string;
  refresh_expires_in?: number;
}

/** The session an answer of sign-in or refresh gives; one without a refresh token keeps the current one. */
export function sessionFromIssued(issued: Issued, current: Session | null, now = Date.now()): Session {
  if (!issued.access_token) throw new Error('The server sent no access token');
  if (issued.refresh_token) {
    return sessionFromToken(issued.access_token, {
      refreshToken: issued.refresh_token,
      refreshExpiresAt: now + (issued.refresh_expires_in ?? 0) * 1000,
    });
  }
  return sessionFromToken(
    issued.access_token,
    current?.refreshToken
      ? { refreshToken: current.refreshToken, refreshExpiresAt: current.refreshExpiresAt ?? 0 }
      : undefined,
  );
}

let inFlight: Promise<Session | null> | null = null;

/**
 * Trades the refresh token for the next access token when the current one is about to run out; one trade at a time
 * (a refresh token works once). Resolves to the session to use, or null when the session has ended.
 */
export function freshSession(now = Date.now()): Promise<Session | null> {
  const session = readStoredSession(now);
  if (!session || !needsRefresh(session, now)) return Promise.resolve(session);
  inFlight ??= fetch(`${window.location.origin}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refresh_token: session.refreshToken }),
  })
    .then(async (response) => {
      if (!response.ok) {
        storeSession(null);
        return null;
      }
      const next = sessionFromIssued((await response.json()) as Issued, session);
      storeSession(next);
      return next;
    })
    .catch(() => session)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
