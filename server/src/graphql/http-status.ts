// GraphQL over HTTP: a client that accepts only the legacy `application/json` gets request errors
// (parse, validation, variable coercion) with status 200, as the spec advises; clients that accept
// `application/graphql-response+json` keep the 4xx status.
import type { ApolloServerPlugin } from '@apollo/server';

/** Failures of a well-formed request's document or variables; malformed requests keep their 400. */
const DOCUMENT_FAILURES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'QUERY_TOO_DEEP']);

export const legacyJsonStatusPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const accept = request.http?.headers.get('accept') ?? '';
    const legacy = !accept.includes('application/graphql-response+json');
    return {
      async willSendResponse({ response }) {
        if (!legacy || response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (response.http.status !== 400 || data !== undefined || !errors?.length) return;
        if (errors.every((e) => DOCUMENT_FAILURES.has(String(e.extensions?.code)))) response.http.status = 200;
      },
    };
  },
};
