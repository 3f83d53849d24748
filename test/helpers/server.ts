// A real server on a free port against a fresh database, and a small GraphQL client for API tests.
import { startServer, type RunningServer } from '../../server/src/app/server.ts';
import { createTestDatabase } from './db.ts';

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, any>; path?: unknown[] }[] };
}

export interface TestServer extends RunningServer {
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
}

export async function startTestServer(overrides: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  const databaseUrl = await createTestDatabase();
  const running = await startServer({ databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'silent', ...overrides });
  return {
    ...running,
    async gql(query, variables, headers = {}) {
      const res = await fetch(running.url + '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
    },
  };
}

/** The first error's code, for assertions. */
export const codeOf = (r: GraphQLResponse) => r.body.errors?.[0]?.extensions?.code;
