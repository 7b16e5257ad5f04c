import { afterEach, describe, expect, it } from 'vitest';
import { readSignedInFragment, signInTenant } from './singleSignOn';

function tokenWith(claims: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;
}

describe('single sign-on outcome in the URL fragment', () => {
  afterEach(() => localStorage.clear());

  it('adopts the tokens of a signed-in fragment as a session with its refresh token', () => {
    const token = tokenWith({ sub: 'ravi', tenant: 'discom', roles: ['OPERATOR'], exp: 2000 });
    const outcome = readSignedInFragment(
      `#/signed-in?access_token=${token}&expires_in=900&refresh_expires_in=60&refresh_token=r1`,
      1_000_000,
    );
    expect(outcome).toMatchObject({
      session: { username: 'ravi', tenant: 'discom', roles: ['OPERATOR'], refreshToken: 'r1', refreshExpiresAt: 1_060_000 },
    });
  });

  it('reports a refusal, and ignores fragments that are no sign-in outcome', () => {
    expect(readSignedInFragment('#/signed-in?error=unknown-user')).toEqual({ error: 'unknown-user' });
    expect(readSignedInFragment('#/signed-in?access_token=garbage')).toEqual({ error: 'no-token' });
    expect(readSignedInFragment('#section-2')).toBeNull();
    expect(readSignedInFragment('')).toBeNull();
  });

  it('remembers the tenant given in the address for the next visit', () => {
    expect(signInTenant(new URLSearchParams(''))).toBeNull();
    expect(signInTenant(new URLSearchParams('tenant=discom'))).toBe('discom');
    expect(signInTenant(new URLSearchParams(''))).toBe('discom');
  });
});
