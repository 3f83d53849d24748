// The GraphQL client of the app. It is recreated when a session ends, so nothing one user loaded stays in the
// cache for the next; `client` is a live binding, so every importer uses the current one at call time.
import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';

/** What the API said about the session: no or an ended session, or a password that must change first. */
export interface AuthError {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  reason: string | null;
}

let authErrorHandler: ((e: AuthError) => void) | null = null;

/** Registers the one reaction to session errors (lib/auth/auth.ts); the client itself knows no routes. */
export function onAuthError(handler: (e: AuthError) => void): void {
  authErrorHandler = handler;
}

/** Counts clients, so that a late error of a replaced one cannot end the session that followed. */
let generation = 0;

function createClient(): Client {
  const mine = ++generation;
  return new Client({
    url: '/graphql',
    // The server's CSRF prevention refuses GETs without a preflight header; POST with JSON always passes.
    preferGetMethod: false,
    // The session cookie is HttpOnly and SameSite=Strict; the app and the API share an origin.
    fetchOptions: { credentials: 'same-origin' },
    // Cached by default, which suits reference data such as regions; reads of people ask for network-only,
    // since a case worker must act on what is stored now.
    requestPolicy: 'cache-first',
    exchanges: [
      mapExchange({
        onError(error) {
          if (mine !== generation) return;
          for (const e of error.graphQLErrors) {
            const code = e.extensions?.code;
            const reason = typeof e.extensions?.reason === 'string' ? e.extensions.reason : null;
            // A refused sign-in is the login form's business, not a session that ended.
            if (code === 'UNAUTHENTICATED' && reason !== 'SIGN_IN_FAILED') return authErrorHandler?.({ code, reason });
            if (code === 'FORBIDDEN' && reason === 'PASSWORD_CHANGE_REQUIRED') return authErrorHandler?.({ code, reason });
          }
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}

export let client: Client = createClient();

/** Drops the client and its cache; requests still under way finish on the old one and are ignored. */
export function resetClient(): void {
  client = createClient();
}
