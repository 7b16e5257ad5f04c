import { afterEach, describe, expect, it } from 'vitest';
import { readStoredSession, sessionFromToken, storeSession } from './sessionStore';

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
});
