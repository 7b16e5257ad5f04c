import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { readStoredSession } from '../auth/sessionStore';

export type Schemas = components['schemas'];

/** Raised when the server refuses the session (401): the shell sends the user to sign in again. */
export const SESSION_EXPIRED_EVENT = 'vidyut:session-expired';

const bearerToken: Middleware = {
  onRequest({ request }) {
    const session = readStoredSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    const isSignIn = new URL(request.url).pathname.endsWith('/auth/token');
    if (response.status === 401 && !isSignIn) {
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    }
    return response;
  },
};

/** The one typed client for the MDM API; its types come from the committed OpenAPI snapshot. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearerToken);
