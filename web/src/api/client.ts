import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { freshSession } from '../auth/refresh';

export type Schemas = components['schemas'];

/** Raised when the server refuses the session (401): the shell sends the user to sign in again. */
export const SESSION_EXPIRED_EVENT = 'vidyut:session-expired';

const bearerToken: Middleware = {
  async onRequest({ request }) {
    const session = await freshSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    const isSignIn = /\/auth\/(token|refresh)$/.test(new URL(request.url).pathname);
    if (response.status === 401 && !isSignIn) {
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    }
    return response;
  },
};

/** The one typed client for the MDM API; its types come from the committed OpenAPI snapshot. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearerToken);
