// The floor for the check-in benchmark (visits-checkin.bench.ts): the plainest GraphQL insert of this stack on the
// same machine, the same partitioned visit table and the same load (autocannon, 64 connections, 15 s). The server
// (floor-server.ts) runs in a process of its own; each request stores one visit with a fresh id in one statement.
// What the check-in adds above this (a sign-in, its rules, the audit row, the request log) is its own cost; what
// is below it is the stack's.
//
// Run: npm run bench -- test/bench/graphql-floor.bench.ts
// Options (environment): BENCH_CONNECTIONS (64), BENCH_SECONDS (15).
import { afterAll, beforeAll, expect, test } from 'vitest';
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase } from '../helpers/db.ts';
import { cpuSpan, graphqlTally, startServerProcess, type ServerProcess } from '../helpers/bench.ts';
import { localDate } from '../../server/src/shared/clock.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
let db: pg.Client;
let server: ServerProcess;
let pgPort: string;
let template: Record<string, string>;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  pgPort = new URL(databaseUrl).port;
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // A demo caregiver's visit, as the rows would be: her agency, a beneficiary with a plan in force.
  const { rows } = await db.query(
    `select p.pooling_area as "poolingArea", p.agency_id as "agencyId", c.id as "caregiverId", p.person_id as "personId", p.id as "planId", v.id as "planVersionId", c.user_id as "recordedBy"
       from care_plan p join care_plan_version v on v.plan_id = p.id join caregiver c on c.agency_id = p.agency_id
      where p.care_form = 'HOME' and v.state = 'APPROVED' and c.user_id is not null limit 1`,
  );
  template = rows[0];
  await db.query('vacuum analyze visit');
  server = await startServerProcess('test/bench/floor-server.ts', { NODE_ENV: 'production', DATABASE_URL: databaseUrl }, [], 30);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await db?.end();
});

const INSERT = `mutation($i: VisitInsert!) { createVisit(input: $i) { id status } }`;

test(`plain GraphQL insert, ${CONNECTIONS} connections for ${SECONDS} s`, async () => {
  let n = 0;
  const tally = graphqlTally();
  // Visits of today so far, a minute apart going back (all in this month's partition).
  const now = Date.now();
  const cpuUse = cpuSpan(server.child.pid!, pgPort);
  const instance = autocannon({
    url: `${server.url}/graphql`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req: any) => {
          const at = new Date(now - (n++ % 600) * 1000);
          req.body = JSON.stringify({
            query: INSERT,
            variables: { i: { ...template, id: randomUUID(), localDate: localDate(at), checkInAt: at.toISOString(), checkInLat: 36.07, checkInLng: 120.38, checkInAccuracy: 8 } },
          });
          return req;
        },
        onResponse: tally.counting('insert'),
      },
    ],
  } as never) as unknown as autocannon.Instance;
  const result = await new Promise<autocannon.Result>((resolve) => instance.on('done', resolve));
  const cpu = cpuUse.seconds();
  const ok = tally.ok.insert!;
  const {
    rows: [stored],
  } = await db.query<{ n: number }>(`select count(*)::int as n from visit where caregiver_id = $1 and check_in_at > $2`, [template.caregiverId, new Date(now - 700_000)]);
  const r = result as any;
  console.log(
    JSON.stringify(
      {
        requests: r.requests.total,
        rps: Math.round(r.requests.average),
        p50ms: r.latency.p50,
        p99ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        graphqlErrors: tally.errors,
        ok,
        stored: stored!.n,
        cpu,
        firstError: tally.firstErrors,
      },
      null,
      2,
    ),
  );
  expect(tally.errors).toBe(0);
  expect(stored!.n - ok).toBeGreaterThanOrEqual(0);
  expect(stored!.n - ok).toBeLessThanOrEqual(CONNECTIONS);
}, 120_000);
