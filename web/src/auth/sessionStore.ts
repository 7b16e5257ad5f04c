/**
 * The signed-in session, kept in localStorage so a reload stays signed in: a short-lived access token, and the
 * refresh token that gets the next one until the session ends.
 */
export interface Session {
  token: string;
  username: string;
  tenant?: string;
  roles: string[];
  expiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
}

/** Refresh this long before the access token runs out, so no request goes out with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

const STORAGE_KEY = 'vidyut.session';

interface TokenClaims {
  sub: string;
  tenant?: string;
  roles?: string[];
  exp: number;
}

function decodeClaims(token: string): TokenClaims {
  const payload = token.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(
    Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  );
  return JSON.parse(json) as TokenClaims;
}

/** A session from an access token (who, which tenant, which roles, until when) and its refresh token. */
export function sessionFromToken(
  token: string,
  refresh?: { refreshToken: string; refreshExpiresAt: number },
): Session {
  const claims = decodeClaims(token);
  return {
    token,
    username: claims.sub,
    tenant: claims.tenant,
    roles: claims.roles ?? [],
    expiresAt: claims.exp * 1000,
    ...refresh,
  };
}

/** Whether the access token should be traded for a new one before the next request. */
export function needsRefresh(session: Session, now = Date.now()): boolean {
  return (
    !!session.refreshToken &&
    session.expiresAt - now < REFRESH_MARGIN_MS &&
    (session.refreshExpiresAt ?? 0) > now
  );
}

/** The stored session while its access token, or its refresh token, is still good. */
export function readStoredSession(now = Date.now()): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > now || (session.refreshToken && (session.refreshExpiresAt ?? 0) > now) ? session : null;
  } catch {
    return null;
  }
}

export function storeSession(session: Session | null): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
}
