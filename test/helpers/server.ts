// A real server on a free port against a fresh database, and a small GraphQL client for API tests.
import { startServer, type RunningServer } from '../../server/src/app/server.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { createTestDatabase } from './db.ts';

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, any>; path?: unknown[] }[] };
}

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

export interface TestServer extends RunningServer {
  /** Anonymous requests. */
  gql: Gql;
  /** Signs in as a user (the demo users share DEMO_PASSWORD) and returns their client. */
  as(username: string, password?: string): Promise<Gql & { cookie: string }>;
}

export function clientFor(url: string, cookie = ''): Gql {
  return async (query, variables) => {
    const res = await fetch(url + '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse['body'] };
  };
}

export const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id username } roles } }`;

/** The session cookie (name=value) from a login response. */
export function sessionCookie(res: GraphQLResponse): string {
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0] ?? '';
}

export async function startTestServer(overrides: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  const databaseUrl = await createTestDatabase();
  const running = await startServer({ databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'silent', ...overrides });
  const gql = clientFor(running.url);
  return {
    ...running,
    gql,
    async as(username, password = DEMO_PASSWORD) {
      const res = await gql(LOGIN, { u: username, p: password });
      if (res.body.errors) throw new Error(`login as ${username} failed: ${JSON.stringify(res.body.errors)}`);
      const cookie = sessionCookie(res);
      return Object.assign(clientFor(running.url, cookie), { cookie });
    },
  };
}

/** The first error's code, for assertions. */
export const codeOf = (r: GraphQLResponse) => r.body.errors?.[0]?.extensions?.code;

/** How many SQL statements the server ran while `run` ran (to show a list costs the same for any page size). */
export async function countStatements(server: TestServer, run: () => Promise<void>): Promise<number> {
  let n = 0;
  const conn = server.db.orm.em.getConnection();
  const original = conn.execute.bind(conn);
  (conn as any).execute = (...args: unknown[]) => {
    n++;
    return (original as any)(...args);
  };
  try {
    await run();
  } finally {
    (conn as any).execute = original;
  }
  return n;
}

/**
 * SQL on a running server's database, as a test's set-up or check: after it, the server has heard of the change
 * (its caches of seldom-changing facts, server/src/shared/fact-cache.ts, hold nothing the change replaced).
 */
export function sqlOn(server: Pick<RunningServer, 'db' | 'pubSub'>) {
  return async (q: string, params: unknown[] = []): Promise<any[]> => {
    const rows = await server.db.orm.em.fork().getConnection().execute<any[]>(q, params);
    await server.pubSub.settled();
    return rows;
  };
}
