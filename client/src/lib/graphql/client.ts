// The one GraphQL client of the app. Authentication (a later issue) plugs in here: an auth exchange before
// fetchExchange, and the UNAUTHENTICATED branch below turning into a redirect to the sign-in page.
import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import { session } from '../session.svelte';

export const client = new Client({
  url: '/graphql',
  // The server's CSRF prevention refuses GETs without a preflight header; POST with JSON always passes.
  preferGetMethod: false,
  // Cached by default, which suits reference data such as regions; reads of people ask for network-only,
  // since a case worker must act on what is stored now.
  requestPolicy: 'cache-first',
  exchanges: [
    mapExchange({
      onError(error) {
        if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) session.signedOut = true;
      },
    }),
    cacheExchange,
    fetchExchange,
  ],
});
