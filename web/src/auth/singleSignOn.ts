import { sessionFromIssued } from './refresh';
import { storeSession, type Session } from './sessionStore';

/** Where the server sends the browser back after single sign-on: /#/signed-in?access_token=… or ?error=… */
const SIGNED_IN = '#/signed-in?';
const TENANT_KEY = 'vidyut.sign-in-tenant';

/** What single sign-on brought back in the URL fragment (the fragment never reaches a server). */
export type SignedInFragment = { session: Session } | { error: string };

/** Reads the outcome of single sign-on from a URL fragment; null when the fragment is no such outcome. */
export function readSignedInFragment(hash: string, now = Date.now()): SignedInFragment | null {
  if (!hash.startsWith(SIGNED_IN)) return null;
  const params = new URLSearchParams(hash.slice(SIGNED_IN.length));
  const error = params.get('error');
  const accessToken = params.get('access_token');
  if (error || !accessToken) return { error: error ?? 'no-token' };
  try {
    const session = sessionFromIssued(
      {
        access_token: accessToken,
        refresh_token: params.get('refresh_token') ?? undefined,
        refresh_expires_in: Number(params.get('refresh_expires_in') ?? 0),
      },
      null,
      now,
    );
    return { session };
  } catch {
    return { error: 'no-token' };
  }
}

/**
 * Adopts a single sign-on outcome from the page's URL once, at start: stores its session, and takes the tokens out
 * of the address bar and history. Returns the error code when the sign-on was refused.
 */
export function adoptSignedInFragment(): string | null {
  const outcome = readSignedInFragment(window.location.hash);
  if (!outcome) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  if ('error' in outcome) return outcome.error;
  storeSession(outcome.session);
  return null;
}

/** Why single sign-on was refused, for the sign-in page. */
export function signOnFailureMessage(code: string): string {
  switch (code) {
    case 'unknown-user':
      return 'Your sign-in provider knows you, but you have no user in this MDM. Ask your administrator to create one.';
    case 'unknown-state':
      return 'That sign-in had expired or was already used. Start again.';
    case 'throttled':
      return 'Too many failed sign-ins from this address; wait a minute.';
    case 'provider-refused':
      return 'The sign-in provider did not sign you in.';
    default:
      return 'Single sign-on failed. Try again, or sign in with your username and password.';
  }
}

/** The tenant whose sign-in choices the page shows: ?tenant= in the address (remembered), else the last one given. */
export function signInTenant(search: URLSearchParams): string | null {
  const given = search.get('tenant');
  if (given) {
    localStorage.setItem(TENANT_KEY, given);
    return given;
  }
  return localStorage.getItem(TENANT_KEY);
}
