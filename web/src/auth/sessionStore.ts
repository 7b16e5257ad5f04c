/** The signed-in session, kept in localStorage so a reload stays signed in until the token expires. */
export interface Session {
  token: string;
  username: string;
  tenant?: string;
  roles: string[];
  expiresAt: number;
}

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

/** A session from an access token: who, which tenant, which roles, until when. */
export function sessionFromToken(token: string): Session {
  const claims = decodeClaims(token);
  return {
    token,
    username: claims.sub,
    tenant: claims.tenant,
    roles: claims.roles ?? [],
    expiresAt: claims.exp * 1000,
  };
}

export function readStoredSession(now = Date.now()): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > now ? session : null;
  } catch {
    return null;
  }
}

export function storeSession(session: Session | null): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
}
