// The GraphQL-over-HTTP audits of the graphql-http package, run against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.stop();
});

/** A non-browser client: Apollo's CSRF prevention lets GETs through once a request names itself with this header. */
const nonBrowserFetch: typeof fetch = (input, init = {}) =>
  fetch(input, { ...init, headers: { 'apollo-require-preflight': 'true', ...(init.headers as Record<string, string>) } });

describe('GraphQL over HTTP', () => {
  it('passes every audit of graphql-http (MUST, SHOULD and MAY)', async () => {
    const audits = serverAudits({ url: () => s.url + '/graphql', fetchFn: nonBrowserFetch });
    const results = await Promise.all(audits.map(async (a) => ({ ...(await a.fn()), name: a.name })));
    expect(results.length).toBeGreaterThan(20);
    const failed = results.filter((r) => r.status !== 'ok').map((r) => `${r.name}: ${(r as { reason?: string }).reason}`);
    expect(failed).toEqual([]);
  });

  it('answers queries over GET and refuses mutations over GET', async () => {
    const q = encodeURIComponent('{ regions { code name } }');
    const { cookie } = await s.as('officer');
    const ok = await nonBrowserFetch(`${s.url}/graphql?query=${q}`, { headers: { cookie } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).data.regions).toEqual([{ code: '3702', name: '青岛市' }]);
    const m = encodeURIComponent('mutation { recordDeath(id: "x", input: { dateOfDeath: "2020-01-01" }) { id } }');
    const refused = await nonBrowserFetch(`${s.url}/graphql?query=${m}`);
    expect(refused.status).toBe(405);
  });

  it('blocks a GET that a browser could send cross-site (CSRF prevention)', async () => {
    const res = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });
});
