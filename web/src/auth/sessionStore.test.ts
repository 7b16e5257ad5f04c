import { afterEach, describe, expect, it } from 'vitest';
import { needsRefresh, readStoredSession, sessionFromToken, storeSession } from './sessionStore';

function tokenWith(claims: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;
}

describe('session store', () => {
  afterEach(() => storeSession(null));

  it('reads user, tenant and roles from the token claims', () => {
    const session = sessionFromToken(tokenWith({ sub: 'demo.admin', tenant: 'demo', roles: ['TENANT_ADMIN'], exp: 2000 }));
    expect(session).toMatchObject({ username: 'demo.admin', tenant: 'demo', roles: ['TENANT_ADMIN'], expiresAt: 2_000_000 });
  });

  it('forgets an expired session', () => {
    storeSession(sessionFromToken(tokenWith({ sub: 'demo.admin', roles: [], exp: 2000 })));
    expect(readStoredSession(1_000_000)?.username).toBe('demo.admin');
    expect(readStoredSession(3_000_000)).toBeNull();
  });

  it('keeps a session whose access token ran out while its refresh token is still good', () => {
    storeSession(
      sessionFromToken(tokenWith({ sub: 'demo.admin', roles: [], exp: 2000 }), {
        refreshToken: 'r1',
        refreshExpiresAt: 9_000_000,
      }),
    );
    expect(readStoredSession(3_000_000)?.refreshToken).toBe('r1');
    expect(readStoredSession(9_500_000)).toBeNull();
  });

  it('refreshes a minute before the access token runs out, and only while the session lasts', () => {
    const session = sessionFromToken(tokenWith({ sub: 'demo.admin', roles: [], exp: 2000 }), {
      refreshToken: 'r1',
      refreshExpiresAt: 9_000_000,
    });
    expect(needsRefresh(session, 1_900_000)).toBe(false);
    expect(needsRefresh(session, 1_950_000)).toBe(true);
    expect(needsRefresh(session, 9_100_000)).toBe(false);
    expect(needsRefresh({ ...session, refreshToken: undefined }, 1_950_000)).toBe(false);
  });
});
