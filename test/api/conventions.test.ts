// The API's cross-cutting conventions: error codes and masking, depth and cost limits, introspection, probes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Gql, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const clientDir = mkdtempSync(path.join(os.tmpdir(), 'changhu-client-'));
beforeAll(async () => {
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>client</title>');
  writeFileSync(path.join(clientDir, 'app.js'), 'console.log(1)');
  s = await startTestServer({ clientDir, maxDepth: 10, maxCost: 5000 });
  officer = await s.as('officer');
});
let officer: Gql;
afterAll(async () => {
  await s?.stop();
});

const nested = (depth: number) => {
  let sel = 'name';
  for (let i = 0; i < depth; i++) sel = `path { ${sel} }`;
  return `{ regions { ${sel} } }`;
};

describe('limits', () => {
  it('rejects a query deeper than the limit before execution with QUERY_TOO_DEEP', async () => {
    expect((await officer(nested(8))).body.errors).toBeUndefined();
    const r = await officer(nested(12));
    expect(codeOf(r)).toBe('QUERY_TOO_DEEP');
    expect(r.body.data).toBeUndefined();
  });

  it('rejects a query whose pages multiply beyond the cost limit with QUERY_TOO_COSTLY', async () => {
    const one = (i: number) => `a${i}: insuredPersons(first: 100) { nodes { name region { name path { name } } } }`;
    expect((await officer(`{ ${one(1)} }`)).body.errors).toBeUndefined();
    const r = await officer(`{ ${Array.from({ length: 12 }, (_, i) => one(i)).join(' ')} }`);
    expect(codeOf(r)).toBe('QUERY_TOO_COSTLY');
    expect(r.body.data).toBeUndefined();
  });

  it('counts page sizes given as variables', async () => {
    const q = `query($n: Int) { ${Array.from({ length: 12 }, (_, i) => `a${i}: insuredPersons(first: $n) { nodes { name region { name path { name } } } }`).join(' ')} }`;
    expect(codeOf(await officer(q, { n: 1 }))).toBeUndefined();
    expect(codeOf(await officer(q, { n: 100 }))).toBe('QUERY_TOO_COSTLY');
    expect(codeOf(await officer(q, { n: 1 }))).toBeUndefined();
  });

  it('counts fields under @include and @skip by their variables, and refuses a costly query each time it comes', async () => {
    const q = `query($big: Boolean!) { ${Array.from({ length: 12 }, (_, i) => `a${i}: insuredPersons(first: 100) @include(if: $big) { nodes { name region { name path { name } } } }`).join(' ')} }`;
    expect(codeOf(await officer(q, { big: false }))).toBeUndefined();
    expect(codeOf(await officer(q, { big: true }))).toBe('QUERY_TOO_COSTLY');
    expect(codeOf(await officer(q, { big: false }))).toBeUndefined();
    const fixed = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: insuredPersons(first: 100) { nodes { name region { name path { name } } } }`).join(' ')} }`;
    for (let i = 0; i < 2; i++) expect(codeOf(await officer(fixed))).toBe('QUERY_TOO_COSTLY');
  });
});

describe('errors', () => {
  it('gives GraphQL validation errors their code', async () => {
    expect(codeOf(await officer('{ noSuchField }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(codeOf(await officer('{ insuredPersons('))).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('masks unexpected errors: no stack, no SQL', async () => {
    const broken = await startTestServer();
    try {
      await broken.db.orm.em.fork().getConnection().execute('alter table insured_person rename to gone');
      const r = await (await broken.as('officer'))('{ insuredPersons { totalCount } }');
      expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
      expect(r.body.errors![0]!.message).toBe('Internal server error');
      const text = JSON.stringify(r.body);
      expect(text).not.toMatch(/insured_person|select|stack|relation/i);
    } finally {
      await broken.stop();
    }
  });
});

describe('introspection', () => {
  it('is on by configuration in development and can be switched off', async () => {
    expect((await officer('{ __schema { queryType { name } } }')).body.data.__schema.queryType.name).toBe('Query');
    const off = await startTestServer({ introspection: false });
    try {
      expect(codeOf(await off.gql('{ __schema { queryType { name } } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await off.stop();
    }
  });
});

describe('HTTP', () => {
  it('answers the probes', async () => {
    expect(await (await fetch(s.url + '/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(s.url + '/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('reports not ready while a migration is pending', async () => {
    const other = await startTestServer();
    try {
      await other.db.orm.em.fork().getConnection().execute('delete from mikro_orm_migrations');
      const r = await fetch(other.url + '/readyz');
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ status: 'not ready', reason: 'migrations pending' });
    } finally {
      await other.stop();
    }
  });

  it('serves the client with SPA fallback, and static files as they are', async () => {
    const page = await fetch(s.url + '/people/123', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>client</title>');
    expect(await (await fetch(s.url + '/app.js')).text()).toBe('console.log(1)');
    expect((await fetch(s.url + '/missing.js', { headers: { accept: 'application/javascript' } })).status).toBe(404);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(s.url + '/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(s.url + '/healthz');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
