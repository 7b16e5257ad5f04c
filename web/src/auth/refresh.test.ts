import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshSession, sessionFromIssued } from './refresh';
import { readStoredSession, sessionFromToken, storeSession } from './sessionStore';

function tokenWith(claims: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('refreshing the session', () => {
  afterEach(() => {
    storeSession(null);
    vi.unstubAllGlobals();
  });

  it('takes the refresh token from sign-in, and keeps it when switching tenant gives none', () => {
    const signedIn = sessionFromIssued(
      { access_token: tokenWith({ sub: 'admin', roles: ['PLATFORM_ADMIN'], exp: 2000 }), refresh_token: 'r1', refresh_expires_in: 60 },
      null,
      1_000_000,
    );
    expect(signedIn).toMatchObject({ refreshToken: 'r1', refreshExpiresAt: 1_060_000 });
    const switched = sessionFromIssued({ access_token: tokenWith({ sub: 'admin', tenant: 'demo', roles: [], exp: 2000 }) }, signedIn);
    expect(switched).toMatchObject({ tenant: 'demo', refreshToken: 'r1', refreshExpiresAt: 1_060_000 });
  });

  it('trades the refresh token once for the next pair when the access token is about to run out', async () => {
    storeSession(
      sessionFromToken(tokenWith({ sub: 'demo.operator', roles: [], exp: nowSeconds() + 10 }), {
        refreshToken: 'old',
        refreshExpiresAt: Date.now() + 3_600_000,
      }),
    );
    const next = tokenWith({ sub: 'demo.operator', roles: [], exp: nowSeconds() + 900 });
    const fetchMock = vi.fn().mockResolvedValue(
      new Response(JSON.stringify({ access_token: next, refresh_token: 'new', refresh_expires_in: 3600 }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);

    const [first, second] = await Promise.all([freshSession(), freshSession()]);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ refresh_token: 'old' });
    expect(first?.token).toBe(next);
    expect(second?.refreshToken).toBe('new');
    expect(readStoredSession()?.refreshToken).toBe('new');
  });

  it('forgets the session when the server refuses the refresh token', async () => {
    storeSession(
      sessionFromToken(tokenWith({ sub: 'demo.operator', roles: [], exp: nowSeconds() + 10 }), {
        refreshToken: 'revoked',
        refreshExpiresAt: Date.now() + 3_600_000,
      }),
    );
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{}', { status: 401 })));
    expect(await freshSession()).toBeNull();
    expect(readStoredSession()).toBeNull();
  });
});
